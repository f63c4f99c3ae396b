/*
 * Copyright (c) 2026 Tuya Intercom binding contributors
 *
 * See the NOTICE file(s) distributed with this work for additional
 * information.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * http://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.openhab.binding.tuyaintercom.internal.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The host names this server knows as its own, for the same-origin check of {@link RequestGuard}: the {@code Host} a
 * browser sends is under the control of whoever controls the name's DNS (DNS rebinding: {@code evil.example} made to
 * point at openHAB's address), so a name proves nothing unless the server knows it. Known are IP literals (a browser
 * sends them only to the address they name), {@code localhost}, the machine's own host name (also with
 * {@code .local}, its mDNS name), and the names in the Java system property {@value #PROPERTY} (comma separated, for
 * a name that only the network's DNS knows, e.g. {@code -Dtuyaintercom.webHosts=openhab.home.lan}). Also which peers
 * are trusted proxies whose {@code X-Forwarded-*} headers count: loopback addresses (a proxy on the machine, and the
 * openHAB Cloud connector), and the IP addresses in the system property {@value #PROXIES_PROPERTY}.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class KnownHosts {
    static final String PROPERTY = "tuyaintercom.webHosts";
    static final String PROXIES_PROPERTY = "tuyaintercom.trustedProxies";
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*(%[0-9A-Za-z._-]+)?");

    private final Set<String> names = ConcurrentHashMap.newKeySet();
    private final Set<InetAddress> proxies = ConcurrentHashMap.newKeySet();

    /** With the system properties; the machine's own names are added by {@link #learnMachineNames()}. */
    KnownHosts() {
        this(System.getProperty(PROPERTY, ""), System.getProperty(PROXIES_PROPERTY, ""));
    }

    KnownHosts(String configured, String trustedProxies) {
        names.add("localhost");
        for (String name : configured.split(",")) {
            add(name);
        }
        for (String proxy : trustedProxies.split(",")) {
            InetAddress address = address(proxy.trim());
            if (address != null) {
                proxies.add(address);
            }
        }
    }

    /** Whether the peer is a proxy whose {@code X-Forwarded-*} headers count: on this machine, or configured. */
    boolean isTrustedProxy(@Nullable String peer) {
        InetAddress ip = peer == null ? null : address(peer);
        return ip != null && (ip.isLoopbackAddress() || proxies.contains(ip));
    }

    /** Adds the machine's host name; may wait for the resolver, so it is not called on a request's thread. */
    void learnMachineNames() {
        try {
            add(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException | SecurityException e) {
            // only IP literals, localhost and configured names then
        }
    }

    void add(String name) {
        String host = name.trim().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || isIpLiteral(host)) {
            return;
        }
        names.add(host);
        int dot = host.indexOf('.');
        String first = dot < 0 ? host : host.substring(0, dot);
        if (!first.isEmpty()) {
            names.add(first);
            names.add(first + ".local");
        }
    }

    /** Whether a request naming this host reached this server (for a name: whether the server knows it). */
    boolean isKnown(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return isIpLiteral(name) || names.contains(name) || names.contains(trimDot(name));
    }

    private static String trimDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    static boolean isIpLiteral(String host) {
        var v4 = IPV4.matcher(host);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return false;
                }
            }
            return true;
        }
        return address(host) != null;
    }

    /** The address of an IP literal (never a name lookup), or null. */
    static @Nullable InetAddress address(String literal) {
        String host = literal.startsWith("[") && literal.endsWith("]") ? literal.substring(1, literal.length() - 1)
                : literal;
        if (!IPV4.matcher(host).matches() && !IPV6.matcher(host).matches()) {
            return null; // not a literal: getByName would ask the resolver
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}

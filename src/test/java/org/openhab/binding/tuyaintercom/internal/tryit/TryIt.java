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
package org.openhab.binding.tuyaintercom.internal.tryit;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.osgi.OsgiTestFramework;
import org.openhab.binding.tuyaintercom.internal.sim.SimDevice;
import org.openhab.binding.tuyaintercom.internal.sim.SimPanel;
import org.openhab.binding.tuyaintercom.internal.sim.SimSmartWeb;
import org.openhab.binding.tuyaintercom.internal.sim.SimTls;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;

/**
 * The try-it command: the simulated Tuya cloud with two panels and the binding in Apache Felix (with the openHAB API
 * stand-ins) on localhost, an account bridge and both panels configured against the simulator. Prints the links of
 * the call pages and the oh-video endpoints, how to make a panel ring, and every channel update as it happens.
 * {@code --simulator-only} starts just the simulator and prints what a real openHAB needs to point at it;
 * {@code --smart} uses a Tuya Smart account bridge (the simulator's web client API) instead of a cloud project, with
 * 308 call messages on (under that account type a ring arrives only as a 308 call).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("PMD.SystemPrintln") // a console program: the console is its user interface
public final class TryIt {
    private TryIt() {
    }

    public static void main(String[] args) throws Exception {
        boolean simulatorOnly = List.of(args).contains("--simulator-only");
        boolean smart = List.of(args).contains("--smart");
        SimTls.trustTestCaIfUnset(); // the binding in this JVM trusts the simulator's test CA, as the tests do
        TuyaCloudSimulator sim = new TuyaCloudSimulator().start();
        if (smart) {
            sim.callTransport = TuyaCloudSimulator.CallTransport.OPEN_HUB_308;
        }
        SimPanel front = new SimPanel(sim, SimDevice.panel("frontdoor01", "Front door"));
        SimPanel back = new SimPanel(sim, SimDevice.panel("gate02", "Garden gate"));
        CountDownLatch stopped = new CountDownLatch(1);
        Holder holder = new Holder();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping …");
            holder.stop();
            front.close();
            back.close();
            sim.close();
            stopped.countDown();
        }, "try-it-stop"));

        if (simulatorOnly) {
            printSimulator(sim);
        } else {
            startBinding(sim, holder, smart);
        }
        System.out.println("Make a panel ring: type 1 (front door) or 2 (garden gate) and Enter, or");
        String curl = "curl --cacert " + SimTls.caCertificate().toAbsolutePath() + " -X POST '" + sim.baseUrl();
        System.out.println("  " + curl + "/sim/ring?device=frontdoor01'");
        System.out.println("The visitor hangs up: type h1 / h2, or " + curl + "/sim/hangup?device=frontdoor01'");
        System.out.println("Quit: q or Ctrl-C.\n");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            switch (line.trim()) {
                case "1" -> ring(front);
                case "2" -> ring(back);
                case "h1" -> visitorLeaves(front);
                case "h2" -> visitorLeaves(back);
                case "q" -> System.exit(0);
                default -> System.out.println("1, 2, h1, h2 or q");
            }
        }
        stopped.await(); // stdin closed: run until Ctrl-C
    }

    private static void ring(SimPanel panel) {
        if (panel.transport() == TuyaCloudSimulator.CallTransport.OPEN_HUB_308) {
            panel.publishDoorbellDataPoints("visitor");
        }
        panel.pressCallButton(3, Duration.ofSeconds(30));
        System.out.println(time() + " panel " + panel.id + " calls");
    }

    /**
     * The visitor hangs up: ends an answered call and cancels one still ringing, as {@code /sim/hangup} does (with
     * 308 calls a ringing call is ended only by the panel's cancel).
     */
    private static void visitorLeaves(SimPanel panel) {
        panel.hangUp();
        panel.cancel();
        System.out.println(time() + " visitor at " + panel.id + " hangs up");
    }

    private static void printSimulator(TuyaCloudSimulator sim) {
        System.out.println("\nSimulated Tuya cloud running. Point an openHAB on this machine at it:\n");
        System.out.println("Bridge tuyaintercom:account:sim \"Simulated Tuya cloud\" [ accessId=\"" + sim.accessId()
                + "\", accessSecret=\"" + sim.accessSecret() + "\", dataCenter=\"CUSTOM\", baseUrl=\"" + sim.baseUrl()
                + "\", userId=\"" + sim.userId() + "\" ] {");
        System.out.println("    Thing panel frontdoor \"Front door\" [ deviceId=\"frontdoor01\" ]");
        System.out.println("    Thing panel gate \"Garden gate\" [ deviceId=\"gate02\" ]");
        System.out.println("}\n");
        System.out.println("or, as a Tuya Smart account (it rings only with 308 calls: start with"
                + " --simulator-only --smart):\n");
        System.out.println("Bridge tuyaintercom:smartaccount:sim \"Simulated Tuya Smart\" [ username=\""
                + SimSmartWeb.DEFAULT_USER + "\", password=\"" + SimSmartWeb.DEFAULT_PASSWORD
                + "\", region=\"EU\", baseUrl=\"" + sim.baseUrl() + "\" ] {");
        System.out.println("    Thing panel frontdoor \"Front door\" [ deviceId=\"frontdoor01\" ]");
        System.out.println("}\n");
        System.out.println("(The simulator's own demo credentials; its HTTPS API and its MQTT broker ("
                + sim.broker().url() + " and " + sim.broker().wssUrl()
                + ") have a certificate of a test CA that openHAB's JVM must trust:"
                + " keytool -importcert -cacerts -alias tuya-simulator-test-ca -file "
                + SimTls.caCertificate().toAbsolutePath() + ".)\n");
    }

    private static void startBinding(TuyaCloudSimulator sim, Holder holder, boolean smart) throws Exception {
        File jar = new File(System.getProperty("bundle.jar", "target/org.openhab.binding.tuyaintercom.jar"));
        if (!jar.isFile()) {
            throw new IllegalStateException("build the binding first (mvn -B -DskipTests package): " + jar);
        }
        OsgiTestFramework osgi = OsgiTestFramework.start("5.2.1", Integer.getInteger("tryit.port", 0));
        holder.osgi = osgi;
        OsgiTestFramework.Installed installed = osgi.installBinding(jar);
        Map<String, Object> bridgeConfig = new java.util.HashMap<>(smart
                ? Map.of("username", SimSmartWeb.DEFAULT_USER, "password", SimSmartWeb.DEFAULT_PASSWORD, "region", "EU",
                        "baseUrl", sim.baseUrl())
                : Map.of("accessId", sim.accessId(), "accessSecret", sim.accessSecret(), "dataCenter", "CUSTOM",
                        "baseUrl", sim.baseUrl(), "userId", sim.userId(), "linkId", "tryit"));
        int capture = Integer.getInteger("tryit.capture", 0);
        if (capture > 0) {
            bridgeConfig.put("captureCalls", capture);
            System.out.println("Capturing the next " + capture + " call(s) into "
                    + System.getProperty("openhab.userdata", "?") + "/tuyaintercom");
        }
        System.out.println(smart ? "\nAccount: Tuya Smart (" + SimSmartWeb.DEFAULT_USER + ", simulated web client)"
                : "\nAccount: Tuya cloud project (simulated OpenAPI)");
        List<Map<String, Object>> panels = List.of(Map.of("deviceId", "frontdoor01"), Map.of("deviceId", "gate02"));
        java.util.function.Consumer<String> printer = text -> System.out.println(time() + " " + text);
        @SuppressWarnings("unchecked")
        Map<String, Object> installation = (Map<String, Object>) installed.call("FelixInstallation", "start",
                new Class<?>[] { Object.class, String.class, Map.class, List.class, java.util.function.Consumer.class },
                installed.factory(), "home", bridgeConfig, panels, printer);
        holder.close = (Runnable) installation.get("close");
        String base = "http://127.0.0.1:" + osgi.httpPort();
        System.out.println("\nThe Tuya Intercom binding runs in Apache Felix on " + base + "\n");
        for (String device : List.of("frontdoor01", "gate02")) {
            System.out.println("Panel " + device + ":");
            System.out.println("  call page (answer with camera and microphone): " + base
                    + installation.get("callPageUrl:" + device));
            System.out.println(
                    "  oh-video endpoint (POST data=base64(offer)):  " + base + installation.get("videoUrl:" + device));
        }
        System.out.println();
    }

    private static String time() {
        return LocalTime.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** What the shutdown hook stops. */
    private static final class Holder {
        volatile @Nullable Runnable close;
        volatile @Nullable OsgiTestFramework osgi;

        void stop() {
            Runnable closeInstallation = close;
            if (closeInstallation != null) {
                closeInstallation.run();
            }
            OsgiTestFramework framework = osgi;
            if (framework != null) {
                try {
                    framework.close();
                } catch (Exception e) {
                    // stopping anyway
                }
            }
        }
    }
}

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
package org.openhab.binding.tuyaintercom.internal.sim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The certificates of the simulated cloud's TLS services: a test CA made for this build only, which only the test
 * JVMs trust (Maven's surefire and failsafe set {@code javax.net.ssl.trustStore} to {@link #trustStore()}, so the
 * binding trusts it the way a production JVM trusts the public CAs of its default trust store), and the server
 * identities the simulated broker and HTTPS server can present. The build makes them with the JDK's {@code keytool}
 * before any test
 * runs ({@link #main}, in the {@code process-test-classes} phase) and makes them anew when they are older than
 * {@link #RENEW_AFTER}; nothing real signs or trusts them.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SimTls {
    /** The password of every store here: test stores, no secret. */
    public static final String PASSWORD = "simulator";
    static final int VALIDITY_DAYS = 30;
    static final Duration RENEW_AFTER = Duration.ofDays(10);
    private static final Duration KEYTOOL_TIMEOUT = Duration.ofSeconds(60);
    private static final String TRUST_STORE = "trust.p12";
    private static final String CA_STORE = "ca.p12";
    private static final String CA_CERTIFICATE = "test-ca.pem";

    /** What the broker presents. */
    public enum Identity {
        /** Signed by the test CA for {@code localhost} and {@code 127.0.0.1}: what the binding accepts. */
        TRUSTED("sim.p12", true, "dns:localhost,ip:127.0.0.1"),
        /** Signed by the test CA, but for another host name only. */
        WRONG_NAME("wrong-name.p12", true, "dns:elsewhere.invalid"),
        /** For {@code localhost} and {@code 127.0.0.1}, but signed by no CA the binding trusts (self-signed). */
        UNTRUSTED("untrusted.p12", false, "dns:localhost,ip:127.0.0.1");

        final String file;
        final boolean signedByTestCa;
        final String names;

        Identity(String file, boolean signedByTestCa, String names) {
            this.file = file;
            this.signedByTestCa = signedByTestCa;
            this.names = names;
        }
    }

    private SimTls() {
    }

    /** Where the build keeps them: {@code sim.tls.dir}, set by surefire and failsafe. */
    public static Path directory() {
        return Path.of(System.getProperty("sim.tls.dir", "target/test-tls"));
    }

    /** The PKCS#12 store with the test CA's certificate only. */
    public static Path trustStore() {
        return directory().resolve(TRUST_STORE);
    }

    /** The test CA's certificate (PEM), for a JVM outside the tests that is to trust the simulator. */
    public static Path caCertificate() {
        return directory().resolve(CA_CERTIFICATE);
    }

    /** The PKCS#12 store with the key and certificate chain of one identity of the broker. */
    public static Path keyStore(Identity identity) {
        Path store = directory().resolve(identity.file);
        if (!Files.isRegularFile(store)) {
            throw new IllegalStateException("no test certificate " + store
                    + ": the build makes them before the tests (mvn process-test-classes, see SimTls)");
        }
        return store;
    }

    /** A server-side TLS context presenting the key and certificate chain of an identity (the simulator's HTTPS). */
    public static SSLContext serverContext(Identity identity) throws IOException {
        try (InputStream in = Files.newInputStream(keyStore(identity))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            char[] password = PASSWORD.toCharArray();
            store.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("the simulator's test certificate cannot be used", e);
        }
    }

    /**
     * Points this JVM's default trust store at the test CA unless something else already set one: for programs that
     * run the simulator and the binding in one JVM outside surefire and failsafe (try-it). Takes effect for TLS
     * contexts made after the call, as the binding's MQTT connections are.
     */
    public static void trustTestCaIfUnset() {
        if (System.getProperty("javax.net.ssl.trustStore") == null && Files.isRegularFile(trustStore())) {
            System.setProperty("javax.net.ssl.trustStore", trustStore().toAbsolutePath().toString());
            System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        }
    }

    /** Makes the stores in the directory given (or {@link #directory()}) unless they are there and recent. */
    public static void main(String[] args) throws IOException, InterruptedException {
        Path directory = args.length > 0 ? Path.of(args[0]) : directory();
        if (fresh(directory)) {
            return;
        }
        generate(directory);
    }

    static boolean fresh(Path directory) throws IOException {
        List<Path> files = new ArrayList<>(List.of(directory.resolve(TRUST_STORE), directory.resolve(CA_STORE),
                directory.resolve(CA_CERTIFICATE)));
        for (Identity identity : Identity.values()) {
            files.add(directory.resolve(identity.file));
        }
        Instant oldest = Instant.now().minus(RENEW_AFTER);
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                return false;
            }
            FileTime modified = Files.getLastModifiedTime(file);
            if (modified.toInstant().isBefore(oldest)) {
                return false;
            }
        }
        return true;
    }

    static void generate(Path directory) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Path work = Files.createTempDirectory(directory, "making-");
        try {
            Path ca = work.resolve(CA_STORE);
            keytool(ca, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                    "CN=Tuya Intercom simulator test CA", "-ext", "bc:c", "-validity", days());
            Path caPem = work.resolve(CA_CERTIFICATE);
            keytool(ca, "-exportcert", "-rfc", "-alias", "ca", "-file", caPem.toString());
            Path trust = work.resolve(TRUST_STORE);
            keytool(trust, "-importcert", "-noprompt", "-alias", "simulator-test-ca", "-file", caPem.toString());
            for (Identity identity : Identity.values()) {
                Path server = work.resolve(identity.file);
                keytool(server, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                        "CN=Tuya Intercom simulator broker (" + identity.name().toLowerCase() + ")", "-ext",
                        "san=" + identity.names, "-validity", days());
                if (identity.signedByTestCa) {
                    Path request = work.resolve(identity.name() + ".csr");
                    Path signed = work.resolve(identity.name() + ".pem");
                    keytool(server, "-certreq", "-alias", "server", "-file", request.toString());
                    keytool(ca, "-gencert", "-alias", "ca", "-rfc", "-infile", request.toString(), "-outfile",
                            signed.toString(), "-ext", "san=" + identity.names, "-ext", "eku=serverAuth", "-validity",
                            days());
                    keytool(server, "-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString());
                    keytool(server, "-importcert", "-noprompt", "-alias", "server", "-file", signed.toString());
                }
            }
            for (String name : List.of(CA_STORE, CA_CERTIFICATE, TRUST_STORE, Identity.TRUSTED.file,
                    Identity.WRONG_NAME.file, Identity.UNTRUSTED.file)) {
                Files.move(work.resolve(name), directory.resolve(name),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            try (var leftovers = Files.list(work)) {
                for (Path file : leftovers.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    private static String days() {
        return Integer.toString(VALIDITY_DAYS);
    }

    /** Runs the JDK's keytool on one PKCS#12 store with the test password. */
    private static void keytool(Path store, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD));
        Path output = store.resolveSibling("keytool.out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        if (!process.waitFor(KEYTOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("keytool did not finish: " + String.join(" ", args));
        }
        if (process.exitValue() != 0) {
            throw new IOException(
                    "keytool " + args[0] + " failed: " + Files.readString(output, StandardCharsets.UTF_8));
        }
    }
}

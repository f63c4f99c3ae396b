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
package org.openhab.binding.tuyaintercom.internal.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openhab.binding.tuyaintercom.internal.discovery.PanelDiscoveryService;
import org.openhab.binding.tuyaintercom.internal.handler.AccountBridgeHandler;
import org.openhab.binding.tuyaintercom.internal.handler.PanelHandler;
import org.openhab.binding.tuyaintercom.internal.handler.PayloadFuzzer;
import org.openhab.binding.tuyaintercom.internal.sim.SimDevice;
import org.openhab.binding.tuyaintercom.internal.sim.SimPanel;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openhab.binding.tuyaintercom.internal.test.AccountWithPanels;
import org.openhab.binding.tuyaintercom.internal.test.CloudFixture;
import org.openhab.binding.tuyaintercom.internal.test.HandlerProbe;
import org.openhab.binding.tuyaintercom.internal.test.IntercomFixture;
import org.openhab.binding.tuyaintercom.internal.tuya.api.MqttAccessConfig;
import org.openhab.binding.tuyaintercom.internal.tuya.api.OpenApiClient;
import org.openhab.binding.tuyaintercom.internal.tuya.mqtt.MqttLink;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.ThingStatus;

/**
 * Benchmarks: each prints the binding's figure next to a baseline measured in the same run, and adds a row to
 * {@code target/benchmarks.md}. Run with {@code ./bench.sh}; the browser benchmark needs Chromium.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("PMD.SystemPrintln") // benchmark rows are shown on the console as they are measured
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BindingBenchmark {
    static final List<String> ROWS = Collections.synchronizedList(new ArrayList<>());

    static void row(String what, String binding, String baseline) {
        String line = "| " + what + " | " + binding + " | " + baseline + " |";
        System.out.println(line);
        ROWS.add(line);
    }

    @BeforeAll
    static void header() {
        ROWS.clear();
    }

    @AfterAll
    static void write() throws Exception {
        StringBuilder out = new StringBuilder();
        ROWS.forEach(r -> out.append(r).append('\n'));
        Files.writeString(Path.of("target/benchmarks.md"), out.toString(), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /** A plain Paho subscriber with its own credentials from the simulated cloud. */
    static MqttClient bareSubscriber(TuyaCloudSimulator sim, String linkId, MqttCallback callback) throws Exception {
        OpenApiClient api = new OpenApiClient(sim.baseUrl(), sim.accessId(), sim.accessSecret(), CloudFixture.HTTP,
                Clock.systemUTC());
        MqttAccessConfig access = api.mqttAccessConfig(sim.userId(), linkId, "ipc", "1.0");
        MqttClient client = new MqttClient(access.url(), access.clientId(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(access.username());
        options.setPassword(access.password().toCharArray());
        client.setCallback(callback);
        client.connect(options);
        client.subscribe(access.sourceTopics().get("ipc"), 1);
        return client;
    }

    static MqttCallback onMessage(Runnable arrived) {
        return new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                if (new String(message.getPayload()).contains("\"event\":\"call\"")) {
                    arrived.run();
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        };
    }

    static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void ringLatency() throws Exception {
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().start();
                SimPanel panel = new SimPanel(sim, SimDevice.panel("panel1", "Door"))) {
            IntercomFixture home = new IntercomFixture(sim, "home", "panel1", Map.of("ringTimeout", 30)).start();
            AtomicLong baselineArrived = new AtomicLong();
            AtomicLong bindingRang = new AtomicLong();
            home.callback.setListener(line -> {
                if (line.equals("trigger call RING")) {
                    bindingRang.set(System.nanoTime());
                }
            });
            MqttClient bare = bareSubscriber(sim, "bench-bare",
                    onMessage(() -> baselineArrived.set(System.nanoTime())));
            List<Long> binding = new ArrayList<>();
            List<Long> baseline = new ArrayList<>();
            for (int i = 0; i < 1100; i++) {
                bindingRang.set(0);
                baselineArrived.set(0);
                home.callback.clear();
                long start = System.nanoTime();
                panel.pressCallButton(3, Duration.ofSeconds(30));
                home.await("call=RING", Duration.ofSeconds(10));
                long deadline = System.currentTimeMillis() + 5000;
                while (baselineArrived.get() == 0 && System.currentTimeMillis() < deadline) {
                    Thread.onSpinWait();
                }
                if (i >= 100) { // the first 100 warm up
                    binding.add((bindingRang.get() - start) / 1000);
                    baseline.add((baselineArrived.get() - start) / 1000);
                }
                home.command("call-control", new StringType("REJECT"));
                home.await("call=REJECTED", Duration.ofSeconds(10));
            }
            Collections.sort(binding);
            Collections.sort(baseline);
            row("Ring latency, panel publishes 308 call → RING trigger (1000 calls)",
                    String.format("p50 %.2f ms, p99 %.2f ms", percentile(binding, 0.5) / 1000.0,
                            percentile(binding, 0.99) / 1000.0),
                    String.format("bare Paho subscriber: p50 %.2f ms, p99 %.2f ms", percentile(baseline, 0.5) / 1000.0,
                            percentile(baseline, 0.99) / 1000.0));
            bare.disconnect();
            bare.close();
            home.close();
        }
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void heapAndThreadsOfOneAccountWithTwentyPanels() throws Exception {
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().start()) {
            for (int i = 0; i < 20; i++) {
                sim.addDevice(SimDevice.panel(String.format("panel%02d", i), "Panel " + i));
            }
            // openHAB's shared pools and HTTP client run before the binding does, as the simulator's threads: one
            // warm-up round starts them (the figures before and after are of a running openHAB)
            new CloudFixtureWithPanels(sim, 20).close();
            awaitQuiet();
            long heapBefore = usedHeap();
            int threadsBefore = threads();
            java.util.Set<String> namesBefore = threadNames();
            CloudFixtureWithPanels account = new CloudFixtureWithPanels(sim, 20);
            long heapAfter = usedHeap();
            int threadsAfter = threads();
            row("Retained heap, 1 account + 20 panels initialised",
                    String.format("%+.1f MB", (heapAfter - heapBefore) / 1048576.0),
                    String.format("simulator alone: %.1f MB used", heapBefore / 1048576.0));
            row("Threads, 1 account + 20 panels", threadsAfter + " (+" + (threadsAfter - threadsBefore) + ")",
                    "before: " + threadsBefore + " (HTTP through openHAB's shared client)");
            account.close();
            int threadsDisposed = HandlerProbe.awaitAtMost(BindingBenchmark::threads, threadsBefore,
                    Duration.ofSeconds(15));
            java.util.Set<String> added = threadNames();
            added.removeAll(namesBefore);
            row("Threads after disposing them",
                    threadsDisposed + " (new: " + (added.isEmpty() ? "none" : String.join(", ", added)) + ")",
                    "before: " + threadsBefore + "; with the binding's own JDK HttpClients: 82 after, 75 before");
        }
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void jarSize() {
        File jar = new File(System.getProperty("bundle.jar", "target/missing.jar"));
        long libraries = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = new File(entry).getName();
            if (name.startsWith("jackson-") || name.startsWith("org.eclipse.paho.client.mqttv3")) {
                libraries += new File(entry).length();
            }
        }
        row("Jar size", String.format("%.2f MB", jar.length() / 1048576.0),
                String.format("embedded libraries alone (Jackson, Paho jars): %.2f MB", libraries / 1048576.0));
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void discoveryOfThreeHundredDevices() throws Exception {
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().start()) {
            for (int i = 0; i < 300; i++) {
                String id = String.format("dev%03d", i);
                sim.addDevice(i % 20 == 0 ? SimDevice.panel(id, "P")
                        : i % 3 == 0 ? SimDevice.camera(id, "C") : SimDevice.plug(id, "S"));
            }
            try (CloudFixture cloud = new CloudFixture(sim, Map.of()).start().awaitOnline()) {
                PanelDiscoveryService discovery = new PanelDiscoveryService();
                discovery.setThingHandler(cloud.handler);
                OpenApiClient api = cloud.handler.api();
                discovery.scan(); // warm-up
                api.userDevices(sim.userId());
                long start = System.nanoTime();
                int found = discovery.scan().size();
                long scan = (System.nanoTime() - start) / 1_000_000;
                start = System.nanoTime();
                int listed = api.userDevices(sim.userId()).size();
                long list = (System.nanoTime() - start) / 1_000_000;
                row("Discovery of 300 devices",
                        scan + " ms (" + found + " panels; their WebRTC configs asked for at the first scan only)",
                        "listing the " + listed + " devices only: " + list + " ms");
                discovery.dispose();
            }
        }
    }

    @Test
    @org.junit.jupiter.api.Order(5)
    void twentyClientsRingingAtOnce() throws Exception {
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().start();
                SimPanel panel = new SimPanel(sim, SimDevice.panel("panel1", "Door"))) {
            List<IntercomFixture> clients = new ArrayList<>();
            Map<Integer, Long> rang = new ConcurrentHashMap<>();
            for (int i = 0; i < 20; i++) {
                IntercomFixture client = new IntercomFixture(sim, "c" + i, "panel1", Map.of()).start();
                int index = i;
                client.callback.setListener(line -> {
                    if (line.equals("trigger call RING")) {
                        rang.put(index, System.nanoTime());
                    }
                });
                clients.add(client);
            }
            Map<Integer, Long> bareArrived = new ConcurrentHashMap<>();
            List<MqttClient> bare = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int index = i;
                bare.add(bareSubscriber(sim, "bare" + i,
                        onMessage(() -> bareArrived.putIfAbsent(index, System.nanoTime()))));
            }
            long start = System.nanoTime();
            panel.pressCallButton(3, Duration.ofSeconds(30));
            long deadline = System.currentTimeMillis() + 10_000;
            while ((rang.size() < 20 || bareArrived.size() < 20) && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            row("20 clients ringing at once: spread first→last RING",
                    String.format("%.1f ms (last %.1f ms after the call; %d rang)",
                            (Collections.max(rang.values()) - Collections.min(rang.values())) / 1e6,
                            (Collections.max(rang.values()) - start) / 1e6, rang.size()),
                    String.format("20 bare Paho subscribers: %.1f ms (last %.1f ms)",
                            (Collections.max(bareArrived.values()) - Collections.min(bareArrived.values())) / 1e6,
                            (Collections.max(bareArrived.values()) - start) / 1e6));
            for (MqttClient client : bare) {
                client.disconnect();
                client.close();
            }
            clients.forEach(IntercomFixture::close);
        }
    }

    @Test
    @org.junit.jupiter.api.Order(6)
    void fiveHundredCallCycles() throws Exception {
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().start();
                SimPanel panel = new SimPanel(sim, SimDevice.panel("panel1", "Door"))) {
            IntercomFixture home = new IntercomFixture(sim, "home", "panel1", Map.of("historySize", 20)).start();
            for (int i = 0; i < 20; i++) {
                cycle(home, panel);
            }
            long heapBefore = usedHeap();
            int threadsBefore = threads();
            long start = System.nanoTime();
            for (int i = 0; i < 500; i++) {
                cycle(home, panel);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            long heapAfter = usedHeap();
            int threadsAfter = threads();
            row("500 signalling-only call cycles (ring, answer, hang up)",
                    String.format("%d ms; heap %+.1f MB; threads %d → %d", millis, (heapAfter - heapBefore) / 1048576.0,
                            threadsBefore, threadsAfter),
                    String.format("before: heap %.1f MB, %d threads", heapBefore / 1048576.0, threadsBefore));
            home.close();
        }
    }

    private static void cycle(IntercomFixture home, SimPanel panel) throws InterruptedException {
        home.callback.clear();
        panel.pressCallButton(3, Duration.ofSeconds(30));
        home.await("call=RING");
        home.command("call-control", new StringType("ANSWER"));
        home.await("call=ANSWERED");
        home.command("call-control", new StringType("HANGUP"));
        home.await("call=HUNG_UP");
    }

    @Test
    @org.junit.jupiter.api.Order(7)
    void cpuDuringASixtySecondCall() throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().start();
                SimPanel panel = new SimPanel(sim, SimDevice.panel("panel1", "Door"))) {
            AtomicLong signallingBytes = new AtomicLong();
            sim.broker().onPublish((topic, payload) -> signallingBytes.addAndGet(payload.length));
            IntercomFixture home = new IntercomFixture(sim, "home", "panel1", Map.of("ringTimeout", 30)).start();
            long idleCpu = bindingCpu(mx);
            Thread.sleep(60_000);
            idleCpu = bindingCpu(mx) - idleCpu;
            panel.pressCallButton(3, Duration.ofSeconds(30));
            home.await("call=RING");
            long bytesBefore = signallingBytes.get();
            long callCpu = bindingCpu(mx);
            home.command("call-control", new StringType("ANSWER"));
            Thread.sleep(60_000);
            home.command("call-control", new StringType("HANGUP"));
            home.await("call=HUNG_UP");
            callCpu = bindingCpu(mx) - callCpu;
            row("CPU of the binding's threads during a 60 s call (signalling only)",
                    String.format(
                            "%d ms CPU; %d bytes of signalling through the broker, "
                                    + "0 bytes of media (no media path in the binding)",
                            callCpu / 1_000_000, signallingBytes.get() - bytesBefore),
                    String.format("same 60 s idle: %d ms CPU", idleCpu / 1_000_000));
            home.close();
        }
    }

    @Test
    @org.junit.jupiter.api.Order(8)
    void hundredThousandMutatedPayloads() throws Exception {
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().start()) {
            sim.addDevice(SimDevice.panel(PayloadFuzzer.PANEL, "Door"));
            IntercomFixture home = new IntercomFixture(sim, "home", PayloadFuzzer.PANEL, Map.of("ringTimeout", 2))
                    .start();
            long heapBefore = usedHeap();
            long start = System.nanoTime();
            int refused = new PayloadFuzzer().feed(home, 100_000);
            long millis = (System.nanoTime() - start) / 1_000_000;
            long deadline = System.currentTimeMillis() + 15_000;
            while (home.panel.isOnCalling() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50); // the last fuzzed call ends by its ring timeout
            }
            long heapAfter = usedHeap();
            row("100 000 mutated payloads into codecs and handlers (FuzzTest's run, seed " + PayloadFuzzer.SEED + ")",
                    String.format("%d ms, %d refused by the codecs; heap %+.1f MB", millis, refused,
                            (heapAfter - heapBefore) / 1048576.0),
                    String.format("before: heap %.1f MB", heapBefore / 1048576.0));
            home.close();
        }
    }

    @Test
    @org.junit.jupiter.api.Order(9)
    void reconnectAfterABrokerRestart() throws Exception {
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().start()) {
            sim.addDevice(SimDevice.panel("panel1", "Door"));
            IntercomFixture home = new IntercomFixture(sim, "home", "panel1", Map.of()).start();
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                sim.broker().stop();
                home.callback.awaitStatus(home.cloud.bridge, ThingStatus.OFFLINE, Duration.ofSeconds(10));
                Thread.sleep(2000);
                long restarted = System.nanoTime();
                sim.broker().start();
                home.callback.awaitStatus(home.cloud.bridge, ThingStatus.ONLINE, Duration.ofSeconds(30));
                millis.add((System.nanoTime() - restarted) / 1_000_000);
            }
            Collections.sort(millis);
            row("Bridge online again after the broker returns (5 outages of 2 s)",
                    String.format("median %d ms, max %d ms", percentile(millis, 0.5), millis.get(millis.size() - 1)),
                    "retry interval at most 4 s");
            home.close();
        }
    }

    @Test
    @org.junit.jupiter.api.Order(10)
    void hundredFastLifecyclesOfABridgeWithTwentyPanels() throws Exception {
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().start()) {
            AccountWithPanels account = new AccountWithPanels(sim, 20);
            account.initialize(); // warm-up: the pools have their threads
            account.awaitOnline(Duration.ofSeconds(30));
            account.dispose();
            awaitQuiet();
            int threadsBefore = threads();
            java.util.Set<String> namesBefore = threadNames();
            int jobsBefore = HandlerProbe.jobs();
            int sessionsBefore = account.sessions();
            long start = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                account.initialize();
                account.dispose();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            int threadsRight = threads();
            awaitQuiet();
            int threadsAfter = HandlerProbe.awaitAtMost(BindingBenchmark::threads, threadsBefore,
                    Duration.ofSeconds(15));
            int jobsAfter = HandlerProbe.awaitAtMost(HandlerProbe::jobs, jobsBefore, Duration.ofSeconds(15));
            java.util.Set<String> added = threadNames();
            added.removeAll(namesBefore);
            row("100 initialize/dispose cycles of 1 account + 20 panels, back-to-back",
                    String.format(
                            "%d ms; after: %d threads (%d right after the last dispose; new: %s), %d jobs, %d sessions",
                            millis, threadsAfter, threadsRight, added.isEmpty() ? "none" : String.join(", ", added),
                            jobsAfter, account.sessions()),
                    String.format("before: %d threads, %d jobs, %d sessions", threadsBefore, jobsBefore,
                            sessionsBefore));

            account.initialize();
            account.awaitOnline(Duration.ofSeconds(30));
            long panelStart = System.nanoTime();
            account.panels.forEach(PanelHandler::dispose);
            long panelsMicros = (System.nanoTime() - panelStart) / 1000;
            long bridgeStart = System.nanoTime();
            account.cloud.handler.dispose();
            long onlineMicros = (System.nanoTime() - bridgeStart) / 1000;
            awaitQuiet();
            account.cloud.handler.initialize();
            account.cloud.awaitOnline();
            sim.hold.hold("/access/config");
            sim.expireMqttCredentialsNow();
            boolean held = sim.hold.awaitHeld(Duration.ofSeconds(15));
            bridgeStart = System.nanoTime();
            account.cloud.handler.dispose();
            long midConnectMicros = (System.nanoTime() - bridgeStart) / 1000;
            sim.hold.release();
            row("dispose() returns after (no timed assertion)",
                    String.format("bridge with both links up: %.1f ms; bridge with a link mid-connect%s: %.1f ms",
                            onlineMicros / 1000.0, held ? "" : " (not reached)", midConnectMicros / 1000.0),
                    String.format("20 online panels: %.1f ms in all", panelsMicros / 1000.0));
            awaitQuiet();
        }
    }

    /** The names of the live threads, numbers of pool threads included. */
    private static java.util.Set<String> threadNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        Thread.getAllStackTraces().keySet().forEach(thread -> names.add(thread.getName()));
        return names;
    }

    /** Waits until no connect of a handler or link is running. */
    private static void awaitQuiet() throws InterruptedException {
        Duration wait = Duration.ofSeconds(15);
        HandlerProbe.awaitNotRunning(PanelHandler.class, "connect", wait);
        HandlerProbe.awaitNotRunning(AccountBridgeHandler.class, "connect", wait);
        HandlerProbe.awaitNotRunning(MqttLink.class, "connectOrRenew", wait);
    }

    /** CPU time of the threads that are the binding's: its handler pool and its MQTT clients. */
    static long bindingCpu(ThreadMXBean mx) {
        long total = 0;
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            String name = entry.getKey().getName();
            if (name.startsWith("OH-") || name.startsWith("MQTT")) {
                long cpu = mx.getThreadCpuTime(entry.getKey().getId());
                if (cpu > 0) {
                    total += cpu;
                }
            }
        }
        return total;
    }

    /** One account bridge with n panel things, all online. */
    static final class CloudFixtureWithPanels implements AutoCloseable {
        final List<IntercomFixture> panels = new ArrayList<>();

        CloudFixtureWithPanels(TuyaCloudSimulator sim, int count) throws Exception {
            // one IntercomFixture per panel would be one bridge per panel; here all panels share one bridge
            IntercomFixture first = new IntercomFixture(sim, "heap", "panel00", Map.of());
            first.start();
            panels.add(first);
            for (int i = 1; i < count; i++) {
                String id = String.format("panel%02d", i);
                var thing = new org.openhab.binding.tuyaintercom.internal.framework.TestThing(
                        new org.openhab.core.thing.ThingUID(
                                org.openhab.binding.tuyaintercom.internal.TuyaIntercomBindingConstants.THING_TYPE_PANEL,
                                first.cloud.bridge.getUID(), id),
                        org.openhab.binding.tuyaintercom.internal.TuyaIntercomBindingConstants.THING_TYPE_PANEL,
                        first.cloud.bridge.getUID(), Map.of("deviceId", id));
                first.cloud.bridge.addThing(thing);
                var handler = new org.openhab.binding.tuyaintercom.internal.handler.PanelHandler(thing.thing(),
                        CloudFixture.HTTP, Clock.systemUTC(), first.directory);
                thing.setHandler(handler);
                handler.setCallback(first.callback.callback());
                handler.initialize();
                first.callback.awaitStatus(thing, org.openhab.core.thing.ThingStatus.ONLINE, Duration.ofSeconds(15));
                handlers.add(handler);
            }
        }

        final List<org.openhab.binding.tuyaintercom.internal.handler.PanelHandler> handlers = new ArrayList<>();

        @Override
        public void close() {
            handlers.forEach(h -> h.dispose());
            panels.forEach(IntercomFixture::close);
        }
    }
}

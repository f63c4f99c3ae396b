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
package org.openhab.binding.tuyaintercom.internal.handler;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.tuyaintercom.internal.sim.SimCrypto;
import org.openhab.binding.tuyaintercom.internal.test.IntercomFixture;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.openhab.binding.tuyaintercom.internal.tuya.api.DeviceInfo;
import org.openhab.binding.tuyaintercom.internal.tuya.api.MqttAccessConfig;
import org.openhab.binding.tuyaintercom.internal.tuya.api.WebRtcConfig;
import org.openhab.binding.tuyaintercom.internal.tuya.events.DoorbellEventParser;
import org.openhab.binding.tuyaintercom.internal.tuya.signalling.RtcCallCodec;
import org.openhab.binding.tuyaintercom.internal.tuya.webrtc.SdpAdapter;
import org.openhab.binding.tuyaintercom.internal.tuya.webrtc.WebRtcSignalling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Seeded, reproducible mutations of 302 / 308 / data point / OpenAPI / SDP payloads, fed into the codecs and into the
 * running bridge and panel handlers of an installation. Used by {@code FuzzTest} and by the benchmarks.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class PayloadFuzzer {
    public static final long SEED = 20261125L;
    public static final String PANEL = "panel1";
    static final String PASSWORD = "abcdefgh0123456789ABCDEFxyz12345";

    private final Random random = new Random(SEED);

    static List<String> seeds() {
        long deadline = System.currentTimeMillis() + 20_000;
        List<String> seeds = new ArrayList<>();
        for (String event : List.of("call", "ring", "answer", "reject", "cancel", "hang_up", "busy", "stop",
                "heartbeat", "not_answered", "already_answered")) {
            seeds.add(
                    "{\"protocol\":308,\"pv\":\"2.2\",\"t\":1795600000,\"data\":{\"type\":\"rtc\",\"data\":{\"event\":\""
                            + event + "\",\"curId\":\"" + PANEL + "\",\"targetId\":\"me\",\"sessionId\":\"" + PANEL
                            + "abc123\",\"timeout\":" + deadline
                            + ",\"callType\":3,\"extra\":{\"bizType\":\"screen_ipc\","
                            + "\"channelType\":2,\"category\":\"sp_dpsxj\"},\"reason\":\"busy\"}}}");
        }
        for (String type : List.of("answer", "candidate", "disconnect")) {
            seeds.add("{\"protocol\":302,\"pv\":\"2.2\",\"t\":1795600000,\"data\":{\"header\":{\"type\":\"" + type
                    + "\",\"from\":\"" + PANEL + "\",\"to\":\"me\",\"sub_dev_id\":\"\",\"sessionid\":\"s1\","
                    + "\"moto_id\":\"m\",\"tid\":\"\"},\"msg\":{\"mode\":\"webrtc\",\"sdp\":\"v=0\\r\\ns=-\\r\\n\","
                    + "\"candidate\":\"a=candidate:1 1 udp 1 127.0.0.1 5000 typ host\\r\\n\"}}}");
        }
        String event = "{\"v\":\"3.0\",\"bucket\":\"ty-eu-storage30-pic\",\"cmd\":\"ipc_doorbell\",\"type\":\"image\","
                + "\"with\":\"resources\",\"files\":[[\"/panel1/detect/1.jpeg\",\"0123456789abcdef\"]]}";
        String b64 = Base64.getEncoder().encodeToString(event.getBytes(StandardCharsets.UTF_8));
        String status = "{\"devId\":\"" + PANEL + "\",\"status\":[{\"code\":\"doorbell_pic\",\"value\":\"" + b64
                + "\",\"t\":1},{\"code\":\"accessory_lock\",\"value\":true},{\"code\":\"alarm_message\",\"value\":\""
                + b64 + "\"},{\"code\":\"doorbell_active\",\"value\":\"1\"}]}";
        seeds.add("{\"protocol\":4,\"pv\":\"2.0\",\"t\":1795600000,\"data\":" + status + "}");
        seeds.add("{\"protocol\":4,\"pv\":\"2.0\",\"t\":1795600000,\"data\":\""
                + SimCrypto.encryptDeviceData(status, PASSWORD, "2.0", 1795600000L) + "\"}");
        seeds.add("{\"protocol\":4,\"pv\":\"2.0\",\"t\":1795600000,\"data\":\""
                + SimCrypto.encryptDeviceData(status, PASSWORD, "1.0", 1795600000L) + "\"}");
        seeds.add("{\"protocol\":20,\"data\":{\"bizCode\":\"offline\",\"devId\":\"" + PANEL + "\",\"bizData\":{}}}");
        return seeds;
    }

    static final List<String> API_SEEDS = List.of(
            "{\"id\":\"d1\",\"name\":\"n\",\"category\":\"sp\",\"online\":true,\"local_key\":\"k\",\"status\":[{\"code\":\"doorbell_pic\",\"value\":\"\"}]}",
            "{\"moto_id\":\"m\",\"auth\":\"a\",\"supports_webrtc\":true,\"p2p_config\":{\"ices\":[{\"urls\":\"turn:127.0.0.1\",\"username\":\"u\",\"credential\":\"c\"}]},\"audio_attributes\":{\"call_mode\":[1,2]},\"skill\":\"{\\\"lowPower\\\":1,\\\"videos\\\":[{\\\"streamType\\\":2}]}\"}",
            "{\"url\":\"tcp://127.0.0.1:1\",\"client_id\":\"c\",\"username\":\"u\",\"password\":\"p\",\"source_topic\":{\"ipc\":\"/av/u/x\"},\"sink_topic\":{\"ipc\":\"/av/moto/moto_id/u/{device_id}\"},\"expire_time\":7200}");

    byte[] mutate(String seed) {
        if (random.nextInt(3) == 0) {
            try {
                JsonNode tree = TuyaJson.parse(seed);
                mutateTree(tree, 0);
                return TuyaJson.write(tree).getBytes(StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // fall through to byte mutations
            }
        }
        byte[] bytes = seed.getBytes(StandardCharsets.UTF_8);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && bytes.length > 0; i++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(5)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> bytes = java.util.Arrays.copyOf(bytes, at);
                case 2 -> {
                    byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    longer[at] = (byte) "{}[]\",:0\\".charAt(random.nextInt(9));
                    System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                    bytes = longer;
                }
                case 3 -> {
                    int end = Math.min(bytes.length, at + random.nextInt(40));
                    byte[] shorter = new byte[bytes.length - (end - at)];
                    System.arraycopy(bytes, 0, shorter, 0, at);
                    System.arraycopy(bytes, end, shorter, at, bytes.length - end);
                    bytes = shorter;
                }
                default -> bytes[at] ^= (byte) (1 << random.nextInt(8));
            }
        }
        return bytes;
    }

    private void mutateTree(JsonNode node, int depth) {
        if (node instanceof ObjectNode object && object.size() > 0) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            if (depth < 4 && object.get(name).isContainerNode() && random.nextBoolean()) {
                mutateTree(object.get(name), depth + 1);
            } else {
                object.set(name, randomValue());
            }
        } else if (node instanceof ArrayNode array && array.size() > 0) {
            int index = random.nextInt(array.size());
            if (depth < 4 && array.get(index).isContainerNode() && random.nextBoolean()) {
                mutateTree(array.get(index), depth + 1);
            } else {
                array.set(index, randomValue());
            }
        }
    }

    private JsonNode randomValue() {
        return switch (random.nextInt(8)) {
            case 0 -> TuyaJson.MAPPER.getNodeFactory().nullNode();
            case 1 -> TuyaJson.MAPPER.getNodeFactory().numberNode(random.nextLong());
            case 2 -> TuyaJson.MAPPER.getNodeFactory().booleanNode(random.nextBoolean());
            case 3 -> TuyaJson.MAPPER.getNodeFactory().textNode("x".repeat(random.nextInt(5000)));
            case 4 -> TuyaJson.MAPPER.createArrayNode().add(random.nextInt());
            case 5 -> TuyaJson.object().put("k", random.nextDouble());
            case 6 -> TuyaJson.MAPPER.getNodeFactory().textNode(PANEL + random.nextInt(3));
            default -> TuyaJson.MAPPER.getNodeFactory().textNode("");
        };
    }

    /**
     * Feeds {@code iterations} mutated payloads to the installation's handlers and to the codecs.
     *
     * @return how many the codecs refused (with IllegalArgumentException, the only exception they may throw)
     */
    public int feed(IntercomFixture home, int iterations) {
        List<String> seeds = seeds();
        MqttAccessConfig access = new MqttAccessConfig("tcp://127.0.0.1:1", "c", "u", PASSWORD,
                Map.of("ipc", "/av/u/me"), Map.of("ipc", "/av/moto/moto_id/u/{device_id}"), Instant.now(),
                Instant.now().plusSeconds(3600), "2.0");
        DoorbellEventParser parser = new DoorbellEventParser("231");
        int refusedByCodecs = 0;
        for (int i = 0; i < iterations; i++) {
            String seed = seeds.get(i % seeds.size());
            byte[] payload = mutate(seed);
            if (seed.contains("\"protocol\":4") || seed.contains("\"protocol\":20")) {
                home.cloud.handler.onDeviceMessage("cloud/token/in/x", payload, access);
            } else {
                home.cloud.handler.onIpcMessage("/av/u/me", payload, access);
            }
            String text = new String(payload, StandardCharsets.UTF_8);
            try {
                JsonNode node = TuyaJson.parse(text);
                switch (i % 6) {
                    case 0 -> RtcCallCodec.decode(node.path("data"));
                    case 1 -> WebRtcSignalling.decode(node.path("data"));
                    case 2 -> node.path("data").path("status").forEach(parser::parse);
                    case 3 -> DeviceInfo
                            .from(TuyaJson.parse(new String(mutate(API_SEEDS.get(0)), StandardCharsets.UTF_8)));
                    case 4 -> WebRtcConfig
                            .from(TuyaJson.parse(new String(mutate(API_SEEDS.get(1)), StandardCharsets.UTF_8)));
                    default -> MqttAccessConfig.from(
                            TuyaJson.parse(new String(mutate(API_SEEDS.get(2)), StandardCharsets.UTF_8)), Instant.now(),
                            "2.0");
                }
            } catch (IllegalArgumentException e) {
                refusedByCodecs++;
            }
            if (i % 10 == 0) {
                try {
                    SdpAdapter.offerForDevice(new String(
                            mutate(org.openhab.binding.tuyaintercom.internal.tuya.webrtc.SdpAdapterTestData.OFFER),
                            StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    refusedByCodecs++;
                }
                try {
                    RtcCallCodec.decodePushLink("tuyasmart://rtcCall?param=" + java.net.URLEncoder
                            .encode(new String(mutate(seeds.get(0)), StandardCharsets.UTF_8), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    refusedByCodecs++;
                }
            }
        }
        return refusedByCodecs;
    }
}

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
package org.openhab.binding.tuyaintercom.internal.tuya.events;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The ring sources of data point reports: {@code doorbell_active} as epoch, {@code lock_alarm_kit}, the calling
 * station of multi-station panels (by id or code, with the list in the call or in its own data point), the device's
 * time of an entry, and bad input.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class DoorbellEventParserTest {
    private static final String CALL = "{\"res\":1,\"err\":0,\"cc\":2,\"chs\":[{\"id\":1,\"n\":\"DOOR1\"},"
            + "{\"id\":2,\"n\":\"GATE\"}]}";

    private final DoorbellEventParser parser = new DoorbellEventParser("");

    private static JsonNode json(String text) {
        return TuyaJson.parse(text);
    }

    private Optional<DoorbellPress> parse(String entry) {
        return parser.parse(json(entry));
    }

    private static String quoted(String text) {
        return TuyaJson.write(TuyaJson.MAPPER.getNodeFactory().textNode(text));
    }

    @Test
    void doorbellActiveAsEpochSecondsIsThePressTime() {
        DoorbellPress press = parse("{\"code\":\"doorbell_active\",\"value\":\"1767261600\",\"t\":1767261606000}")
                .orElseThrow();
        assertEquals("doorbell_active", press.dataPoint());
        assertEquals(Instant.ofEpochSecond(1767261600), press.pressedAt(), "the value's time, not the report's");
    }

    @Test
    void doorbellActiveAsAFlagTakesTheEntrysTime() {
        DoorbellPress press = parse("{\"code\":\"doorbell_active\",\"value\":\"1\",\"t\":1767261606123}").orElseThrow();
        assertEquals(Instant.ofEpochMilli(1767261606123L), press.pressedAt());
        assertEquals(Instant.ofEpochSecond(1767261606),
                parse("{\"code\":\"doorbell_active\",\"value\":true,\"t\":1767261606}").orElseThrow().pressedAt(),
                "t in seconds");
        assertNull(parse("{\"code\":\"doorbell_active\",\"value\":\"1\"}").orElseThrow().pressedAt());
        assertTrue(parse("{\"code\":\"doorbell_active\",\"value\":\"\"}").isEmpty());
    }

    @Test
    void lockAlarmKitRingsOnlyForDoorbellValues() {
        for (String value : new String[] { "doorbell", "door_bell", "DoorBell", "doorbell_call", "ring",
                Base64.getEncoder().encodeToString("doorbell".getBytes(StandardCharsets.UTF_8)) }) {
            assertTrue(parse("{\"code\":\"lock_alarm_kit\",\"value\":\"" + value + "\"}").isPresent(), value);
        }
        for (String value : new String[] { "pry", "wrong_finger", "wrong_password", "low_battery", "", "wrong" }) {
            assertTrue(parse("{\"code\":\"lock_alarm_kit\",\"value\":\"" + value + "\"}").isEmpty(), value);
        }
        assertTrue(parse("{\"code\":\"lock_alarm_kit\",\"value\":3}").isEmpty(), "a number is no doorbell value");
    }

    @Test
    void theCallingStationByIdWithItsListInTheCall() {
        DoorbellPress press = parse("{\"code\":\"call_channel\",\"value\":" + quoted(CALL) + ",\"231\":" + quoted(CALL)
                + ",\"t\":1767261600000}").orElseThrow();
        assertEquals("231", press.dataPoint());
        assertEquals("GATE", press.station());
        assertEquals(Instant.ofEpochSecond(1767261600), press.pressedAt());
    }

    @Test
    void theStationListFromItsOwnDataPointNamesALaterCall() {
        String list = "{\"res\":1,\"err\":0,\"chs\":[{\"id\":1,\"n\":\"DOOR1\"},{\"id\":3,\"n\":\"BACK\"}]}";
        assertTrue(parse("{\"code\":\"channel_list\",\"233\":" + quoted(list) + "}").isEmpty(), "a list is no press");
        // tuya-local #5757: DP 233 also carries the selected station ("cmd":1,"cc"): still no press
        assertTrue(parse("{\"code\":\"channel_list\",\"233\":" + quoted("{\"cmd\":1,\"cc\":1,\"chs\":[]}") + "}")
                .isEmpty());
        assertEquals("BACK", parse("{\"code\":\"call_channel\",\"231\":{\"cc\":3}}").orElseThrow().station());
        assertEquals("7", parse("{\"code\":\"call_channel\",\"231\":\"{\\\"cc\\\":7}\"}").orElseThrow().station(),
                "an unknown station by its id");
        assertTrue(parse("{\"code\":\"call_channel\",\"231\":\"{\\\"cc\\\":0}\"}").isEmpty(), "no station calls");
    }

    @Test
    void theStationDataPointsByCodeAndAsBase64() {
        DoorbellEventParser byCode = new DoorbellEventParser("", "call_channel", "channel_list");
        byCode.learn(Map.of("channel_list", json("{\"chs\":[{\"id\":4,\"n\":\"GARAGE\"}]}")));
        String base64 = Base64.getEncoder().encodeToString("{\"cc\":4}".getBytes(StandardCharsets.UTF_8));
        assertEquals("GARAGE",
                byCode.parse(json("{\"code\":\"call_channel\",\"value\":\"" + base64 + "\"}")).orElseThrow().station());
        assertTrue(byCode.parse(json("{\"code\":\"x\",\"231\":{\"cc\":4}}")).isEmpty(), "231 is not configured here");
    }

    @Test
    void badValuesAreNoPress() {
        for (String value : new String[] { "\"{\"", "\"not base64 !\"", "[]", "{\"cc\":[1]}", "{\"cc\":{}}", "null",
                "{\"cc\":1,\"chs\":\"x\"}" }) {
            Optional<DoorbellPress> press = parse("{\"code\":\"call_channel\",\"231\":" + value + "}");
            assertTrue(press.isEmpty() || "1".equals(press.get().station()), value);
        }
        assertTrue(parse("{\"code\":\"doorbell_active\",\"value\":\"99999999999999999999\"}").orElseThrow()
                .pressedAt() == null, "digits that are no time");
    }

    @Test
    void entriesOfOneReportMergeIntoOnePress() {
        DoorbellPress picture = new DoorbellPress("doorbell_pic", new PictureRef.Url("https://x/y.jpg"),
                Instant.ofEpochSecond(1767261601), "");
        DoorbellPress station = new DoorbellPress("231", null, Instant.ofEpochSecond(1767261600), "GATE");
        DoorbellPress merged = station.merge(picture);
        assertEquals("231", merged.dataPoint());
        assertNotNull(merged.picture());
        assertEquals("GATE", merged.station());
        assertEquals(Instant.ofEpochSecond(1767261600), merged.pressedAt());
    }

    @Test
    void deviceTimesInSecondsAndMilliseconds() {
        assertEquals(Instant.ofEpochSecond(1767261600), DeviceTime.of(1767261600L));
        assertEquals(Instant.ofEpochMilli(1767261600123L), DeviceTime.of(1767261600123L));
        assertNull(DeviceTime.of(1L));
        assertNull(DeviceTime.of(-5L));
        assertNull(DeviceTime.parse("12345"));
        assertNull(DeviceTime.parse("17672616x0"));
        assertEquals(Instant.ofEpochSecond(1767261600), DeviceTime.parse(" 1767261600 "));
    }
}

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
package org.openhab.core.thing;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Compile-time stand-in: a thing UID followed by the channel id.
 */
@NonNullByDefault
public class ChannelUID extends UID {
    public ChannelUID(String channelUid) {
        super(channelUid);
    }

    public ChannelUID(ThingUID thingUID, String id) {
        super(append(thingUID, id));
    }

    private static List<String> append(ThingUID thingUID, String id) {
        List<String> segments = new ArrayList<>(thingUID.getAllSegments());
        segments.add(id);
        return segments;
    }

    public String getId() {
        List<String> segments = getAllSegments();
        return segments.get(segments.size() - 1);
    }

    public String getIdWithoutGroup() {
        String id = getId();
        int hash = id.indexOf('#');
        return hash < 0 ? id : id.substring(hash + 1);
    }

    public ThingUID getThingUID() {
        List<String> segments = getAllSegments();
        return new ThingUID(String.join(SEPARATOR, segments.subList(0, segments.size() - 1)));
    }

    @Override
    protected int getMinimalNumberOfSegments() {
        return 4;
    }

    @Override
    protected void validateSegment(String segment, int index, int length) {
        if (!segment.matches("[\\w#-]*")) {
            throw new IllegalArgumentException("invalid channel UID segment '" + segment + "'");
        }
    }
}

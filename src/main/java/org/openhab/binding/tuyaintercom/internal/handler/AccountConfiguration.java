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

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Configuration of the account bridge, as the thing's configuration maps onto it.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public class AccountConfiguration {
    public String accessId = "";
    public String accessSecret = "";
    public String dataCenter = "EU";
    public String baseUrl = "";
    public String userId = "";
    public String linkId = "";
    /** The id this installation uses in call signalling; empty for the id of the ipc message topic. */
    public String callTargetId = "";
    /** Records the wire traffic (secrets redacted) of this many next calls into a file under userdata; 0 = off. */
    public int captureCalls = 0;
}

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
package org.openhab.binding.tuyaintercom.internal.action;

import static org.openhab.binding.tuyaintercom.internal.TuyaIntercomBindingConstants.BINDING_ID;

import java.util.function.Function;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.call.CallError;
import org.openhab.binding.tuyaintercom.internal.call.CallResult;
import org.openhab.binding.tuyaintercom.internal.handler.PanelHandler;
import org.openhab.core.automation.annotation.ActionInput;
import org.openhab.core.automation.annotation.ActionOutput;
import org.openhab.core.automation.annotation.RuleAction;
import org.openhab.core.thing.binding.ThingActions;
import org.openhab.core.thing.binding.ThingActionsScope;
import org.openhab.core.thing.binding.ThingHandler;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Rule actions of a panel: {@code getActions("tuyaintercom", "tuyaintercom:panel:…")}. Each request returns
 * "SUCCESS" or the name of the SDK error that refused it (e.g. "ON_CALLING", "ANSWERED_BY_OTHERS").
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Component(scope = ServiceScope.PROTOTYPE, service = TuyaIntercomActions.class)
@ThingActionsScope(name = BINDING_ID)
public class TuyaIntercomActions implements ThingActions {
    private @Nullable PanelHandler handler;

    @Override
    public void setThingHandler(ThingHandler handler) {
        if (handler instanceof PanelHandler panel) {
            this.handler = panel;
        }
    }

    @Override
    public @Nullable ThingHandler getThingHandler() {
        return handler;
    }

    private String run(Function<PanelHandler, CallResult> request) {
        PanelHandler panel = handler;
        return (panel == null ? CallResult.failed(CallError.REQUEST_FAILED) : request.apply(panel)).toString();
    }

    @RuleAction(label = "@text/action.answer.label", description = "@text/action.answer.description")
    public @ActionOutput(name = "result", type = "java.lang.String") String answer() {
        return run(panel -> panel.answer(false));
    }

    @RuleAction(label = "@text/action.reject.label", description = "@text/action.reject.description")
    public @ActionOutput(name = "result", type = "java.lang.String") String reject() {
        return run(PanelHandler::reject);
    }

    @RuleAction(label = "@text/action.hangup.label", description = "@text/action.hangup.description")
    public @ActionOutput(name = "result", type = "java.lang.String") String hangUp() {
        return run(PanelHandler::hangUp);
    }

    @RuleAction(label = "@text/action.start-call.label", description = "@text/action.start-call.description")
    public @ActionOutput(name = "result", type = "java.lang.String") String startCall(
            @ActionInput(name = "timeoutSeconds", label = "@text/action.start-call.timeout.label") int timeoutSeconds) {
        return run(panel -> panel.startCall(timeoutSeconds));
    }

    @RuleAction(label = "@text/action.cancel-call.label", description = "@text/action.cancel-call.description")
    public @ActionOutput(name = "result", type = "java.lang.String") String cancelCall() {
        return run(PanelHandler::cancelCall);
    }

    @RuleAction(label = "@text/action.unlock.label", description = "@text/action.unlock.description")
    public @ActionOutput(name = "result", type = "java.lang.String") String unlock() {
        return run(PanelHandler::unlock);
    }

    @RuleAction(label = "@text/action.is-on-calling.label", description = "@text/action.is-on-calling.description")
    public @ActionOutput(name = "result", type = "java.lang.Boolean") boolean isOnCalling() {
        PanelHandler panel = handler;
        return panel != null && panel.isOnCalling();
    }

    @RuleAction(label = "@text/action.push-link.label", description = "@text/action.push-link.description")
    public @ActionOutput(name = "result", type = "java.lang.String") String handlePushLink(
            @ActionInput(name = "link", label = "@text/action.push-link.link.label") @Nullable String link) {
        return run(panel -> link == null ? CallResult.failed(CallError.INVALID_PARAMS) : panel.handlePushLink(link));
    }

    @RuleAction(label = "@text/action.revoke-links.label", description = "@text/action.revoke-links.description")
    public @ActionOutput(name = "result", type = "java.lang.String") String revokeLinks() {
        return run(PanelHandler::revokeLinks);
    }

    /**
     * The stable entry link to the call page, relative to openHAB's address, for rules that build notification
     * buttons. It contains the panel's entry key, a permanent credential: hand it on, never log it.
     */
    @RuleAction(label = "@text/action.entry-url.label", description = "@text/action.entry-url.description")
    public @ActionOutput(name = "entryUrl", type = "java.lang.String") String entryUrl() {
        PanelHandler panel = handler;
        return panel == null ? "" : panel.entryUrl();
    }

    @RuleAction(label = "@text/action.history.label", description = "@text/action.history.description")
    public @ActionOutput(name = "result", type = "java.lang.String") String getCallHistory() {
        PanelHandler panel = handler;
        return panel == null ? "[]" : panel.historyJson();
    }
}

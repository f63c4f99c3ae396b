/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
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

import static org.openhab.binding.tuyaintercom.internal.TuyaIntercomBindingConstants.SERVLET_PATH;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The binding's HTTP endpoints below {@code /tuyaintercom}. Only the root answers without a signed link: it says
 * that the binding is installed and nothing else.
 */
@NonNullByDefault
@Component(service = Servlet.class)
@HttpWhiteboardServletName(SERVLET_PATH)
@HttpWhiteboardServletPattern(SERVLET_PATH + "/*")
@HttpWhiteboardServletAsyncSupported
public class TuyaIntercomServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(@Nullable HttpServletRequest request, @Nullable HttpServletResponse response)
            throws IOException {
        if (request == null || response == null) {
            return;
        }
        String path = request.getPathInfo();
        if (path == null || "/".equals(path)) {
            response.setContentType("text/plain;charset=utf-8");
            response.getOutputStream().write("Tuya Intercom binding\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}

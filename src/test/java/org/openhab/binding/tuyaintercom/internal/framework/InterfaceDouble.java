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
package org.openhab.binding.tuyaintercom.internal.framework;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * An implementation of an openHAB interface by a plain test object: every interface method is answered by the
 * object's public method of the same name and parameter types. The interfaces the tests implement this way
 * ({@code Thing}, {@code Bridge}, {@code ThingHandlerCallback}) have abstract methods that differ between openHAB
 * releases and whose parameter types exist in one release only (5.x
 * {@code Thing.setSemanticEquipmentTag(SemanticTag)}),
 * so no single class can implement them for the stand-ins, 4.3 and 5.x. A method the test object lacks fails loudly
 * with {@link UnsupportedOperationException}, so a binding that starts using it is noticed.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class InterfaceDouble implements InvocationHandler {
    private final Object target;
    private final Map<Method, Method> targets = new ConcurrentHashMap<>();

    private InterfaceDouble(Object target) {
        this.target = target;
    }

    /** {@code target} seen as {@code type}; the proxy is defined in the class loader of the interface. */
    static <T> T of(Class<T> type, Object target) {
        return type.cast(
                Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, new InterfaceDouble(target)));
    }

    @Override
    @SuppressWarnings("PMD.CompareObjectsWithEquals") // identity: a proxy equals only itself; a method is its own
    public @Nullable Object invoke(Object proxy, Method method, @Nullable Object @Nullable [] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            switch (method.getName()) {
                case "equals":
                    return args != null && proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                default:
                    return target.toString();
            }
        }
        Method implementation = targets.computeIfAbsent(method, this::find);
        if (implementation == method) {
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            throw new UnsupportedOperationException(
                    target.getClass().getSimpleName() + " does not implement " + method.toGenericString());
        }
        try {
            return implementation.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause != null ? cause : e;
        }
    }

    /** The target's method for an interface method, or the interface method itself when there is none. */
    private Method find(Method method) {
        try {
            Method found = target.getClass().getMethod(method.getName(), method.getParameterTypes());
            return found.getDeclaringClass() == Object.class ? method : found;
        } catch (NoSuchMethodException e) {
            return method;
        }
    }
}

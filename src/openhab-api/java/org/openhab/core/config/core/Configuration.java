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
package org.openhab.core.config.core;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Compile-time stand-in: a thing's configuration map, with a field-by-name mapping onto configuration classes.
 */
@NonNullByDefault
public class Configuration {
    private final Map<String, Object> properties = new HashMap<>();

    public Configuration() {
    }

    public Configuration(@Nullable Map<String, Object> properties) {
        if (properties != null) {
            setProperties(properties);
        }
    }

    public <T> T as(Class<T> configurationClass) {
        try {
            T instance = configurationClass.getDeclaredConstructor().newInstance();
            for (Field field : configurationClass.getDeclaredFields()) {
                Object value = get(field.getName());
                if (value == null || Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                field.set(instance, convert(value, field.getType()));
            }
            return instance;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot map configuration onto " + configurationClass, e);
        }
    }

    private static Object convert(Object value, Class<?> type) {
        if (type == String.class) {
            return value.toString();
        }
        if (type == boolean.class || type == Boolean.class) {
            return value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString());
        }
        BigDecimal number = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        if (type == int.class || type == Integer.class) {
            return number.intValue();
        }
        if (type == long.class || type == Long.class) {
            return number.longValue();
        }
        if (type == double.class || type == Double.class) {
            return number.doubleValue();
        }
        return number;
    }

    public boolean containsKey(String key) {
        synchronized (this) {
            return properties.containsKey(key);
        }
    }

    public @Nullable Object get(String key) {
        synchronized (this) {
            return properties.get(key);
        }
    }

    public @Nullable Object put(String key, @Nullable Object value) {
        synchronized (this) {
            return value == null ? properties.remove(key) : properties.put(key, normalize(value));
        }
    }

    private static Object normalize(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        return value;
    }

    public @Nullable Object remove(String key) {
        synchronized (this) {
            return properties.remove(key);
        }
    }

    public Set<String> keySet() {
        synchronized (this) {
            return Set.copyOf(properties.keySet());
        }
    }

    public Collection<Object> values() {
        synchronized (this) {
            return java.util.List.copyOf(properties.values());
        }
    }

    public Map<String, Object> getProperties() {
        synchronized (this) {
            return Map.copyOf(properties);
        }
    }

    public void setProperties(Map<String, Object> properties) {
        synchronized (this) {
            this.properties.clear();
            properties.forEach(this::put);
        }
    }

    @Override
    public int hashCode() {
        return getProperties().hashCode();
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        return obj instanceof Configuration other && other.getProperties().equals(getProperties());
    }

    @Override
    public String toString() {
        return "Configuration" + keySet();
    }
}

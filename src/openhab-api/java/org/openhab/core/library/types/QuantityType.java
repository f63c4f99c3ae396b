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
package org.openhab.core.library.types;

import java.math.BigDecimal;

import javax.measure.Quantity;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.types.Command;
import org.openhab.core.types.PrimitiveType;
import org.openhab.core.types.State;

/**
 * Compile-time stand-in: a number with a unit, from its text ("6.012 s"). Unlike the real class it neither parses
 * nor converts units: the unit is kept as the text after the number.
 */
@NonNullByDefault
public class QuantityType<T extends Quantity<T>> extends Number
        implements PrimitiveType, State, Command, Comparable<QuantityType<T>> {
    private static final long serialVersionUID = 1L;

    private final BigDecimal value;
    private final String unit;

    public QuantityType(String value) {
        String text = value.trim();
        int space = text.indexOf(' ');
        this.value = new BigDecimal(space < 0 ? text : text.substring(0, space));
        this.unit = space < 0 ? "" : text.substring(space + 1).trim();
    }

    @Override
    public String toString() {
        return unit.isEmpty() ? value.toPlainString() : value.toPlainString() + " " + unit;
    }

    @Override
    public String toFullString() {
        return toString();
    }

    @Override
    public String format(String pattern) {
        return String.format(pattern, value).replace("%unit%", unit);
    }

    public BigDecimal toBigDecimal() {
        return value;
    }

    @Override
    public int hashCode() {
        return value.stripTrailingZeros().hashCode() * 31 + unit.hashCode();
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        return obj instanceof QuantityType<?> other && other.value.compareTo(value) == 0 && other.unit.equals(unit);
    }

    @Override
    public int compareTo(QuantityType<T> other) {
        return value.compareTo(other.value);
    }

    @Override
    public double doubleValue() {
        return value.doubleValue();
    }

    @Override
    public float floatValue() {
        return value.floatValue();
    }

    @Override
    public int intValue() {
        return value.intValue();
    }

    @Override
    public long longValue() {
        return value.longValue();
    }
}

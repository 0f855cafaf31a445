package io.huracan.ports.market;

import java.math.BigDecimal;

/** An exact, non-negative amount of the base asset, as sent to or received from an exchange. */
public record Quantity(BigDecimal value) implements Comparable<Quantity> {
    public static final Quantity ZERO = new Quantity(BigDecimal.ZERO);

    public Quantity {
        if (value == null || value.signum() < 0) {
            throw new IllegalArgumentException("quantity " + value + " is invalid; allowed: a decimal >= 0");
        }
        value = value.stripTrailingZeros();
    }

    public static Quantity of(String decimal) {
        return new Quantity(new BigDecimal(decimal));
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    public double toDouble() {
        return value.doubleValue();
    }

    @Override
    public int compareTo(Quantity other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}

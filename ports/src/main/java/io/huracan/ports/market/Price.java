package io.huracan.ports.market;

import java.math.BigDecimal;

/** An exact price in the quote currency, as sent to or received from an exchange. */
public record Price(BigDecimal value) implements Comparable<Price> {
    public Price {
        if (value == null || value.signum() <= 0) {
            throw new IllegalArgumentException("price " + value + " is invalid; allowed: a positive decimal");
        }
        value = value.stripTrailingZeros();
    }

    public static Price of(String decimal) {
        return new Price(new BigDecimal(decimal));
    }

    public double toDouble() {
        return value.doubleValue();
    }

    @Override
    public int compareTo(Price other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}

package io.huracan.ports.market;

import java.util.regex.Pattern;

/** A base asset traded against the universe's quote currency, e.g. {@code BTC}. */
public record Coin(String symbol) implements Comparable<Coin> {
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{1,20}");

    public Coin {
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException(
                    "coin symbol '" + symbol + "' is invalid; allowed: 1-20 upper-case letters or digits");
        }
    }

    public static Coin of(String symbol) {
        return new Coin(symbol);
    }

    @Override
    public int compareTo(Coin other) {
        return symbol.compareTo(other.symbol);
    }

    @Override
    public String toString() {
        return symbol;
    }
}

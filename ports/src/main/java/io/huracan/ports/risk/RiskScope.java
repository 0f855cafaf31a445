package io.huracan.ports.risk;

/** The part of the book a limit, breaker or event applies to: a coin, a sector, an exchange, or everything. */
public record RiskScope(Kind kind, String name) {
    public enum Kind { COIN, SECTOR, EXCHANGE, GLOBAL }

    public static final RiskScope GLOBAL = new RiskScope(Kind.GLOBAL, "global");

    public RiskScope {
        if (kind == null || name == null || name.isBlank()) {
            throw new IllegalArgumentException("a risk scope needs a kind and a name");
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + name;
    }
}

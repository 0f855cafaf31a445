package io.huracan.ports.market;

import java.util.regex.Pattern;

/** A group of coins whose prices move together (layer1, defi, meme...), used for sector exposure limits. */
public record Sector(String name) implements Comparable<Sector> {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,39}");

    public Sector {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "sector '" + name + "' is invalid; allowed: lower-case letters, digits, '_' or '-', starting with a letter");
        }
    }

    public static Sector of(String name) {
        return new Sector(name);
    }

    @Override
    public int compareTo(Sector other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}

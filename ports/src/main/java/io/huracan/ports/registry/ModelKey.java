package io.huracan.ports.registry;

import java.util.regex.Pattern;

/**
 * A model version's identity, written {@code NAME:VERSION} (e.g. {@code momentum-linear:3}). Names are also
 * directory names and metric tags, so they are restricted to lower-case letters, digits, '.', '_' and '-'.
 */
public record ModelKey(String name, int version) implements Comparable<ModelKey> {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public ModelKey {
        checkName(name);
        if (version < 1) {
            throw new IllegalArgumentException("model version " + version + " is invalid; allowed: an integer >= 1");
        }
    }

    public static ModelKey of(String name, int version) {
        return new ModelKey(name, version);
    }

    /** Reads {@code NAME:VERSION}. */
    public static ModelKey parse(String text) {
        int colon = text == null ? -1 : text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("model '" + text + "' is invalid; allowed: NAME:VERSION, e.g. momentum-linear:3");
        }
        int version;
        try {
            version = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("model version in '" + text + "' is invalid; allowed: an integer >= 1");
        }
        return new ModelKey(text.substring(0, colon), version);
    }

    /** Checks a model name and returns it. */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("model name '" + name + "' is invalid; allowed: 1-64 of a-z, 0-9, '.', '_', '-'"
                    + ", starting with a letter or digit");
        }
        return name;
    }

    @Override
    public int compareTo(ModelKey other) {
        int byName = name.compareTo(other.name);
        return byName != 0 ? byName : Integer.compare(version, other.version);
    }

    @Override
    public String toString() {
        return name + ":" + version;
    }
}

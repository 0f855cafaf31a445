package io.huracan.domain.util;

/** Planted violation: a dumping-ground package. */
public final class StringUtil {
    private StringUtil() {
    }
}

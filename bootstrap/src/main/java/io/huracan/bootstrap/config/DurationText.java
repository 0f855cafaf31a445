package io.huracan.bootstrap.config;

import java.time.Duration;
import java.util.regex.Pattern;

/** The config's duration format: a whole number and a unit, {@code 50us}, {@code 250ms}, {@code 5s}, {@code 15m}, {@code 8h}, {@code 7d}. */
public final class DurationText {
    public static final String ALLOWED = "a whole number with us, ms, s, m, h or d, e.g. 15m";
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,12})(us|ms|s|m|h|d)");

    private DurationText() {
    }

    /** Parses the text, or returns null when it is not in the format. */
    public static Duration parse(String text) {
        var matcher = FORMAT.matcher(text.trim());
        if (!matcher.matches()) {
            return null;
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "us" -> Duration.ofNanos(amount * 1_000);
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** Formats with the largest unit that represents the duration exactly. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (millis != 0 && millis % sizes[i] == 0) {
                return millis / sizes[i] + units[i];
            }
        }
        return duration.toNanos() % 1_000_000 == 0 ? millis + "ms" : duration.toNanos() / 1_000 + "us";
    }
}

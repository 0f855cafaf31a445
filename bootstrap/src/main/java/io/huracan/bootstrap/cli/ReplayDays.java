package io.huracan.bootstrap.cli;

import picocli.CommandLine;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses {@code --replay DAY[..DAY]} (UTC days, both inclusive) into {@code [fromMicros, toMicros)}. */
final class ReplayDays {
    private ReplayDays() {
    }

    static long[] parse(String text, CommandLine commandLine) {
        String[] parts = text.split("\\.\\.", -1);
        try {
            LocalDate from = LocalDate.parse(parts[0].trim());
            LocalDate to = parts.length == 2 ? LocalDate.parse(parts[1].trim()) : from;
            if (parts.length > 2 || to.isBefore(from)) {
                throw new DateTimeParseException("range", text, 0);
            }
            return new long[] {micros(from), micros(to.plusDays(1))};
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(commandLine, "--replay '" + text
                    + "' is invalid; allowed: a UTC day YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD, first day first");
        }
    }

    private static long micros(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000L;
    }
}

package io.huracan.domain.retraining;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;

/**
 * A five-field cron expression in UTC: minute (0-59), hour (0-23), day of month (1-31), month (1-12), day of week
 * (0-7, 0 and 7 = Sunday). Each field is {@code *}, a number, a range {@code a-b}, a step {@code * /n} or
 * {@code a-b/n}, or a comma list of those. As in Vixie cron, when both day fields are restricted a day matches if
 * either does. (No month or day names, no {@code L}, {@code W} or {@code #}: a retraining schedule does not need them,
 * and no cron library resolves here that the domain could use.)
 */
public final class CronSchedule {
    private final String expression;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean domRestricted;
    private final boolean dowRestricted;

    private CronSchedule(String expression, String[] fields) {
        this.expression = expression;
        minutes = field("minute", fields[0], 0, 59);
        hours = field("hour", fields[1], 0, 23);
        daysOfMonth = field("day of month", fields[2], 1, 31);
        months = field("month", fields[3], 1, 12);
        BitSet dow = field("day of week", fields[4], 0, 7);
        if (dow.get(7)) {
            dow.set(0);
        }
        daysOfWeek = dow;
        domRestricted = !fields[2].equals("*");
        dowRestricted = !fields[4].equals("*");
    }

    /** Parses an expression; the error names the field and what is allowed. */
    public static CronSchedule parse(String expression) {
        String[] fields = expression == null ? new String[0] : expression.trim().split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("cron '" + expression
                    + "' is invalid; allowed: five fields (minute hour day-of-month month day-of-week), e.g. '0 */6 * * *'");
        }
        return new CronSchedule(expression.trim(), fields);
    }

    /** The first minute strictly after {@code after} that matches. */
    public Instant nextAfter(Instant after) {
        LocalDateTime t = LocalDateTime.ofInstant(after, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDateTime limit = t.plusYears(5);
        while (t.isBefore(limit)) {
            if (!months.get(t.getMonthValue())) {
                t = t.withDayOfMonth(1).withHour(0).withMinute(0).plusMonths(1);
            } else if (!dayMatches(t)) {
                t = t.withHour(0).withMinute(0).plusDays(1);
            } else if (!hours.get(t.getHour())) {
                t = t.withMinute(0).plusHours(1);
            } else if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
            } else {
                return t.toInstant(ZoneOffset.UTC);
            }
        }
        throw new IllegalArgumentException("cron '" + expression + "' never fires (e.g. 31 February)");
    }

    private boolean dayMatches(LocalDateTime t) {
        boolean dom = daysOfMonth.get(t.getDayOfMonth());
        boolean dow = daysOfWeek.get(t.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : t.getDayOfWeek().getValue());
        if (domRestricted && dowRestricted) {
            return dom || dow;
        }
        return dom && dow;
    }

    private BitSet field(String name, String text, int min, int max) {
        var set = new BitSet(max + 1);
        for (String part : text.split(",", -1)) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(name, part.substring(slash + 1), 1, max);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", 2);
                from = number(name, ends[0], min, max);
                to = number(name, ends[1], min, max);
                if (to < from) {
                    throw invalid(name, part, min, max);
                }
            } else {
                from = number(name, range, min, max);
                to = slash >= 0 ? max : from;
            }
            for (int value = from; value <= to; value += step) {
                set.set(value);
            }
        }
        return set;
    }

    private int number(String name, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw invalid(name, text, min, max);
    }

    private IllegalArgumentException invalid(String name, String text, int min, int max) {
        return new IllegalArgumentException("cron '" + expression + "': " + name + " '" + text
                + "' is invalid; allowed: *, a number " + min + "-" + max + ", a range a-b, a step */n or a-b/n, or a list");
    }

    @Override
    public String toString() {
        return expression;
    }
}

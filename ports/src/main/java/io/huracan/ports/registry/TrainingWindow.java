package io.huracan.ports.registry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The market-data interval a model was fitted on, [from, to), at microsecond precision like every store. */
public record TrainingWindow(Instant from, Instant to) {
    public TrainingWindow {
        if (from == null || to == null) {
            throw new IllegalArgumentException("training window needs both from and to");
        }
        from = from.truncatedTo(ChronoUnit.MICROS);
        to = to.truncatedTo(ChronoUnit.MICROS);
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("training window " + from + " .. " + to + " is invalid; allowed: to after from");
        }
    }
}

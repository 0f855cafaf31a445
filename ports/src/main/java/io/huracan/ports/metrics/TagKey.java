package io.huracan.ports.metrics;

import java.util.Locale;

/**
 * The tag keys a meter may carry. Each has a bounded set of values (a coin of the universe, an exchange, a
 * stream, a loop index, a reason code, a limit scope, a sector, a latency outcome, a consumer group of the
 * config); order ids, prices and other unbounded values never become tags.
 */
public enum TagKey {
    COIN, EXCHANGE, STREAM, LOOP, REASON, SCOPE, SECTOR, OUTCOME, GROUP;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}

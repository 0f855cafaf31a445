package io.huracan.bootstrap.config;

import java.time.Duration;

import static io.huracan.ports.config.ConfigChecks.nonNegative;
import static io.huracan.ports.config.ConfigChecks.positive;
import static io.huracan.ports.config.ConfigChecks.required;

/**
 * {@code engine.exchanges.paper}: the simulated venue fed by the market simulator.
 *
 * @param seed             the simulator's seed: the same seed gives the same session
 * @param startingBalance  quote-currency cash the paper account starts with
 * @param latency          delay between an order's submission and its matching
 */
public record PaperExchangeSection(boolean enabled, long seed, double startingBalance, Duration latency) {
    public PaperExchangeSection {
        positive("starting_balance", startingBalance);
        required("latency", latency);
        nonNegative("latency", latency.toNanos());
    }
}

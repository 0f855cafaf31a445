package io.huracan.bootstrap.config;

import io.huracan.ports.market.InstrumentKind;

import java.time.Duration;

import static io.huracan.ports.config.ConfigChecks.inClosedRange;
import static io.huracan.ports.config.ConfigChecks.nonNegative;
import static io.huracan.ports.config.ConfigChecks.positive;
import static io.huracan.ports.config.ConfigChecks.required;

/**
 * {@code engine.exchanges.paper}: the simulated venues fed by the market simulator. Maps onto the adapter's
 * {@code PaperExchangeConfig} and {@code MarketSimulatorConfig}; fees come from {@code engine.cost_model.fees}.
 *
 * @param seed                   the simulator's seed: the same seed gives the same session
 * @param startingBalance        quote-currency cash of the paper book, split equally over the venue accounts
 * @param latency                delay between an order's submission and its matching
 * @param market                 instrument kind simulated: spot or perpetual
 * @param leverage               perpetual margin: notional / leverage
 * @param depthLevels            price levels synthesised behind each simulated book top
 * @param updateInterval         each coin's book is updated once per interval on each venue
 * @param fundingInterval        perpetual funding is charged at multiples of this since the epoch
 * @param fundingPublishInterval how often funding rates are published
 * @param meanRegimeDuration     mean time a sector stays in one regime
 * @param volatilityScale        multiplies every volatility and trend (1 = realistic)
 * @param minNotional            minimum order notional on every simulated instrument
 */
public record PaperExchangeSection(
        boolean enabled,
        long seed,
        double startingBalance,
        Duration latency,
        InstrumentKind market,
        int leverage,
        int depthLevels,
        Duration updateInterval,
        Duration fundingInterval,
        Duration fundingPublishInterval,
        Duration meanRegimeDuration,
        double volatilityScale,
        double minNotional) {

    public PaperExchangeSection {
        positive("starting_balance", startingBalance);
        required("latency", latency);
        nonNegative("latency", latency.toNanos());
        required("market", market);
        inClosedRange("leverage", leverage, 1, 125);
        inClosedRange("depth_levels", depthLevels, 1, 1000);
        positive("update_interval", updateInterval);
        positive("funding_interval", fundingInterval);
        positive("funding_publish_interval", fundingPublishInterval);
        positive("mean_regime_duration", meanRegimeDuration);
        inClosedRange("volatility_scale", volatilityScale, 0, 100);
        nonNegative("min_notional", minNotional);
    }
}

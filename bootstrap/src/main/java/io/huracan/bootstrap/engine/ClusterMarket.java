package io.huracan.bootstrap.engine;

import com.google.inject.Guice;
import io.huracan.bootstrap.config.ConfigException;
import io.huracan.bootstrap.config.DurationText;
import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.bootstrap.lifecycle.EngineStartException;
import io.huracan.bootstrap.wiring.AdapterSelection;
import io.huracan.ports.cluster.ClusterMembership;
import io.huracan.ports.cluster.MarketEpoch;

import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * The simulated market of a cluster: every member runs its own simulator, and they see the same prices for the
 * coins they own because they agree, through Redis, on one seed, step, speed and start, and a member that joins
 * later steps through what it missed before it takes any coin.
 */
final class ClusterMarket {
    private ClusterMarket() {
    }

    /** Agrees the market with the members before this one (or proposes it); one Redis round trip. */
    static MarketEpoch agree(EngineConfig config, long proposedStartMicros, double speed, boolean replay) {
        if (replay) {
            throw new ConfigException("engine.cluster.enabled: true cannot replay stored market data; allowed: a "
                    + "cluster on the simulator, a replay in one process");
        }
        if (!(speed > 0)) {
            throw new ConfigException("engine.cluster.enabled: true needs a paced market, not --speed " + speed
                    + "; allowed: a speed > 0, the same on every member");
        }
        var paper = config.exchanges().paper();
        var proposal = new MarketEpoch(paper.seed(), paper.updateInterval().toNanos() / 1_000, speed,
                proposedStartMicros, 0);
        ClusterMembership membership = Guice.createInjector(AdapterSelection.cluster(config.cluster(),
                config.messageBus())).getInstance(ClusterMembership.class);
        MarketEpoch agreed;
        try {
            agreed = membership.agreeMarket(proposal);
        } catch (UncheckedIOException e) {
            throw new EngineStartException("cluster: cannot agree the market with the other members: "
                    + e.getMessage(), e);
        } finally {
            membership.close();
        }
        if (!agreed.sameMarketAs(proposal)) {
            throw new ConfigException("engine.exchanges.paper: this member's market (" + describe(proposal)
                    + ") is not the cluster's (" + describe(agreed) + "); allowed: the same seed, update_interval "
                    + "and --speed on every member");
        }
        return agreed;
    }

    private static String describe(MarketEpoch market) {
        return "seed " + market.seed() + ", update_interval " + DurationText.format(Duration.ofNanos(
                market.stepMicros() * 1_000)) + ", speed " + market.speed();
    }
}

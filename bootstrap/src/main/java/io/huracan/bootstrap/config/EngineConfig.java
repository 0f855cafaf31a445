package io.huracan.bootstrap.config;

import io.huracan.domain.cost.CostModelParams;
import io.huracan.domain.loop.EventLoopConfig;
import io.huracan.domain.pipeline.StrategyParams;
import io.huracan.domain.risk.RiskLimits;
import io.huracan.domain.risk.TradeLimits;
import io.huracan.ports.market.Universe;

import io.huracan.ports.config.InvalidConfigException;

import static io.huracan.ports.config.ConfigChecks.required;

/** The whole {@code engine} section, immutable and validated; see config/base.yaml for every key. */
public record EngineConfig(
        Universe universe,
        int maxConcurrentTrades,
        int softThrottleTrades,
        StrategyParams strategy,
        EventLoopConfig eventLoop,
        MessageBusSection messageBus,
        RiskLimits risk,
        CostModelParams costModel,
        RegistrySection registry,
        StorageSection storage,
        ExchangesSection exchanges,
        ObservabilitySection observability,
        RetrainingSection retraining,
        ClusterSection cluster) {

    public EngineConfig {
        required("universe", universe);
        new TradeLimits(maxConcurrentTrades, softThrottleTrades);
        required("strategy", strategy);
        required("event_loop", eventLoop);
        required("message_bus", messageBus);
        required("risk", risk);
        required("cost_model", costModel);
        required("registry", registry);
        required("storage", storage);
        required("exchanges", exchanges);
        required("observability", observability);
        required("retraining", retraining);
        required("cluster", cluster);
        if (costModel.feesOf(retraining.venue()) == null) {
            throw new InvalidConfigException("retraining.venue", retraining.venue().key()
                    + " has no fee schedule in engine.cost_model.fees; allowed: one of " + costModel.fees().keySet());
        }
    }

    public TradeLimits tradeLimits() {
        return new TradeLimits(maxConcurrentTrades, softThrottleTrades);
    }
}

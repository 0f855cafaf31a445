package io.huracan.domain.retraining;

import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.Regime;
import io.huracan.ports.order.Fill;
import io.huracan.ports.registry.ModelKey;
import io.huracan.ports.registry.ModelMetrics;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The live record of the active models, from the engine's fills, for the decay check. A position per coin and venue
 * is followed from flat to flat: that is one trade, and its return after fees, in bps of the notional that opened it,
 * counts for every model that was active in the coin's regime when it opened (the pipeline averages the regime's
 * active models, so each carries the trade). A fill that flips the position closes the trade and opens the next.
 * Models stop being followed when they stop being active; one promoted later starts with no live trades. One thread
 * feeds it.
 */
public final class LiveModelPerformance {
    private static final double FLAT = 1e-9;

    private final Map<Key, OpenTrade> open = new HashMap<>();
    private final Map<ModelKey, MetricsAccumulator> byModel = new LinkedHashMap<>();
    private Map<Regime, List<ModelKey>> active = new EnumMap<>(Regime.class);

    private record Key(Coin coin, ExchangeId venue) {
    }

    /** What an open position carries: the models it counts for, its size and its cash so far. */
    private static final class OpenTrade {
        final List<ModelKey> models;
        double position;
        double openedNotional;
        double cash;

        OpenTrade(List<ModelKey> models) {
            this.models = models;
        }
    }

    /** The models active now, per regime: the ones trades opened from now on count for. */
    public void activeModels(Map<Regime, List<ModelKey>> models) {
        active = new EnumMap<>(Regime.class);
        models.forEach((regime, keys) -> active.put(regime, List.copyOf(keys)));
        byModel.keySet().removeIf(key -> active.values().stream().noneMatch(keys -> keys.contains(key)));
    }

    /** One fill of the engine; {@code regime} is the coin's regime when it happened. */
    public void onFill(Fill fill, Regime regime) {
        Key key = new Key(fill.coin(), fill.exchange());
        double price = fill.price().toDouble();
        double signed = fill.side().sign() * fill.quantity().toDouble();
        double fee = fill.feeQuote().doubleValue();
        OpenTrade trade = open.get(key);
        if (trade != null && Math.signum(trade.position) != Math.signum(signed)
                && Math.abs(signed) > Math.abs(trade.position) * (1 + FLAT)) {
            // a flip: the part that closes this trade, then the rest opens the next
            double closing = -trade.position;
            double share = closing / signed;
            apply(trade, closing, price, fee * share);
            close(key, trade);
            trade = null;
            signed -= closing;
            fee -= fee * share;
        }
        if (trade == null) {
            trade = new OpenTrade(active.getOrDefault(Objects.requireNonNull(regime, "regime"), List.of()));
            open.put(key, trade);
        }
        apply(trade, signed, price, fee);
        if (Math.abs(trade.position) <= FLAT * Math.max(1, trade.openedNotional / price)) {
            close(key, trade);
        }
    }

    /** Live metrics of the active models that have live trades, in the order they got their first. */
    public Map<ModelKey, ModelMetrics> metrics() {
        Map<ModelKey, ModelMetrics> metrics = new LinkedHashMap<>();
        byModel.forEach((key, accumulator) -> metrics.put(key, accumulator.metrics()));
        return metrics;
    }

    private static void apply(OpenTrade trade, double signed, double price, double fee) {
        if (trade.position == 0 || Math.signum(trade.position) == Math.signum(signed)) {
            trade.openedNotional += Math.abs(signed) * price;
        }
        trade.position += signed;
        trade.cash -= signed * price + fee;
    }

    private void close(Key key, OpenTrade trade) {
        open.remove(key);
        if (trade.openedNotional <= 0) {
            return;
        }
        double returnBps = 10_000 * trade.cash / trade.openedNotional;
        for (ModelKey model : trade.models) {
            if (active.values().stream().anyMatch(keys -> keys.contains(model))) {
                byModel.computeIfAbsent(model, ignored -> new MetricsAccumulator()).add(returnBps);
            }
        }
    }
}

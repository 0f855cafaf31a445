package io.huracan.domain.retraining;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Price;
import io.huracan.ports.market.Quantity;
import io.huracan.ports.market.Regime;
import io.huracan.ports.market.Side;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Fill;
import io.huracan.ports.registry.ModelKey;
import io.huracan.ports.registry.ModelMetrics;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LiveModelPerformanceTest {
    private static final ModelKey TREND = ModelKey.of("lin-trending-up-btc", 1);
    private static final ModelKey TREND_2 = ModelKey.of("lin-trending-up-all2-1", 4);
    private static final ModelKey RANGE = ModelKey.of("lin-ranging-btc", 2);
    private final LiveModelPerformance live = new LiveModelPerformance();
    private int fills;

    @Test
    void aTradeFromFlatToFlatCountsItsReturnAfterFeesForTheModelsActiveInItsRegimeAtEntry() {
        live.activeModels(Map.of(Regime.TRENDING_UP, List.of(TREND, TREND_2), Regime.RANGING, List.of(RANGE)));

        // buy 2 @ 100 in two fills, sell 2 @ 101: +2 quote on 200 notional, minus 0.2 fees = 90 bps
        live.onFill(fill("BTC", Side.BUY, "1", "100", "0.05"), Regime.TRENDING_UP);
        live.onFill(fill("BTC", Side.BUY, "1", "100", "0.05"), Regime.TRENDING_UP);
        live.onFill(fill("BTC", Side.SELL, "2", "101", "0.1"), Regime.RANGING);

        Map<ModelKey, ModelMetrics> metrics = live.metrics();
        assertThat(metrics).containsOnlyKeys(TREND, TREND_2);
        assertThat(metrics.get(TREND).tradeCount()).isEqualTo(1);
        assertThat(metrics.get(TREND).meanEdgeAfterCostBps()).isCloseTo(90, within(1e-9));
    }

    @Test
    void aFlipClosesTheTradeAndOpensTheNextInTheRegimeOfTheFlip() {
        live.activeModels(Map.of(Regime.TRENDING_UP, List.of(TREND), Regime.RANGING, List.of(RANGE)));

        live.onFill(fill("BTC", Side.BUY, "1", "100", "0"), Regime.TRENDING_UP);
        live.onFill(fill("BTC", Side.SELL, "3", "99", "0"), Regime.RANGING);   // closes -100 bps, opens short 2
        live.onFill(fill("BTC", Side.BUY, "2", "98", "0"), Regime.RANGING);    // short closes +2 on 198

        assertThat(live.metrics().get(TREND).meanEdgeAfterCostBps()).isCloseTo(-100, within(1e-9));
        assertThat(live.metrics().get(RANGE).meanEdgeAfterCostBps()).isCloseTo(10_000 * 2.0 / 198, within(1e-9));
    }

    @Test
    void venuesAreSeparatePositionsAndBenchedModelsAreNoLongerFollowed() {
        live.activeModels(Map.of(Regime.RANGING, List.of(RANGE)));
        live.onFill(fill("BTC", Side.BUY, "1", "100", "0"), Regime.RANGING);
        live.onFill(fill("BTC", Side.SELL, "1", "101", "0", ExchangeId.OKX), Regime.RANGING);
        assertThat(live.metrics()).isEmpty();
        live.onFill(fill("BTC", Side.SELL, "1", "101", "0"), Regime.RANGING);
        assertThat(live.metrics()).containsOnlyKeys(RANGE);

        live.activeModels(Map.of(Regime.RANGING, List.of()));
        assertThat(live.metrics()).isEmpty();
    }

    private Fill fill(String coin, Side side, String quantity, String price, String fee) {
        return fill(coin, side, quantity, price, fee, ExchangeId.BINANCE);
    }

    private Fill fill(String coin, Side side, String quantity, String price, String fee, ExchangeId venue) {
        fills++;
        return new Fill("t" + fills, new ClientOrderId("o" + fills), Coin.of(coin), venue, side, Price.of(price),
                Quantity.of(quantity), new BigDecimal(fee), false, fills);
    }
}

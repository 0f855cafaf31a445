package io.huracan.domain.codec;

import io.huracan.ports.bus.PayloadFormatException;
import io.huracan.ports.feature.Feature;
import io.huracan.ports.feature.FeatureVector;
import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.FundingRate;
import io.huracan.ports.market.Price;
import io.huracan.ports.market.Quantity;
import io.huracan.ports.market.Side;
import io.huracan.ports.market.Trade;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Fill;
import io.huracan.ports.order.OrderIntent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.order.Order;
import io.huracan.ports.order.OrderType;
import io.huracan.ports.order.TimeInForce;
import io.huracan.ports.risk.RiskEvent;
import io.huracan.ports.risk.RiskEventType;
import io.huracan.ports.risk.RiskReason;
import io.huracan.ports.risk.RiskScope;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnginePayloadsTest {
    private static final Coin ETH = Coin.of("ETH");
    private final EnginePayloads payloads = EnginePayloads.standard();

    @Test
    void everyEnginePayloadSurvivesARoundTrip() {
        double[] features = new double[Feature.COUNT];
        Arrays.setAll(features, i -> i * 1.5 - 3);
        List<Object> values = List.of(
                new BookTop(ETH, ExchangeId.BINANCE, 1_700_000_000_123_456L, 3000.25, 1.5, 3000.5, 2.25),
                new Trade(ETH, ExchangeId.OKX, 1_700_000_000_000_001L, 3001, 0.01, Side.SELL),
                new FundingRate(ETH, ExchangeId.BYBIT, 5, -0.000125, 28_800_000_000L, 28_800_000_000L),
                new OrderIntent(ETH, ExchangeId.PAPER, Side.BUY, 0.5, 3000, true, 4.25),
                new Fill("t-981", new ClientOrderId("hc-42"), ETH, ExchangeId.BINANCE, Side.BUY, Price.of("3000.01"),
                        Quantity.of("0.123456789"), new BigDecimal("-0.0371"), true, 1_700_000_000_000_000L),
                new Order(new ClientOrderId("hc-43"), ETH, ExchangeId.OKX, InstrumentKind.PERPETUAL, Side.SELL,
                        OrderType.LIMIT, TimeInForce.POST_ONLY, Quantity.of("1.25"), Optional.of(Price.of("3002.5")), true),
                new Order(new ClientOrderId("hc-44"), ETH, ExchangeId.BYBIT, InstrumentKind.SPOT, Side.BUY,
                        OrderType.MARKET, TimeInForce.IOC, Quantity.of("0.001"), Optional.empty(), false),
                new RiskEvent(1_700_000_000_000_002L, RiskEventType.REDUCED, RiskReason.SECTOR_LIMIT,
                        new RiskScope(RiskScope.Kind.SECTOR, "layer1"), 0.875,
                        Optional.of(new OrderIntent(ETH, ExchangeId.OKX, Side.BUY, 2, 3000, false, 7.5)), 1.25),
                new RiskEvent(1_700_000_000_000_003L, RiskEventType.BREAKER_TRIPPED, RiskReason.INTRADAY_DRAWDOWN,
                        RiskScope.GLOBAL, 1.0, Optional.empty(), 0));
        for (Object value : values) {
            assertThat(payloads.decode(payloads.encode(value))).isEqualTo(value);
        }
        var vector = new FeatureVector(ETH, 42, features);
        var decoded = payloads.decode(payloads.encode(vector), FeatureVector.class);
        assertThat(decoded.values()).containsExactly(features);
        assertThat(decoded.coin()).isEqualTo(ETH);
    }

    @Test
    void aBookTopIsCompact() {
        // header 2 + symbol 1+3 + exchange 1 + timestamp and four doubles 5*8
        assertThat(payloads.encode(new BookTop(ETH, ExchangeId.OKX, 1, 1, 1, 2, 1))).hasSize(47);
    }

    @Test
    void anUnknownTypeOrVersionIsAClearError() {
        byte[] book = payloads.encode(new BookTop(ETH, ExchangeId.OKX, 1, 1, 1, 2, 1));
        byte[] unknownType = book.clone();
        unknownType[0] = 99;
        assertThatThrownBy(() -> payloads.decode(unknownType)).isInstanceOf(PayloadFormatException.class)
                .hasMessage("payload type 99 is unknown; known: 1 BookTop v1, 2 Trade v1, 3 FundingRate v1, "
                        + "4 FeatureVector v1, 5 OrderIntent v1, 6 Fill v1, 7 Order v1, 8 RiskEvent v1");
        byte[] newerVersion = book.clone();
        newerVersion[1] = 2;
        assertThatThrownBy(() -> payloads.decode(newerVersion)).isInstanceOf(PayloadFormatException.class)
                .hasMessage("payload BookTop version 2 is unknown; this engine reads versions 1-1");
    }

    @Test
    void truncatedOrOverlongBytesAreRejected() {
        byte[] book = payloads.encode(new BookTop(ETH, ExchangeId.OKX, 1, 1, 1, 2, 1));
        assertThatThrownBy(() -> payloads.decode(Arrays.copyOf(book, 20))).isInstanceOf(PayloadFormatException.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> payloads.decode(Arrays.copyOf(book, 50))).isInstanceOf(PayloadFormatException.class)
                .hasMessageContaining("3 bytes more");
        assertThatThrownBy(() -> payloads.decode(new byte[1])).isInstanceOf(PayloadFormatException.class);
    }

    @Test
    void aVectorFromAnOlderEngineWithFewerFeaturesReadsTheRestAsZero() {
        var out = ByteBuffer.allocate(64);
        out.put((byte) 4).put((byte) 1);
        out.put((byte) 3).put("ETH".getBytes());
        out.putLong(7).put((byte) 2).putDouble(1.5).putDouble(-2.5);
        byte[] bytes = Arrays.copyOf(out.array(), out.position());
        var vector = payloads.decode(bytes, FeatureVector.class);
        assertThat(vector.get(Feature.RETURN_10S)).isEqualTo(1.5);
        assertThat(vector.get(Feature.RETURN_1M)).isEqualTo(-2.5);
        assertThat(vector.get(Feature.FUNDING_BPS)).isZero();
    }

    @Test
    void decodingAsTheWrongTypeIsAnError() {
        byte[] trade = payloads.encode(new Trade(ETH, ExchangeId.OKX, 1, 1, 1, Side.BUY));
        assertThatThrownBy(() -> payloads.decode(trade, BookTop.class)).isInstanceOf(PayloadFormatException.class)
                .hasMessage("payload is a Trade; expected a BookTop");
    }
}

package io.huracan.bootstrap.engine;

import io.huracan.ports.exchange.ExecutionReport;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.market.Price;
import io.huracan.ports.market.Quantity;
import io.huracan.ports.market.Side;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Order;
import io.huracan.ports.order.OrderStatus;
import io.huracan.ports.order.OrderType;
import io.huracan.ports.order.TimeInForce;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which orders the poller follows: the session's working orders on polled venues, until they finish. */
class WorkingOrderPollerTest {
    private final WorkingOrderPoller poller = new WorkingOrderPoller(null, Map.of(ExchangeId.BINANCE, Duration.ofHours(1)),
            order -> order.clientOrderId().value().startsWith("s1-"));

    @Test
    void followsTheSessionsWorkingOrdersUntilTheyFinish() {
        poller.onExecution(report("s1-BTC-1", ExchangeId.BINANCE, OrderStatus.NEW));
        poller.onExecution(report("s1-BTC-2", ExchangeId.BINANCE, OrderStatus.PARTIALLY_FILLED));
        assertThat(poller.workingOrders()).isEqualTo(2);

        poller.onExecution(report("s1-BTC-1", ExchangeId.BINANCE, OrderStatus.FILLED));
        poller.onExecution(report("s1-BTC-2", ExchangeId.BINANCE, OrderStatus.CANCELLED));
        assertThat(poller.workingOrders()).isZero();
    }

    @Test
    void leavesOrdersOfOtherProgramsAndOfVenuesNotPolledAlone() {
        poller.onExecution(report("manual-1", ExchangeId.BINANCE, OrderStatus.NEW));
        poller.onExecution(report("s1-BTC-3", ExchangeId.OKX, OrderStatus.NEW));
        assertThat(poller.workingOrders()).isZero();
    }

    private static ExecutionReport report(String id, ExchangeId venue, OrderStatus status) {
        var order = new Order(new ClientOrderId(id), Coin.of("BTC"), venue, InstrumentKind.SPOT, Side.BUY, OrderType.LIMIT,
                TimeInForce.GTC, Quantity.of("0.001"), Optional.of(Price.of("27000")), false);
        return new ExecutionReport(order, "X" + id, status, Quantity.ZERO, BigDecimal.ZERO, Optional.empty(),
                Optional.empty(), 0);
    }
}

package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.ExecutionReport;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Quantity;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Order;
import io.huracan.ports.order.OrderStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Asking Binance about many working orders at once ({@code queryOrders}): by weight, one list of the open orders
 * (80) beats a query per order (4 each) from 21 orders on; an order missing from the list is then queried alone.
 */
class BinanceOrderPollingTest {
    private static final String ORDER = "/api/v3/order";
    private static final String OPEN_ORDERS = "/api/v3/openOrders";

    private final List<ExecutionReport> reports = new ArrayList<>();
    private BinanceStub stub;
    private XChangeExchangeGateway gateway;

    @BeforeEach
    void start() throws IOException {
        stub = new BinanceStub();
        gateway = BinanceVenues.gateway(stub, Clock.systemUTC());
        gateway.addExecutionListener(reports::add);
    }

    @AfterEach
    void stop() throws IOException {
        stub.close();
    }

    @Test
    void manyWorkingOrdersCostOneListAndAQueryOfEachOrderNoLongerOnIt() {
        List<Order> orders = placeResting(21);
        stub.fillResting("poll-0", new BigDecimal("0.0004"));
        stub.fillResting("poll-1", new BigDecimal("0.001"));
        int queriesBefore = stub.count("GET", ORDER);

        Map<String, ExecutionReport> current = byId(gateway.queryOrders(ExchangeId.BINANCE, orders));

        assertThat(stub.count("GET", OPEN_ORDERS)).isEqualTo(1);
        assertThat(stub.count("GET", ORDER) - queriesBefore).as("only the filled order, gone from the list").isEqualTo(1);
        assertThat(current).hasSize(21);
        assertThat(current.get("poll-0").status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(current.get("poll-1").status()).isEqualTo(OrderStatus.FILLED);
        assertThat(current.values()).filteredOn(r -> r.status() == OrderStatus.NEW).hasSize(19);
        // each growth reported once, as a fill
        assertThat(reports).filteredOn(r -> r.lastFill().isPresent())
                .extracting(r -> r.clientOrderId().value(), r -> r.lastFill().get().quantity())
                .containsExactlyInAnyOrder(tuple("poll-0", Quantity.of("0.0004")),
                        tuple("poll-1", Quantity.of("0.001")));

        gateway.queryOrders(ExchangeId.BINANCE, orders);
        assertThat(reports).filteredOn(r -> r.lastFill().isPresent()).as("nothing new: no fill again").hasSize(2);
    }

    @Test
    void upToTwentyWorkingOrdersAreQueriedOneByOne() {
        List<Order> orders = placeResting(20);
        stub.fillResting("poll-3", new BigDecimal("0.0005"));
        int queriesBefore = stub.count("GET", ORDER);

        Map<String, ExecutionReport> current = byId(gateway.queryOrders(ExchangeId.BINANCE, orders));

        assertThat(stub.count("GET", OPEN_ORDERS)).isZero();
        assertThat(stub.count("GET", ORDER) - queriesBefore).isEqualTo(20);
        assertThat(current.get("poll-3").status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    }

    @Test
    void anOrderTheVenueDoesNotKnowIsLeftOut() {
        List<Order> orders = new ArrayList<>(placeResting(21));
        orders.add(BinanceVenues.restingBuy("never-sent"));

        List<ExecutionReport> current = gateway.queryOrders(ExchangeId.BINANCE, orders);

        assertThat(current).extracting(ExecutionReport::clientOrderId).hasSize(21)
                .doesNotContain(new ClientOrderId("never-sent"));
    }

    private List<Order> placeResting(int count) {
        var orders = new ArrayList<Order>();
        for (int i = 0; i < count; i++) {
            Order order = BinanceVenues.restingBuy("poll-" + i);
            assertThat(gateway.place(order).status()).isEqualTo(OrderStatus.NEW);
            orders.add(order);
        }
        return orders;
    }

    private static Map<String, ExecutionReport> byId(List<ExecutionReport> reports) {
        var byId = new HashMap<String, ExecutionReport>();
        reports.forEach(report -> byId.put(report.clientOrderId().value(), report));
        return byId;
    }
}

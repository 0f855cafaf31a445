package io.huracan.domain.pipeline;

import io.huracan.ports.exchange.Balance;
import io.huracan.ports.exchange.ExchangeGateway;
import io.huracan.ports.exchange.ExecutionListener;
import io.huracan.ports.exchange.ExecutionReport;
import io.huracan.ports.exchange.FeeTier;
import io.huracan.ports.exchange.Instrument;
import io.huracan.ports.exchange.Position;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.FundingRate;
import io.huracan.ports.market.OrderBook;
import io.huracan.ports.market.Quantity;
import io.huracan.ports.market.Trade;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Order;
import io.huracan.ports.order.OrderStatus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A venue fake for pipeline tests: it lists the given instruments, acknowledges every order as NEW and keeps
 * it; the test decides what fills. It is what the pipeline talks to, not what is under test.
 */
final class RecordingGateway implements ExchangeGateway {
    final List<Order> placed = new ArrayList<>();
    private final List<Instrument> instruments;

    RecordingGateway(List<Instrument> instruments) {
        this.instruments = List.copyOf(instruments);
    }

    static ExecutionReport acknowledged(Order order, long micros) {
        return new ExecutionReport(order, "X" + order.clientOrderId(), OrderStatus.NEW, Quantity.ZERO, BigDecimal.ZERO,
                Optional.empty(), Optional.empty(), micros);
    }

    @Override
    public Set<ExchangeId> venues() {
        return instruments.stream().map(Instrument::exchange).collect(Collectors.toSet());
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public Optional<Instrument> instrument(Coin coin, ExchangeId exchange) {
        return instruments.stream().filter(i -> i.coin().equals(coin) && i.exchange() == exchange).findFirst();
    }

    @Override
    public OrderBook orderBook(Coin coin, ExchangeId exchange, int depth) {
        throw new IllegalStateException("the pipeline reads books from market data, not from the venue");
    }

    @Override
    public List<Trade> recentTrades(Coin coin, ExchangeId exchange, int limit) {
        throw new IllegalStateException("the pipeline reads trades from market data, not from the venue");
    }

    @Override
    public ExecutionReport place(Order order) {
        placed.add(order);
        return acknowledged(order, 0);
    }

    @Override
    public ExecutionReport cancel(Coin coin, ExchangeId exchange, ClientOrderId clientOrderId) {
        Order order = placed.stream().filter(o -> o.clientOrderId().equals(clientOrderId)).findFirst().orElseThrow();
        return new ExecutionReport(order, "X" + clientOrderId, OrderStatus.CANCELLED, Quantity.ZERO, BigDecimal.ZERO,
                Optional.empty(), Optional.empty(), 0);
    }

    @Override
    public Optional<ExecutionReport> query(Coin coin, ExchangeId exchange, ClientOrderId clientOrderId) {
        return Optional.empty();
    }

    @Override
    public List<ExecutionReport> openOrders(ExchangeId exchange) {
        return List.of();
    }

    @Override
    public List<Balance> balances(ExchangeId exchange) {
        return List.of();
    }

    @Override
    public List<Position> positions(ExchangeId exchange) {
        return List.of();
    }

    @Override
    public FeeTier feeTier(ExchangeId exchange) {
        throw new IllegalStateException("fees come from config in these tests");
    }

    @Override
    public Optional<FundingRate> fundingRate(Coin coin, ExchangeId exchange) {
        return Optional.empty();
    }

    @Override
    public void addExecutionListener(ExecutionListener listener) {
    }

    @Override
    public void removeExecutionListener(ExecutionListener listener) {
    }
}

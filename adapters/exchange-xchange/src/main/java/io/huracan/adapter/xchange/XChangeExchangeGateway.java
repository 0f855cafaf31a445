package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.Balance;
import io.huracan.ports.exchange.ExchangeErrorClass;
import io.huracan.ports.exchange.ExchangeException;
import io.huracan.ports.exchange.ExchangeGateway;
import io.huracan.ports.exchange.ExecutionListener;
import io.huracan.ports.exchange.ExecutionReport;
import io.huracan.ports.exchange.FeeTier;
import io.huracan.ports.exchange.Instrument;
import io.huracan.ports.exchange.Position;
import io.huracan.ports.exchange.RejectReason;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.FundingRate;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.market.OrderBook;
import io.huracan.ports.market.Price;
import io.huracan.ports.market.Quantity;
import io.huracan.ports.market.Trade;
import io.huracan.ports.metrics.EngineMetrics;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Fill;
import io.huracan.ports.order.Order;
import io.huracan.ports.order.OrderStatus;
import io.huracan.ports.order.OrderType;
import io.huracan.ports.order.TimeInForce;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The live venues behind the exchange port. Orders are idempotent by client order id: an id this gateway has
 * seen is never sent again, and after an ambiguous failure (a timeout, a 5xx, a reset connection, an unreadable
 * answer) the venue is asked about the id before anything is resent. Each report is delivered to the listeners
 * once, when the order's state changes.
 */
final class XChangeExchangeGateway implements ExchangeGateway, ExchangeHealth {
    private final Map<ExchangeId, VenueConnection> venues;
    /** Finished orders kept for idempotent re-placement and local queries; the oldest are forgotten beyond this. */
    static final int FINISHED_ORDERS_KEPT = 10_000;

    private final Map<ClientOrderId, TrackedOrder> orders = new ConcurrentHashMap<>();
    private final Queue<ClientOrderId> finished = new ConcurrentLinkedQueue<>();
    private final List<ExecutionListener> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;

    XChangeExchangeGateway(List<VenueConnection> connections, Clock clock) {
        this.clock = clock;
        Map<ExchangeId, VenueConnection> byVenue = new EnumMap<>(ExchangeId.class);
        connections.forEach(c -> byVenue.put(c.client().exchange(), c));
        this.venues = Map.copyOf(byVenue);
    }

    @Override
    public Set<ExchangeId> venues() {
        return venues.keySet();
    }

    @Override
    public List<Instrument> instruments() {
        List<Instrument> all = new ArrayList<>();
        venues.values().forEach(v -> all.addAll(v.instruments()));
        return all;
    }

    @Override
    public Optional<Instrument> instrument(Coin coin, ExchangeId exchange) {
        VenueConnection venue = venues.get(exchange);
        return venue == null ? Optional.empty() : venue.instrument(coin);
    }

    @Override
    public OrderBook orderBook(Coin coin, ExchangeId exchange, int depth) {
        Instrument instrument = listed(coin, exchange);
        return venue(exchange).safe(() -> venue(exchange).client().orderBook(instrument, depth));
    }

    @Override
    public List<Trade> recentTrades(Coin coin, ExchangeId exchange, int limit) {
        Instrument instrument = listed(coin, exchange);
        if (limit < 1) {
            throw new IllegalArgumentException("recent trades limit " + limit + " is invalid; allowed: >= 1");
        }
        VenueConnection venue = venue(exchange);
        return venue.safe(() -> venue.client().recentTrades(instrument, limit));
    }

    @Override
    public ExecutionReport place(Order order) {
        TrackedOrder tracked = orders.computeIfAbsent(order.clientOrderId(), id -> new TrackedOrder(order, true));
        synchronized (tracked) {
            if (tracked.last != null) {
                return tracked.last;
            }
            Optional<Instrument> instrument = instrument(order.coin(), order.exchange());
            if (instrument.isEmpty() || instrument.get().kind() != order.instrument()) {
                return reject(tracked, RejectReason.UNKNOWN_INSTRUMENT);
            }
            Optional<OrderRules.Breach> breach = OrderRules.check(order, instrument.get(), null);
            if (breach.isPresent()) {
                return reject(tracked, breach.get().reason());
            }
            return send(tracked, instrument.get());
        }
    }

    /** Sends, and after an ambiguous failure asks the venue about the id before sending again. */
    private ExecutionReport send(TrackedOrder tracked, Instrument instrument) {
        VenueConnection venue = venue(tracked.order.exchange());
        int attempts = venue.config().maxRetries() + 1;
        ExchangeException last = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            if (tracked.ambiguous) {
                backoff(venue, attempt);
                Optional<VenueOrderState> known = lookUp(venue, tracked, instrument, last);
                if (known.isPresent()) {
                    tracked.ambiguous = false;
                    return record(tracked, known.get());
                }
            }
            try {
                List<VenueOrderState> states = venue.once(() -> venue.client().place(tracked.order, instrument));
                tracked.ambiguous = false;
                states.forEach(state -> record(tracked, state));
                return tracked.last;
            } catch (ExchangeException e) {
                if (e.errorClass() == ExchangeErrorClass.REJECTED && e.reason().isPresent()) {
                    return reject(tracked, e.reason().get());
                }
                if (e.errorClass() != ExchangeErrorClass.RETRYABLE) {
                    orders.remove(tracked.order.clientOrderId(), tracked);
                    throw e;
                }
                if (RequestNotSent.causes(e) && !tracked.ambiguous) {
                    orders.remove(tracked.order.clientOrderId(), tracked);
                    throw e; // nothing reached the venue: the order is not known anywhere yet
                }
                tracked.ambiguous = true;
                last = e;
            }
        }
        throw new ExchangeException(ExchangeErrorClass.RETRYABLE, null, "order " + tracked.order.clientOrderId()
                + " on " + tracked.order.exchange().key() + ": outcome unknown after " + attempts + " attempts ("
                + last.getMessage() + "); placing it again asks the venue first", last);
    }

    /** Asks the venue about an order whose send may or may not have arrived; the order stays ambiguous on failure. */
    private Optional<VenueOrderState> lookUp(VenueConnection venue, TrackedOrder tracked, Instrument instrument,
                                             ExchangeException sendFailure) {
        try {
            return venue.safe(() -> venue.client().query(instrument, tracked.order.clientOrderId(), Optional.of(tracked.order)));
        } catch (ExchangeException e) {
            String sent = sendFailure == null ? "" : " after " + sendFailure.getMessage() + ";";
            throw new ExchangeException(ExchangeErrorClass.RETRYABLE, null, "order " + tracked.order.clientOrderId()
                    + " on " + tracked.order.exchange().key() + ": outcome unknown" + sent + " the venue cannot be asked now ("
                    + e.getMessage() + "); placing it again asks the venue first", e);
        }
    }

    @Override
    public ExecutionReport cancel(Coin coin, ExchangeId exchange, ClientOrderId clientOrderId) {
        Instrument instrument = listed(coin, exchange);
        VenueConnection venue = venue(exchange);
        TrackedOrder tracked = orders.get(clientOrderId);
        if (tracked == null) {
            ExecutionReport found = query(coin, exchange, clientOrderId).orElseThrow(() -> unknownOrder(exchange, clientOrderId));
            tracked = orders.get(found.clientOrderId());
        }
        synchronized (tracked) {
            if (tracked.last != null && tracked.last.status().isTerminal()) {
                return tracked.last;
            }
            if (tracked.last == null) {
                throw unknownOrder(exchange, clientOrderId);
            }
            Order order = tracked.order;
            String exchangeOrderId = tracked.last.exchangeOrderId();
            try {
                return record(tracked, venue.safe(() -> venue.client().cancel(order, instrument, exchangeOrderId)));
            } catch (ExchangeException e) {
                if (e.reason().filter(r -> r == RejectReason.UNKNOWN_ORDER).isEmpty()) {
                    throw e;
                }
                // the order finished (filled or cancelled) before our cancel arrived: report its final state
                Optional<VenueOrderState> finished = venue.safe(() ->
                        venue.client().query(instrument, clientOrderId, Optional.of(order)));
                TrackedOrder current = tracked;
                return finished.map(r -> record(current, r)).orElseThrow(() -> e);
            }
        }
    }

    @Override
    public Optional<ExecutionReport> query(Coin coin, ExchangeId exchange, ClientOrderId clientOrderId) {
        TrackedOrder tracked = orders.get(clientOrderId);
        if (tracked != null && tracked.last != null && tracked.last.status().isTerminal()) {
            return Optional.of(tracked.last);
        }
        Instrument instrument = listed(coin, exchange);
        VenueConnection venue = venue(exchange);
        Optional<Order> known = Optional.ofNullable(tracked).map(t -> t.order);
        Optional<VenueOrderState> state = venue.safe(() -> venue.client().query(instrument, clientOrderId, known));
        return state.map(s -> record(tracked(s), s));
    }

    /**
     * One list of the venue's open orders, then a query of each order not on it (it finished, or the venue lost
     * it); or a query each when the venue's limits make that cheaper ({@link VenueClient#listingIsCheaperThanQuerying}).
     */
    @Override
    public List<ExecutionReport> queryOrders(ExchangeId exchange, Collection<Order> orders) {
        if (!venue(exchange).client().listingIsCheaperThanQuerying(orders.size())) {
            return ExchangeGateway.super.queryOrders(exchange, orders);
        }
        Map<ClientOrderId, ExecutionReport> open = new HashMap<>();
        openOrders(exchange).forEach(report -> open.put(report.clientOrderId(), report));
        List<ExecutionReport> reports = new ArrayList<>(orders.size());
        for (Order order : orders) {
            ExecutionReport listed = open.get(order.clientOrderId());
            if (listed != null) {
                reports.add(listed);
            } else {
                query(order.coin(), exchange, order.clientOrderId()).ifPresent(reports::add);
            }
        }
        return reports;
    }

    @Override
    public List<ExecutionReport> openOrders(ExchangeId exchange) {
        VenueConnection venue = venue(exchange);
        venue.instruments();
        List<VenueOrderState> open = venue.safe(() -> venue.client().openOrders(
                id -> Optional.ofNullable(orders.get(id)).map(t -> t.order)));
        List<ExecutionReport> reports = new ArrayList<>(open.size());
        open.forEach(state -> reports.add(record(tracked(state), state)));
        return reports;
    }

    @Override
    public List<Balance> balances(ExchangeId exchange) {
        VenueConnection venue = venue(exchange);
        return venue.safe(() -> venue.client().balances());
    }

    /**
     * A perpetual venue's open positions as it reports them; on a spot venue the holdings of listed coins (a spot
     * holding has no entry price or funding, so those are zero).
     */
    @Override
    public List<Position> positions(ExchangeId exchange) {
        VenueConnection venue = venue(exchange);
        if (venue.config().market() == InstrumentKind.PERPETUAL) {
            venue.instruments();
            return venue.safe(() -> venue.client().positions());
        }
        List<Position> positions = new ArrayList<>();
        for (Balance balance : balances(exchange)) {
            if (balance.total().signum() == 0 || !balance.asset().matches("[A-Z0-9]{1,20}")) {
                continue;
            }
            venue.instrument(Coin.of(balance.asset())).ifPresent(instrument -> positions.add(new Position(
                    instrument.coin(), exchange, InstrumentKind.SPOT, balance.total(), BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO)));
        }
        return positions;
    }

    @Override
    public FeeTier feeTier(ExchangeId exchange) {
        VenueConnection venue = venue(exchange);
        return venue.safe(() -> venue.client().feeTier());
    }

    /** Spot venues pay no funding; a perpetual's current rate is asked of the venue. */
    @Override
    public Optional<FundingRate> fundingRate(Coin coin, ExchangeId exchange) {
        Instrument instrument = listed(coin, exchange);
        if (instrument.kind() != InstrumentKind.PERPETUAL) {
            return Optional.empty();
        }
        VenueConnection venue = venue(exchange);
        return venue.safe(() -> venue.client().fundingRate(instrument));
    }

    @Override
    public void addExecutionListener(ExecutionListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeExecutionListener(ExecutionListener listener) {
        listeners.remove(listener);
    }

    @Override
    public List<VenueHealth> health() {
        return venues.values().stream().map(VenueConnection::health).toList();
    }

    private ExecutionReport reject(TrackedOrder tracked, RejectReason reason) {
        return record(tracked, new VenueOrderState(new ExecutionReport(tracked.order, "", OrderStatus.REJECTED,
                Quantity.ZERO, BigDecimal.ZERO, Optional.empty(), Optional.of(reason), clock.millis() * 1000),
                BigDecimal.ZERO));
    }

    private TrackedOrder tracked(VenueOrderState state) {
        return orders.computeIfAbsent(state.report().clientOrderId(), id -> new TrackedOrder(state.report().order(), false));
    }

    /** Keeps the newest report and delivers it when it changes what we knew (status, fill, or a new execution). */
    private ExecutionReport record(TrackedOrder tracked, VenueOrderState state) {
        synchronized (tracked) {
            ExecutionReport previous = tracked.last;
            if (previous != null && previous.status().isTerminal()) {
                return previous;
            }
            if (previous != null && state.report().filledQuantity().compareTo(previous.filledQuantity()) < 0) {
                return previous; // an older view of the order (a stale read): keep what we know
            }
            ExecutionReport report = withFill(tracked, state);
            boolean changed = previous == null || previous.status() != report.status()
                    || previous.filledQuantity().compareTo(report.filledQuantity()) != 0 || report.lastFill().isPresent();
            if (previous == null && report.status() != OrderStatus.NEW && report.status() != OrderStatus.REJECTED) {
                // first heard of after the fact (an ambiguous send, a restart): acknowledge before what followed
                ExecutionReport ack = new ExecutionReport(report.order(), report.exchangeOrderId(), OrderStatus.NEW,
                        Quantity.ZERO, BigDecimal.ZERO, Optional.empty(), Optional.empty(), report.timestampMicros());
                listeners.forEach(listener -> listener.onExecution(ack));
            }
            tracked.last = report;
            if (changed) {
                listeners.forEach(listener -> listener.onExecution(report));
            }
            if (report.status().isTerminal()) {
                forgetOldFinished(report.clientOrderId());
            }
            return report;
        }
    }

    private void forgetOldFinished(ClientOrderId justFinished) {
        finished.add(justFinished);
        while (finished.size() > FINISHED_ORDERS_KEPT) {
            ClientOrderId oldest = finished.poll();
            if (oldest != null) {
                orders.remove(oldest);
            }
        }
    }

    VenueConnection venue(ExchangeId exchange) {
        VenueConnection venue = venues.get(exchange);
        if (venue == null) {
            throw new ExchangeException(ExchangeErrorClass.REJECTED, null, "exchange " + exchange.key()
                    + " is not enabled; enabled: " + venues.keySet(), null);
        }
        return venue;
    }

    private Instrument listed(Coin coin, ExchangeId exchange) {
        return venue(exchange).instrument(coin).orElseThrow(() -> ExchangeException.rejected(
                RejectReason.UNKNOWN_INSTRUMENT, exchange.key() + " does not list " + coin));
    }

    private static ExchangeException unknownOrder(ExchangeId exchange, ClientOrderId clientOrderId) {
        return ExchangeException.rejected(RejectReason.UNKNOWN_ORDER, exchange.key() + " does not know order " + clientOrderId);
    }

    /** The gateway over the configured venues, each client built for its venue and its meters registered. */
    static XChangeExchangeGateway create(List<XChangeVenueConfig> configs, Clock clock, EngineMetrics metrics) {
        List<VenueConnection> connections = configs.stream()
                .map(config -> new VenueConnection(client(config, clock), config)).toList();
        connections.forEach(connection -> ExchangeMeters.register(metrics, connection, clock));
        return new XChangeExchangeGateway(connections, clock);
    }

    private static VenueClient client(XChangeVenueConfig config, Clock clock) {
        return switch (config.exchange()) {
            case BINANCE -> new BinanceClient(config, clock);
            case OKX -> new OkxClient(config, clock);
            case BYBIT -> new BybitClient(config, clock);
            case PAPER -> throw new IllegalArgumentException("venue paper is not a live venue; allowed: binance, okx, bybit");
        };
    }

    private static void backoff(VenueConnection venue, int attempt) {
        long base = venue.config().retryBackoff().toMillis() << Math.min(attempt, 4);
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        try {
            Thread.sleep(jittered);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeException(ExchangeErrorClass.RETRYABLE, null, "interrupted while placing an order", e);
        }
    }

    /**
     * The report as the venue gave it, or, when the venue reported more filled quantity without naming the execution,
     * with one fill for the growth: its average price, and the growth of the fees the venue charged. A fill found
     * after the acknowledgement of a resting limit order added liquidity; one found on the placement took it. The
     * first state of an order this gateway did not place is the baseline: no fill for what it had filled already.
     */
    private ExecutionReport withFill(TrackedOrder tracked, VenueOrderState state) {
        ExecutionReport report = state.report();
        ExecutionReport previous = tracked.last;
        BigDecimal filledBefore = previous == null ? BigDecimal.ZERO : previous.filledQuantity().value();
        BigDecimal grown = report.filledQuantity().value().subtract(filledBefore);
        if (report.lastFill().isPresent()) {
            tracked.feesReported = tracked.feesReported.add(report.lastFill().get().feeQuote());
            return report;
        }
        if (previous == null && !tracked.placedHere) {
            // an order this gateway did not send (an earlier process's, or placed by hand): what it filled before
            // we first saw it is history, not a new execution
            tracked.feesReported = state.feesQuote();
            return report;
        }
        if (grown.signum() <= 0) {
            return report;
        }
        BigDecimal notionalBefore = previous == null ? BigDecimal.ZERO : previous.filledNotional();
        BigDecimal price = report.filledNotional().subtract(notionalBefore).divide(grown, MathContext.DECIMAL64);
        BigDecimal fee = state.feesQuote().subtract(tracked.feesReported);
        tracked.feesReported = state.feesQuote();
        Order order = report.order();
        boolean maker = previous != null && order.type() == OrderType.LIMIT && order.timeInForce() != TimeInForce.IOC;
        Fill fill = new Fill(report.exchangeOrderId() + "-" + report.filledQuantity().value().toPlainString(),
                order.clientOrderId(), order.coin(), order.exchange(), order.side(), new Price(price.stripTrailingZeros()),
                new Quantity(grown), fee, maker, report.timestampMicros());
        return new ExecutionReport(order, report.exchangeOrderId(), report.status(), report.filledQuantity(),
                report.filledNotional(), Optional.of(fill), report.rejectReason(), report.timestampMicros());
    }

    /**
     * Our order, the newest report we have of it and the fees its fills carried; {@code placedHere} when this gateway
     * was asked to place it, {@code ambiguous} after a send whose outcome is unknown.
     */
    private static final class TrackedOrder {
        private final Order order;
        private final boolean placedHere;
        private ExecutionReport last;
        private BigDecimal feesReported = BigDecimal.ZERO;
        private boolean ambiguous;

        TrackedOrder(Order order, boolean placedHere) {
            this.order = order;
            this.placedHere = placedHere;
        }
    }
}

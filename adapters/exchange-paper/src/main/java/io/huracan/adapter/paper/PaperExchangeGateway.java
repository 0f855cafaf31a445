package io.huracan.adapter.paper;

import io.huracan.ports.exchange.Balance;
import io.huracan.ports.exchange.ExchangeException;
import io.huracan.ports.exchange.ExchangeGateway;
import io.huracan.ports.exchange.ExecutionListener;
import io.huracan.ports.exchange.ExecutionReport;
import io.huracan.ports.exchange.FeeTier;
import io.huracan.ports.exchange.FundingPayment;
import io.huracan.ports.exchange.Instrument;
import io.huracan.ports.exchange.Position;
import io.huracan.ports.exchange.RejectReason;
import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.FundingRate;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.market.MarketDataListener;
import io.huracan.ports.market.OrderBook;
import io.huracan.ports.market.Price;
import io.huracan.ports.market.Quantity;
import io.huracan.ports.market.Side;
import io.huracan.ports.market.Trade;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Fill;
import io.huracan.ports.order.Order;
import io.huracan.ports.order.OrderStatus;
import io.huracan.ports.order.OrderType;
import io.huracan.ports.time.EngineClock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A simulated exchange: one account per venue the instruments list, matched against the market data it is
 * fed (see docs/paper-exchange.md).
 *
 * <p>Placing validates the order as a venue would (instrument, tick, lot, min notional, reduce-only, balance),
 * reserves cash and acknowledges it {@code NEW}; the venue matches it {@code latency} later on the driving clock,
 * when a market event at or after that time arrives. Takers sweep the synthesised depth at taker fee; what rests
 * fills at its own price, maker fee, when the book crosses it or a trade prints through it. Market orders are
 * IOC with a price protection of {@value #MARKET_PROTECTION_BPS} bps beyond the touch. Funding on perpetual
 * positions is charged at each funding time of the venue's last published rate.
 *
 * <p>Thread-safe: one lock guards the state; reports are handed to listeners after it is released, in order.
 */
final class PaperExchangeGateway implements ExchangeGateway, MarketDataListener {
    static final int MARKET_PROTECTION_BPS = 500;
    private static final int MONEY_SCALE = 8;
    private static final BigDecimal BPS = BigDecimal.valueOf(10_000);

    private final Object lock = new Object();
    private final AtomicBoolean delivering = new AtomicBoolean();
    private final EngineClock clock;
    private final long latencyMicros;
    private final List<Instrument> instruments;
    private final Map<Coin, VenueBook[]> books = new HashMap<>();
    private final Map<ExchangeId, PaperAccount> accounts = new EnumMap<>(ExchangeId.class);
    private final Map<ExchangeId, FeeTier> fees = new EnumMap<>(ExchangeId.class);
    private final Map<ClientOrderId, PaperOrder> orders = new HashMap<>();
    private final Map<ExchangeId, Map<ClientOrderId, PaperOrder>> openOrders = new EnumMap<>(ExchangeId.class);
    private final ArrayDeque<PaperOrder> pending = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<Object> outbox = new ConcurrentLinkedQueue<>();
    private final List<ExecutionListener> listeners = new CopyOnWriteArrayList<>();

    private long marketTimeMicros = Long.MIN_VALUE;
    private long nextOrderNumber = 1;
    private long nextTradeNumber = 1;

    PaperExchangeGateway(PaperExchangeConfig config, List<Instrument> instruments, EngineClock clock) {
        this.clock = clock;
        this.latencyMicros = config.latency().toNanos() / 1000;
        this.instruments = List.copyOf(instruments);
        Set<ExchangeId> venues = EnumSet.noneOf(ExchangeId.class);
        Map<ExchangeId, Instrument> sample = new EnumMap<>(ExchangeId.class);
        for (Instrument instrument : instruments) {
            venues.add(instrument.exchange());
            sample.putIfAbsent(instrument.exchange(), instrument);
            books.computeIfAbsent(instrument.coin(), c -> new VenueBook[ExchangeId.values().length])
                    [instrument.exchange().ordinal()] = new VenueBook(instrument, config.depthLevels());
        }
        BigDecimal perVenue = venues.isEmpty() ? BigDecimal.ZERO
                : config.startingBalance().divide(BigDecimal.valueOf(venues.size()), MONEY_SCALE, RoundingMode.DOWN);
        for (ExchangeId venue : venues) {
            Instrument any = sample.get(venue);
            fees.put(venue, config.feeTier(venue));
            accounts.put(venue, new PaperAccount(venue, any.quoteCurrency(), any.kind(), config.leverage(), perVenue));
            openOrders.put(venue, new LinkedHashMap<>());
        }
    }

    // ------------------------------------------------------------------ reading

    @Override
    public Set<ExchangeId> venues() {
        return Collections.unmodifiableSet(accounts.keySet());
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public Optional<Instrument> instrument(Coin coin, ExchangeId exchange) {
        VenueBook book = book(coin, exchange);
        return book == null ? Optional.empty() : Optional.of(book.instrument);
    }

    @Override
    public OrderBook orderBook(Coin coin, ExchangeId exchange, int depth) {
        synchronized (lock) {
            VenueBook book = book(coin, exchange);
            if (book == null) {
                throw ExchangeException.rejected(RejectReason.UNKNOWN_INSTRUMENT,
                        "paper venue " + exchange.key() + " does not list " + coin);
            }
            return book.snapshot(depth);
        }
    }

    @Override
    public List<Trade> recentTrades(Coin coin, ExchangeId exchange, int limit) {
        synchronized (lock) {
            VenueBook book = book(coin, exchange);
            if (book == null) {
                throw ExchangeException.rejected(RejectReason.UNKNOWN_INSTRUMENT,
                        "paper venue " + exchange.key() + " does not list " + coin);
            }
            return book.recentTrades(limit);
        }
    }

    @Override
    public Optional<ExecutionReport> query(Coin coin, ExchangeId exchange, ClientOrderId clientOrderId) {
        synchronized (lock) {
            PaperOrder order = orders.get(clientOrderId);
            return order == null || !order.order.exchange().equals(exchange) ? Optional.empty()
                    : Optional.of(order.lastReport);
        }
    }

    @Override
    public List<ExecutionReport> openOrders(ExchangeId exchange) {
        synchronized (lock) {
            Map<ClientOrderId, PaperOrder> open = openOrders.get(exchange);
            return open == null ? List.of() : open.values().stream().map(o -> o.lastReport).toList();
        }
    }

    @Override
    public List<Balance> balances(ExchangeId exchange) {
        synchronized (lock) {
            return account(exchange).balances();
        }
    }

    @Override
    public List<Position> positions(ExchangeId exchange) {
        synchronized (lock) {
            return account(exchange).positions();
        }
    }

    @Override
    public FeeTier feeTier(ExchangeId exchange) {
        account(exchange);
        return fees.get(exchange);
    }

    @Override
    public Optional<FundingRate> fundingRate(Coin coin, ExchangeId exchange) {
        synchronized (lock) {
            VenueBook book = book(coin, exchange);
            return book == null ? Optional.empty() : Optional.ofNullable(book.funding);
        }
    }

    @Override
    public void addExecutionListener(ExecutionListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeExecutionListener(ExecutionListener listener) {
        listeners.remove(listener);
    }

    // ------------------------------------------------------------------ order entry

    @Override
    public ExecutionReport place(Order order) {
        PaperOrder placed;
        synchronized (lock) {
            PaperOrder known = orders.get(order.clientOrderId());
            if (known != null) {
                return known.lastReport;
            }
            placed = accept(order);
            if (placed.status == OrderStatus.NEW && placed.dueMicros <= marketTimeMicros) {
                pending.remove(placed);
                match(placed, marketTimeMicros);
            }
        }
        deliver();
        return placed.lastReport;
    }

    @Override
    public ExecutionReport cancel(Coin coin, ExchangeId exchange, ClientOrderId clientOrderId) {
        ExecutionReport result;
        synchronized (lock) {
            PaperOrder order = orders.get(clientOrderId);
            if (order == null || !order.order.exchange().equals(exchange) || !order.order.coin().equals(coin)) {
                throw ExchangeException.rejected(RejectReason.UNKNOWN_ORDER,
                        "paper venue " + exchange.key() + " does not know order " + clientOrderId + " on " + coin);
            }
            if (!order.status.isTerminal()) {
                pending.remove(order);
                finish(order, OrderStatus.CANCELLED, Optional.empty(), clock.epochMicros());
            }
            result = order.lastReport;
        }
        deliver();
        return result;
    }

    private PaperOrder accept(Order order) {
        String exchangeOrderId = "P" + nextOrderNumber++;
        long now = clock.epochMicros();
        VenueBook book = book(order.coin(), order.exchange());
        if (book == null || book.instrument.kind() != order.instrument()) {
            return reject(order, exchangeOrderId, book, RejectReason.UNKNOWN_INSTRUMENT, now);
        }
        long quantityLots = book.lots.exactUnits(order.quantity().value());
        if (quantityLots <= 0) {
            return reject(order, exchangeOrderId, book, RejectReason.LOT_SIZE, now);
        }
        long limitTicks;
        if (order.type() == OrderType.LIMIT) {
            limitTicks = book.ticks.exactUnits(order.limitPrice().orElseThrow().value());
            if (limitTicks <= 0) {
                return reject(order, exchangeOrderId, book, RejectReason.TICK_SIZE, now);
            }
        } else if (!book.hasMarket) {
            return reject(order, exchangeOrderId, book, RejectReason.NO_MARKET, now);
        } else {
            limitTicks = order.side() == Side.BUY
                    ? book.askTicks + Math.max(1, book.askTicks * MARKET_PROTECTION_BPS / 10_000)
                    : Math.max(1, book.bidTicks - book.bidTicks * MARKET_PROTECTION_BPS / 10_000);
        }
        BigDecimal referencePrice = book.ticks.toDecimal(order.type() == OrderType.LIMIT ? limitTicks
                : order.side() == Side.BUY ? book.askTicks : book.bidTicks);
        if (referencePrice.multiply(order.quantity().value()).compareTo(book.instrument.minNotional()) < 0) {
            return reject(order, exchangeOrderId, book, RejectReason.MIN_NOTIONAL, now);
        }
        PaperAccount account = accounts.get(order.exchange());
        BigDecimal position = account.position(order.coin());
        BigDecimal signedQuantity = order.quantity().value().multiply(BigDecimal.valueOf(order.side().sign()));
        if (order.reduceOnly() && (position.signum() == 0 || position.signum() == order.side().sign()
                || signedQuantity.abs().compareTo(position.abs()) > 0)) {
            return reject(order, exchangeOrderId, book, RejectReason.REDUCE_ONLY_WOULD_INCREASE, now);
        }
        BigDecimal lot = book.lots.step();
        BigDecimal reserveLimit = book.ticks.toDecimal(limitTicks);
        BigDecimal feeRate = BigDecimal.valueOf(Math.max(0, Math.max(fees.get(order.exchange()).makerBps(),
                fees.get(order.exchange()).takerBps()))).divide(BPS);
        BigDecimal reservePerLot;
        if (account.kind == InstrumentKind.SPOT && order.side() == Side.SELL) {
            PaperAccount.Holding holding = account.holding(order.coin());
            if (holding.quantity.subtract(holding.reservedQuantity).compareTo(order.quantity().value()) < 0) {
                return reject(order, exchangeOrderId, book, RejectReason.INSUFFICIENT_BALANCE, now);
            }
            reservePerLot = lot;
            holding.reservedQuantity = holding.reservedQuantity.add(order.quantity().value());
        } else {
            BigDecimal perLotNotional = lot.multiply(reserveLimit);
            BigDecimal perLotFee = perLotNotional.multiply(feeRate);
            if (account.kind == InstrumentKind.SPOT) {
                reservePerLot = perLotNotional.add(perLotFee);
            } else {
                // only the part that opens or adds to the position needs margin
                boolean adds = position.signum() == 0 || position.signum() == order.side().sign();
                BigDecimal opening = adds ? signedQuantity.abs() : signedQuantity.abs().subtract(position.abs()).max(BigDecimal.ZERO);
                BigDecimal margin = opening.multiply(reserveLimit)
                        .divide(BigDecimal.valueOf(account.leverage), MONEY_SCALE, RoundingMode.UP);
                BigDecimal total = margin.add(perLotFee.multiply(BigDecimal.valueOf(quantityLots)));
                reservePerLot = total.divide(BigDecimal.valueOf(quantityLots), MONEY_SCALE, RoundingMode.UP);
            }
            BigDecimal needed = reservePerLot.multiply(BigDecimal.valueOf(quantityLots));
            if (account.freeCash(coin -> markPrice(coin, order.exchange())).compareTo(needed) < 0) {
                return reject(order, exchangeOrderId, book, RejectReason.INSUFFICIENT_BALANCE, now);
            }
            account.reservedCash = account.reservedCash.add(needed);
        }
        PaperOrder placed = new PaperOrder(order, exchangeOrderId, book, quantityLots, limitTicks, reservePerLot,
                now + latencyMicros);
        orders.put(order.clientOrderId(), placed);
        openOrders.get(order.exchange()).put(order.clientOrderId(), placed);
        pending.addLast(placed);
        emit(placed.report(Optional.empty(), Optional.empty(), now));
        return placed;
    }

    private PaperOrder reject(Order order, String exchangeOrderId, VenueBook book, RejectReason reason, long now) {
        VenueBook reportBook = book != null ? book : anyBookFor(order);
        PaperOrder rejected = new PaperOrder(order, exchangeOrderId, reportBook, 0, 0, BigDecimal.ZERO, now);
        rejected.status = OrderStatus.REJECTED;
        orders.put(order.clientOrderId(), rejected);
        emit(rejected.report(Optional.empty(), Optional.of(reason), now));
        return rejected;
    }

    /** A book to express quantities of an order for an instrument the venue does not list (always zero fills). */
    private VenueBook anyBookFor(Order order) {
        VenueBook[] byVenue = books.get(order.coin());
        if (byVenue != null) {
            for (VenueBook book : byVenue) {
                if (book != null) {
                    return book;
                }
            }
        }
        return new VenueBook(new Instrument(order.coin(), order.exchange(), order.instrument(), "UNKNOWN",
                BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO), 1);
    }

    // ------------------------------------------------------------------ market data drives matching

    @Override
    public void onBookTop(BookTop top) {
        synchronized (lock) {
            // orders that arrived before this instant meet the old book; those arriving now meet the new one
            advanceMarketTime(top.timestampMicros() - 1);
            VenueBook book = book(top.coin(), top.exchange());
            if (book != null) {
                book.update(top);
                chargeFundingIfDue(book, top.timestampMicros());
                if (!book.resting.isEmpty()) {
                    matchRestingAgainstBook(book, top.timestampMicros());
                }
            }
            advanceMarketTime(top.timestampMicros());
        }
        deliver();
    }

    @Override
    public void onTrade(Trade trade) {
        synchronized (lock) {
            advanceMarketTime(trade.timestampMicros());
            VenueBook book = book(trade.coin(), trade.exchange());
            if (book != null) {
                book.recordTrade(trade);
                if (!book.resting.isEmpty()) {
                    matchRestingAgainstTrade(book, trade);
                }
            }
        }
        deliver();
    }

    @Override
    public void onFundingRate(FundingRate funding) {
        synchronized (lock) {
            advanceMarketTime(funding.timestampMicros());
            VenueBook book = book(funding.coin(), funding.exchange());
            if (book != null) {
                chargeFundingIfDue(book, funding.timestampMicros());
                book.updateFunding(funding);
            }
        }
        deliver();
    }

    private void advanceMarketTime(long micros) {
        if (micros > marketTimeMicros) {
            marketTimeMicros = micros;
        }
        while (!pending.isEmpty() && pending.peekFirst().dueMicros <= marketTimeMicros) {
            PaperOrder due = pending.pollFirst();
            match(due, due.dueMicros);
        }
    }

    /** The order reaches the matching engine: post-only check, taker sweep, then rest or cancel the remainder. */
    private void match(PaperOrder order, long now) {
        if (order.status.isTerminal()) {
            return;
        }
        VenueBook book = order.book;
        Side side = order.order.side();
        if (!book.hasMarket) {
            book.resting.add(order);
            return;
        }
        long touch = side == Side.BUY ? book.askTicks : book.bidTicks;
        if (order.postOnly()) {
            if (order.accepts(touch)) {
                finish(order, OrderStatus.REJECTED, Optional.of(RejectReason.POST_ONLY_WOULD_TAKE), now);
            } else {
                book.resting.add(order);
            }
            return;
        }
        for (int level = 0; level < book.depthLevels && order.remainingLots() > 0; level++) {
            long price = book.levelTicks(side, level);
            if (price <= 0 || !order.accepts(price)) {
                break;
            }
            long lots = Math.min(order.remainingLots(), book.levelLots(side, level));
            if (lots > 0) {
                book.take(side, level, lots);
                fill(order, price, lots, false, now);
            }
        }
        if (order.remainingLots() > 0) {
            if (order.takesOnly()) {
                finish(order, OrderStatus.CANCELLED, Optional.empty(), now);
            } else {
                book.resting.add(order);
            }
        }
    }

    private void matchRestingAgainstBook(VenueBook book, long now) {
        for (PaperOrder order : new ArrayList<>(book.resting)) {
            Side side = order.order.side();
            long touch = side == Side.BUY ? book.askTicks : book.bidTicks;
            if (order.accepts(touch)) {
                long lots = Math.min(order.remainingLots(), book.levelLots(side, 0));
                if (lots > 0) {
                    book.take(side, 0, lots);
                    fill(order, order.limitTicks, lots, true, now);
                }
            }
        }
    }

    private void matchRestingAgainstTrade(VenueBook book, Trade trade) {
        long tradeTicks = book.ticks.roundUnits(trade.price());
        long tradeLots = book.lots.roundUnits(trade.quantity());
        for (PaperOrder order : new ArrayList<>(book.resting)) {
            Side side = order.order.side();
            boolean through = side == Side.BUY ? trade.aggressor() == Side.SELL && tradeTicks < order.limitTicks
                    : trade.aggressor() == Side.BUY && tradeTicks > order.limitTicks;
            if (through && tradeLots > 0) {
                long lots = Math.min(order.remainingLots(), tradeLots);
                tradeLots -= lots;
                fill(order, order.limitTicks, lots, true, trade.timestampMicros());
            }
        }
    }

    private void fill(PaperOrder order, long priceTicks, long lots, boolean maker, long now) {
        VenueBook book = order.book;
        PaperAccount account = accounts.get(order.order.exchange());
        BigDecimal price = book.ticks.toDecimal(priceTicks);
        BigDecimal quantity = book.lots.toDecimal(lots);
        BigDecimal notional = price.multiply(quantity);
        BigDecimal fee = notional.multiply(BigDecimal.valueOf(fees.get(account.venue).bps(maker)))
                .divide(BPS, MONEY_SCALE, RoundingMode.HALF_EVEN);
        Side side = order.order.side();
        Coin coin = order.order.coin();

        if (account.kind == InstrumentKind.SPOT && side == Side.SELL) {
            PaperAccount.Holding holding = account.holding(coin);
            holding.reservedQuantity = holding.reservedQuantity.subtract(quantity);
        } else {
            account.reservedCash = account.reservedCash.subtract(order.reservePerLot.multiply(BigDecimal.valueOf(lots)));
        }
        BigDecimal realised = account.applyFill(coin, quantity.multiply(BigDecimal.valueOf(side.sign())), price);
        if (account.kind == InstrumentKind.SPOT) {
            account.cash = account.cash.add(side == Side.BUY ? notional.negate() : notional).subtract(fee);
        } else {
            account.cash = account.cash.add(realised).subtract(fee);
        }

        order.filledLots += lots;
        order.filledNotional = order.filledNotional.add(notional);
        order.status = order.remainingLots() == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        Fill fill = new Fill("PT" + nextTradeNumber++, order.order.clientOrderId(), coin, account.venue, side,
                new Price(price), new Quantity(quantity), fee, maker,
                now);
        emit(order.report(Optional.of(fill), Optional.empty(), now));
        if (order.status == OrderStatus.FILLED) {
            close(order);
        }
    }

    /** Ends a working order: releases what it still reserves and reports the final state. */
    private void finish(PaperOrder order, OrderStatus status, Optional<RejectReason> reason, long now) {
        PaperAccount account = accounts.get(order.order.exchange());
        BigDecimal remaining = BigDecimal.valueOf(order.remainingLots());
        if (account.kind == InstrumentKind.SPOT && order.order.side() == Side.SELL) {
            PaperAccount.Holding holding = account.holding(order.order.coin());
            holding.reservedQuantity = holding.reservedQuantity.subtract(order.reservePerLot.multiply(remaining));
        } else {
            account.reservedCash = account.reservedCash.subtract(order.reservePerLot.multiply(remaining));
        }
        order.status = status;
        emit(order.report(Optional.empty(), reason, now));
        close(order);
    }

    private void close(PaperOrder order) {
        order.book.resting.remove(order);
        openOrders.get(order.order.exchange()).remove(order.order.clientOrderId());
    }

    private void chargeFundingIfDue(VenueBook book, long now) {
        if (now < book.nextFundingMicros || book.funding == null) {
            return;
        }
        long fundingTime = book.nextFundingMicros;
        book.lastFundingChargedMicros = fundingTime;
        book.nextFundingMicros = Long.MAX_VALUE;
        PaperAccount account = accounts.get(book.instrument.exchange());
        if (account.kind != InstrumentKind.PERPETUAL || !book.hasMarket) {
            return;
        }
        PaperAccount.Holding holding = account.holding(book.instrument.coin());
        if (holding.quantity.signum() == 0) {
            return;
        }
        BigDecimal mark = book.mid();
        double rate = book.funding.rate();
        BigDecimal amount = holding.quantity.multiply(mark).multiply(BigDecimal.valueOf(rate)).negate()
                .setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
        account.cash = account.cash.add(amount);
        holding.fundingPnl = holding.fundingPnl.add(amount);
        outbox.add(new FundingPayment(book.instrument.coin(), account.venue, fundingTime, rate, holding.quantity,
                mark, amount));
    }

    // ------------------------------------------------------------------ plumbing

    /** The venue's mid, or zero before its first book (an open position implies one arrived). */
    private BigDecimal markPrice(Coin coin, ExchangeId venue) {
        VenueBook book = book(coin, venue);
        return book != null && book.hasMarket ? book.mid() : BigDecimal.ZERO;
    }

    private VenueBook book(Coin coin, ExchangeId exchange) {
        VenueBook[] byVenue = books.get(coin);
        return byVenue == null ? null : byVenue[exchange.ordinal()];
    }

    private PaperAccount account(ExchangeId exchange) {
        PaperAccount account = accounts.get(exchange);
        if (account == null) {
            throw ExchangeException.rejected(RejectReason.UNKNOWN_INSTRUMENT, "the paper exchange has no "
                    + exchange.key() + " account; venues: " + accounts.keySet());
        }
        return account;
    }

    private void emit(ExecutionReport report) {
        outbox.add(report);
    }

    /**
     * Hands queued reports and payments to the listeners, outside the state lock and in the order they happened, one
     * thread at a time. A thread that finds another one delivering leaves its events to it and returns instead of
     * waiting: a listener may block (the engine's loops take reports into a bounded lane), and the loop it waits for
     * may itself be placing an order here, which delivers too; waiting for each other, the two would never move. The
     * deliverer looks at the outbox again after letting go, so no event is left behind.
     */
    private void deliver() {
        while (!outbox.isEmpty()) {
            if (!delivering.compareAndSet(false, true)) {
                return;
            }
            try {
                Object event;
                while ((event = outbox.poll()) != null) {
                    for (ExecutionListener listener : listeners) {
                        if (event instanceof ExecutionReport report) {
                            listener.onExecution(report);
                        } else {
                            listener.onFunding((FundingPayment) event);
                        }
                    }
                }
            } finally {
                delivering.set(false);
            }
        }
    }
}

package io.huracan.ports.exchange;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.FundingRate;
import io.huracan.ports.market.OrderBook;
import io.huracan.ports.market.Trade;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Order;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The driven side of trading: one or more venues' accounts, their instruments, order entry and the account state.
 * Implemented by the paper exchange and by the live venue adapters; venue types never cross it.
 *
 * <p>Order outcomes are values: a refused order is a {@link io.huracan.ports.order.OrderStatus#REJECTED REJECTED}
 * {@link ExecutionReport} with a {@link RejectReason}, delivered both as the return value and to every
 * {@link ExecutionListener}. Infrastructure failures (a timeout, a venue outage, bad credentials) are thrown as
 * {@link ExchangeException}, classified {@link ExchangeErrorClass RETRYABLE, REJECTED or FATAL}.
 *
 * <p>Idempotency: an order is identified by its {@link ClientOrderId}. Placing an id the gateway already knows
 * never creates a second order; it returns that order's current report. After an ambiguous failure a caller asks
 * {@link #query} first and places again only when the venue does not know the id.
 */
public interface ExchangeGateway {

    /** The venues this gateway trades on. */
    Set<ExchangeId> venues();

    /** Every tradable instrument with its trading rules, on every venue of {@link #venues()}. */
    List<Instrument> instruments();

    /** The instrument for a coin on a venue, or empty when the venue does not list it. */
    Optional<Instrument> instrument(Coin coin, ExchangeId exchange);

    /** The visible depth now, at most {@code depth} levels a side; empty sides when there is no market yet. */
    OrderBook orderBook(Coin coin, ExchangeId exchange, int depth);

    /** The venue's latest public trades of the coin, newest first, at most {@code limit}; empty before the first. */
    List<Trade> recentTrades(Coin coin, ExchangeId exchange, int limit);

    /**
     * Sends an order. Returns the order's report on return: {@code NEW} when the venue accepted it (fills follow
     * as reports; a venue that matched it at once may already report them), {@code REJECTED} with a reason when
     * the venue refused it, or the existing order's current report when its client order id is already known
     * (nothing is sent twice).
     */
    ExecutionReport place(Order order);

    /**
     * Cancels an open order. Returns its report afterwards: {@code CANCELLED}, or the unchanged report of an
     * order that had already finished (a cancel that lost the race with a fill is not an error).
     *
     * @throws ExchangeException class {@code REJECTED}, reason {@link RejectReason#UNKNOWN_ORDER}, when the venue
     *                           does not know the id
     */
    ExecutionReport cancel(Coin coin, ExchangeId exchange, ClientOrderId clientOrderId);

    /** The current report of an order by its client order id, or empty when the venue does not know it. */
    Optional<ExecutionReport> query(Coin coin, ExchangeId exchange, ClientOrderId clientOrderId);

    /**
     * The current reports of these orders, all on {@code exchange}, asked in as few requests as the venue's rate
     * limits favour: a live venue lists its open orders once and queries only the orders missing from that list,
     * unless querying each costs less. An order the venue does not know is left out. As with {@link #query}, an
     * order that changed reaches the listeners.
     */
    default List<ExecutionReport> queryOrders(ExchangeId exchange, Collection<Order> orders) {
        List<ExecutionReport> reports = new ArrayList<>(orders.size());
        for (Order order : orders) {
            query(order.coin(), exchange, order.clientOrderId()).ifPresent(reports::add);
        }
        return reports;
    }

    /** Orders on the venue that are still working ({@code NEW} or {@code PARTIALLY_FILLED}). */
    List<ExecutionReport> openOrders(ExchangeId exchange);

    /** Every asset balance of the account on the venue (the quote currency first). */
    List<Balance> balances(ExchangeId exchange);

    /** Non-zero positions of the account on the venue. */
    List<Position> positions(ExchangeId exchange);

    /** The account's fee tier on the venue. */
    FeeTier feeTier(ExchangeId exchange);

    /** The latest funding rate of a perpetual, or empty for spot or before the venue published one. */
    Optional<FundingRate> fundingRate(Coin coin, ExchangeId exchange);

    /** Registers a listener for execution reports and funding payments; it is called on the gateway's thread. */
    void addExecutionListener(ExecutionListener listener);

    void removeExecutionListener(ExecutionListener listener);
}

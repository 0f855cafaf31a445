package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.Balance;
import io.huracan.ports.exchange.ExchangeErrorClass;
import io.huracan.ports.exchange.ExchangeException;
import io.huracan.ports.exchange.FeeTier;
import io.huracan.ports.exchange.Instrument;
import io.huracan.ports.exchange.Position;
import io.huracan.ports.exchange.RejectReason;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.FundingRate;
import io.huracan.ports.market.OrderBook;
import io.huracan.ports.market.Trade;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Order;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One venue's REST calls in port terms, one request each (a placement that the venue answers with an id only is
 * followed by one query of the order): no retries, no idempotency (the gateway adds both). Every failure is thrown
 * as a classified {@link io.huracan.ports.exchange.ExchangeException}.
 */
interface VenueClient {

    ExchangeId exchange();

    List<Instrument> loadInstruments();

    OrderBook orderBook(Instrument instrument, int depth);

    /** The venue's latest public trades of the instrument, newest first, at most {@code limit}. */
    List<Trade> recentTrades(Instrument instrument, int limit);

    /** The perpetual's current funding rate; empty for spot. */
    Optional<FundingRate> fundingRate(Instrument instrument);

    /** Sends the order once; the states are in order (the acknowledgement, then what is already known of it). */
    List<VenueOrderState> place(Order order, Instrument instrument);

    /**
     * The order as the venue knows it now, or empty when it does not know the id. {@code known} is our order when
     * we sent it; otherwise the order is rebuilt from what the venue reports.
     */
    Optional<VenueOrderState> query(Instrument instrument, ClientOrderId clientOrderId, Optional<Order> known);

    /** Cancels; throws REJECTED/UNKNOWN_ORDER when the venue has no open order with that id. */
    VenueOrderState cancel(Order order, Instrument instrument, String exchangeOrderId);

    /** The venue's working orders; {@code known} returns our order for a client order id when we sent it. */
    List<VenueOrderState> openOrders(Function<ClientOrderId, Optional<Order>> known);

    /**
     * Whether one {@link #openOrders} list spends less of the venue's rate limits than a {@link #query} of each of
     * {@code orders} orders. True from two orders where a list costs what a query costs.
     */
    default boolean listingIsCheaperThanQuerying(int orders) {
        return orders > 1;
    }

    List<Balance> balances();

    /** Open perpetual positions; a spot client holds none (the gateway derives spot holdings from balances). */
    List<Position> positions();

    FeeTier feeTier();

    /** The venue's rate limits and request counts as this client has kept them. */
    VenueCalls calls();

    /**
     * A placement the venue answered with the order's ids only: its acknowledgement, then the order as one query
     * finds it. A failed query leaves the acknowledgement: the order stands, the next query tells what became of it.
     */
    default List<VenueOrderState> acknowledgedThenQueried(VenueOrderState ack, Order order, Instrument instrument) {
        List<VenueOrderState> states = new ArrayList<>(2);
        states.add(ack);
        try {
            query(instrument, order.clientOrderId(), Optional.of(order)).ifPresent(states::add);
        } catch (ExchangeException e) {
            // asked again on the next query of the order
        }
        return states;
    }

    /** A placement the venue refused as a duplicate id: the order it already has under that id, never a second one. */
    default List<VenueOrderState> alreadyPlaced(Order order, Instrument instrument) {
        return List.of(query(instrument, order.clientOrderId(), Optional.of(order)).orElseThrow(() ->
                new ExchangeException(ExchangeErrorClass.RETRYABLE, null, exchange().key() + " says order "
                        + order.clientOrderId() + " is a duplicate but does not find it; outcome unknown", null)));
    }

    /** The answer of an order query, or empty when the venue says it does not know the order. */
    static <T> Optional<T> emptyIfUnknown(Supplier<Optional<T>> query) {
        try {
            return query.get();
        } catch (ExchangeException e) {
            if (e.reason().filter(r -> r == RejectReason.UNKNOWN_ORDER).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The balances worth showing: every non-zero one and the quote currency's, the quote currency first. */
    static List<Balance> quoteFirst(List<Balance> balances, String quoteCurrency) {
        return balances.stream().filter(b -> b.total().signum() != 0 || b.asset().equals(quoteCurrency))
                .sorted(Comparator.comparing((Balance b) -> !b.asset().equals(quoteCurrency)).thenComparing(Balance::asset))
                .toList();
    }
}

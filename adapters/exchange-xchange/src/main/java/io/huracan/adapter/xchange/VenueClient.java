package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.Balance;
import io.huracan.ports.exchange.ExecutionReport;
import io.huracan.ports.exchange.FeeTier;
import io.huracan.ports.exchange.Instrument;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.OrderBook;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Order;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One venue's REST calls in port terms, one call each: no retries, no idempotency (the gateway adds both). Every
 * failure is thrown as a classified {@link io.huracan.ports.exchange.ExchangeException}.
 */
interface VenueClient {

    ExchangeId exchange();

    List<Instrument> loadInstruments();

    OrderBook orderBook(Instrument instrument, int depth);

    /** Sends the order once; the reports are in order (the acknowledgement, then one per fill already made). */
    List<ExecutionReport> place(Order order, Instrument instrument);

    /**
     * The order as the venue knows it now, or empty when it does not know the id. {@code known} is our order when
     * we sent it; otherwise the order is rebuilt from what the venue reports.
     */
    Optional<ExecutionReport> query(Instrument instrument, ClientOrderId clientOrderId, Optional<Order> known);

    /** Cancels; throws REJECTED/UNKNOWN_ORDER when the venue has no open order with that id. */
    ExecutionReport cancel(Order order, String exchangeOrderId);

    /** The venue's working orders; {@code known} returns our order for a client order id when we sent it. */
    List<ExecutionReport> openOrders(Function<ClientOrderId, Optional<Order>> known);

    List<Balance> balances();

    FeeTier feeTier();

    /** The venue's rate limits as this client has counted them. */
    RequestBudget budget();
}

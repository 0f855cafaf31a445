package io.huracan.adapter.xchange;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;

import java.time.Duration;
import java.util.List;

/**
 * What a venue adds to the {@link StreamSupervisor}: how it charges a connection to its request budget, its book
 * sequence rule, and how to open a connection carrying some coins. Everything else (spreading coins over connections,
 * reconnecting, buffering, gap and stale detection, publishing) is the supervisor's.
 */
interface StreamVenue {

    ExchangeId exchange();

    /** The request budget connects, subscribes and snapshots are charged to: the one the venue's REST calls use. */
    RequestBudget budget();

    /** The permits opening one connection that carries {@code coins} coins takes (the connect, its subscribes). */
    List<RequestBudget.Charge> connectCharges(int coins);

    /** A new sequence rule, for one coin. */
    BookSequence sequence();

    /**
     * Connects and subscribes {@code coins}, waiting at most {@code timeout}; events go to {@code sink} from the
     * moment the connection is open. Throws when it cannot connect.
     */
    StreamConnection open(List<Coin> coins, StreamSink sink, Duration timeout) throws Exception;
}

package io.huracan.adapter.xchange;

import io.huracan.ports.market.Trade;

/** Where a {@link StreamConnection} hands what it receives; called on the connection's threads. */
interface StreamSink {

    /** A snapshot or a diff of a coin's book. */
    void onBook(BookUpdate update);

    void onTrade(Trade trade);

    /**
     * The connection is gone: closed by the other side ({@code error} null) or failed. Not called after
     * {@link StreamConnection#close()}.
     */
    void onLost(String reason, Throwable error);
}

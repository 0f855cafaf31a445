package io.huracan.bootstrap.engine;

import io.huracan.domain.pipeline.TradingPipeline;
import io.huracan.ports.exchange.ExchangeGateway;
import io.huracan.ports.exchange.ExecutionReport;
import io.huracan.ports.market.ExchangeId;

/**
 * How a session ends, simulated or live: first no coin may open trades, then, once orders in flight had their
 * chance to be matched, every order still open on any venue is cancelled, so that no order is left working.
 */
final class SessionSettlement {
    private final TradingPipeline pipeline;
    private final ExchangeGateway gateway;

    SessionSettlement(TradingPipeline pipeline, ExchangeGateway gateway) {
        this.pipeline = pipeline;
        this.gateway = gateway;
    }

    void stopEntries(long nowMicros) {
        pipeline.setActiveCount(0);
        pipeline.rerank(nowMicros);
    }

    void cancelOpenOrders() {
        for (ExchangeId venue : gateway.venues()) {
            for (ExecutionReport open : gateway.openOrders(venue)) {
                gateway.cancel(open.order().coin(), venue, open.order().clientOrderId());
            }
        }
    }
}

package io.huracan.bootstrap.engine;

import io.huracan.domain.pipeline.TradingPipeline;
import io.huracan.ports.exchange.ExchangeGateway;
import io.huracan.ports.exchange.ExecutionReport;
import io.huracan.ports.market.ExchangeId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * How a session ends, simulated or live: first no coin may open trades, then, once orders in flight had their
 * chance to be matched, every order of the session still open on any venue is cancelled, so that none is left
 * working. Open orders the session did not place (by hand, another program on the account) are left alone and
 * named in the log.
 */
final class SessionSettlement {
    private static final Logger log = LoggerFactory.getLogger(SessionSettlement.class);
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

    /**
     * Live, before the first order: names the open orders already on the venues (an earlier session's, or another
     * program's), which this session leaves working. A venue that cannot list them is named too; trading goes on.
     */
    void reportOrdersAlreadyOpen() {
        for (ExchangeId venue : gateway.venues()) {
            try {
                List<String> found = new ArrayList<>();
                gateway.openOrders(venue).forEach(open -> found.add(open.clientOrderId().value()));
                if (!found.isEmpty()) {
                    log.warn("{} has {} open orders this session did not place; it leaves them working: {}", venue.key(),
                            found.size(), named(found));
                }
            } catch (RuntimeException e) {
                log.warn("could not list the open orders on {} at the start: {}", venue.key(), e.getMessage());
            }
        }
    }

    void cancelOpenOrders() {
        for (ExchangeId venue : gateway.venues()) {
            List<String> others = new ArrayList<>();
            for (ExecutionReport open : gateway.openOrders(venue)) {
                if (pipeline.placedBySession(open.order())) {
                    gateway.cancel(open.order().coin(), venue, open.order().clientOrderId());
                } else {
                    others.add(open.clientOrderId().value());
                }
            }
            if (!others.isEmpty()) {
                log.info("left {} open orders on {} that this session did not place: {}", others.size(), venue.key(),
                        named(others));
            }
        }
    }

    private static String named(List<String> ids) {
        return ids.size() <= 10 ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, 10)) + " and " + (ids.size() - 10) + " more";
    }
}

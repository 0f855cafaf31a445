package io.huracan.bootstrap.engine;

import io.huracan.domain.loop.EventLoopManager;
import io.huracan.domain.loop.OfferResult;
import io.huracan.domain.pipeline.CoinTrading;
import io.huracan.ports.exchange.ExecutionListener;
import io.huracan.ports.exchange.ExecutionReport;
import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.FundingRate;
import io.huracan.ports.market.MarketDataListener;
import io.huracan.ports.market.Trade;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Routes market data from the feed and execution reports from the exchange to the event loop owning each coin
 * (reports and requests in the loops' control lane), counting what it offered so that a step barrier can wait until the loops have handled all of it.
 */
final class MarketRouter implements MarketDataListener, ExecutionListener {
    private final EventLoopManager<CoinTrading, Object> loops;
    private final AtomicLong offered = new AtomicLong();
    private final LongAdder refused = new LongAdder();

    MarketRouter(EventLoopManager<CoinTrading, Object> loops) {
        this.loops = loops;
    }

    @Override
    public void onBookTop(BookTop top) {
        route(top.coin(), top);
    }

    @Override
    public void onTrade(Trade trade) {
        route(trade.coin(), trade);
    }

    @Override
    public void onFundingRate(FundingRate rate) {
        route(rate.coin(), rate);
    }

    @Override
    public void onExecution(ExecutionReport report) {
        routeControl(report.order().coin(), report);
    }

    /** Market data: the loops' backpressure policy applies. */
    void route(Coin coin, Object event) {
        offered.incrementAndGet();
        counted(loops.offer(coin, event));
    }

    /** Execution reports and requests: the control lane, never dropped. */
    void routeControl(Coin coin, Object event) {
        offered.incrementAndGet();
        counted(loops.offerControl(coin, event));
    }

    private void counted(OfferResult result) {
        if (result != OfferResult.ACCEPTED) {
            offered.decrementAndGet();
            refused.increment();
        }
    }

    /** Events the loops accepted so far. */
    long offered() {
        return offered.get();
    }

    /** Events no loop took (coin outside the universe, or loops stopped). */
    long refused() {
        return refused.sum();
    }
}

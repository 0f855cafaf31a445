package io.huracan.domain.pipeline;

import io.huracan.domain.cost.CostBreakdown;
import io.huracan.domain.cost.CostOutcome;
import io.huracan.domain.loop.CoinEventHandler;
import io.huracan.domain.loop.CoinRelease;
import io.huracan.domain.risk.RiskVerdict;
import io.huracan.ports.exchange.ExchangeException;
import io.huracan.ports.exchange.ExecutionReport;
import io.huracan.ports.exchange.Instrument;
import io.huracan.ports.feature.Feature;
import io.huracan.ports.feature.FeatureVector;
import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.FundingRate;
import io.huracan.ports.market.Price;
import io.huracan.ports.market.Quantity;
import io.huracan.ports.market.Regime;
import io.huracan.ports.market.Side;
import io.huracan.ports.market.Trade;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Fill;
import io.huracan.ports.order.Order;
import io.huracan.ports.order.OrderIntent;
import io.huracan.ports.order.OrderStatus;
import io.huracan.ports.order.OrderType;
import io.huracan.ports.order.TimeInForce;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * One loop's view of the pipeline: handles the events of the coins that loop owns. Buffers (features, cost
 * breakdowns, the risk verdict) are reused, so a market event that does not lead to an order allocates nothing
 * beyond what the event itself is.
 */
final class TradingHandler implements CoinEventHandler<CoinTrading, Object> {
    private final TradingPipeline pipeline;
    private final PipelineCounters counters;
    private final double[] features = new double[Feature.COUNT];
    private final CostBreakdown[] breakdowns = new CostBreakdown[ExchangeId.values().length];
    private final RiskVerdict verdict = new RiskVerdict();
    private long enqueuedNanos;
    private boolean intentDecided;

    TradingHandler(TradingPipeline pipeline, PipelineCounters counters) {
        this.pipeline = pipeline;
        this.counters = counters;
        for (int i = 0; i < breakdowns.length; i++) {
            breakdowns[i] = new CostBreakdown();
        }
    }

    /** A coin leaving the loops (scale-out: handed to another process) takes its signal out of the ranking. */
    @Override
    public void onCoinReleased(Coin coin, CoinTrading state, CoinRelease reason) {
        if (reason == CoinRelease.REMOVED) {
            pipeline.signals().clear(state.index);
        }
    }

    /** Counted as handled, so a step barrier waiting for every event offered is not left waiting for it. */
    @Override
    public void onDeparted(Coin coin, Object event) {
        counters.processed(counters.events + 1);
    }

    @Override
    public void onEvent(Coin coin, CoinTrading state, Object event) {
        onEvent(coin, state, event, pipeline.clock.monotonicNanos());
    }

    @Override
    public void onEvent(Coin coin, CoinTrading state, Object event, long enqueuedNanos) {
        this.enqueuedNanos = enqueuedNanos;
        try {
            handle(coin, state, event);
        } finally {
            // counted after the work (even failed work), so "processed == offered" means nothing is in flight
            counters.processed(counters.events + 1);
        }
    }

    private void handle(Coin coin, CoinTrading state, Object event) {
        if (event instanceof BookTop top) {
            counters.marketEvents++;
            onBookTop(state, top);
        } else if (event instanceof Trade trade) {
            counters.marketEvents++;
            state.features(trade.exchange()).onTrade(trade);
        } else if (event instanceof FundingRate funding) {
            counters.marketEvents++;
            state.features(funding.exchange()).onFunding(funding);
            pipeline.costModel.onFundingRate(funding);
        } else if (event instanceof ExecutionReport report) {
            onExecution(state, report);
        } else if (event instanceof FlattenRequest) {
            flatten(state);
        } else if (event instanceof SignalRequest request) {
            long now = pipeline.clock.epochMicros();
            act(state, request.predictedBps(), now, midOf(state));
        } else {
            throw new IllegalArgumentException("event " + event.getClass().getSimpleName() + " for " + coin
                    + " is not one the trading pipeline handles");
        }
    }

    private void onBookTop(CoinTrading state, BookTop top) {
        state.features(top.exchange()).onBookTop(top);
        pipeline.costModel.onBookTop(top);
        pipeline.risk.onPrice(state.index, top.mid());
        long now = top.timestampMicros();
        if (now >= state.nextEvaluationMicros) {
            state.nextEvaluationMicros = pipeline.nextEvaluationAfter(now, state.index);
            evaluate(state, top, now);
        }
    }

    /** Regime, then the active models' prediction, then {@link #act}. */
    private void evaluate(CoinTrading state, BookTop top, long now) {
        counters.evaluations++;
        intentDecided = false;
        try {
            decide(state, top, now);
        } finally {
            if (!intentDecided) {
                decided(false);
            }
        }
    }

    private void decided(boolean intent) {
        intentDecided |= intent;
        pipeline.listener.onDecisionLatency(pipeline.clock.monotonicNanos() - enqueuedNanos, intent);
    }

    private void decide(CoinTrading state, BookTop top, long now) {
        state.features(top.exchange()).writeTo(now, features);
        Regime regime = state.regimeDetector.update(features);
        state.lastRegime = regime;
        pipeline.listener.onFeatures(new FeatureVector(state.coin, now, features));
        double predicted = pipeline.models.predictBps(regime, features);
        if (Double.isNaN(predicted)) {
            counters.noModel++;
            pipeline.signals().clear(state.index);
            closeIfDue(state, now, Double.NaN, top.mid());
            return;
        }
        act(state, predicted, now, top.mid());
    }

    /** Turns a predicted return into a close, an entry, or nothing. */
    private void act(CoinTrading state, double predictedBps, long now, double mid) {
        if (!(mid > 0)) {
            return;
        }
        double edge = Math.abs(predictedBps);
        Side side = predictedBps > 0 ? Side.BUY : Side.SELL;
        double quantity = pipeline.strategy.tradeNotional() / mid;
        boolean maker = !pipeline.strategy.takerEntry();
        if (edge >= pipeline.strategy.minSignalBps()) {
            pipeline.signals().set(state.index, edge, side, quantity, pipeline.horizonMicros, maker);
        } else {
            pipeline.signals().clear(state.index);
        }
        if (state.hasWorkingOrder()) {
            return;
        }
        if (!state.isFlat()) {
            closeIfDue(state, now, predictedBps, mid);
            return;
        }
        if (edge < pipeline.strategy.minSignalBps()) {
            return;
        }
        counters.signals++;
        if (!pipeline.isActive(state.index)) {
            counters.notActive++;
            return;
        }
        enter(state, side, quantity, edge, now, maker);
    }

    /** Picks the venue with the best edge after cost, asks risk, and sends the entry order. */
    private void enter(CoinTrading state, Side side, double quantity, double edge, long now, boolean maker) {
        ExchangeId best = null;
        ExchangeId bestSkipped = null; // the venue whose skip reason is counted when none is tradeable
        double bestEdge = Double.NEGATIVE_INFINITY;
        for (ExchangeId venue : pipeline.venues[state.index]) {
            Instrument instrument = pipeline.instrument(venue, state.index);
            CostBreakdown breakdown = breakdowns[venue.ordinal()];
            pipeline.costModel.evaluate(venue.ordinal(), state.index, instrument.kind(), side, quantity, edge,
                    pipeline.horizonMicros, maker, now, breakdown);
            if (breakdown.tradeable() && breakdown.edgeAfterCostBps() > bestEdge) {
                best = venue;
                bestEdge = breakdown.edgeAfterCostBps();
            } else if (!breakdown.tradeable() && (bestSkipped == null
                    || breakdown.edgeAfterCostBps() > breakdowns[bestSkipped.ordinal()].edgeAfterCostBps())) {
                bestSkipped = venue;
            }
        }
        if (best == null) {
            if (bestSkipped != null) {
                counters.costSkips[breakdowns[bestSkipped.ordinal()].skipReason().ordinal()]++;
            }
            return;
        }
        CostBreakdown chosen = breakdowns[best.ordinal()];
        double price = chosen.midPrice();
        pipeline.listener.onSignal(new OrderIntent(state.coin, best, side, quantity, price, false, bestEdge));
        decided(true);
        pipeline.risk.check(state.index, best.ordinal(), side, quantity, price, false, bestEdge, verdict);
        if (!verdict.passed()) {
            counters.riskRejects[verdict.reason().ordinal()]++;
            return;
        }
        if (verdict.outcome() == RiskVerdict.Outcome.REDUCED) {
            counters.riskReduced++;
        }
        send(state, best, side, verdict.approvedQuantity(), price, false, verdict.reservation(), chosen);
    }

    /** Cancels the working order, then closes the position at once. */
    private void flatten(CoinTrading state) {
        if (state.hasWorkingOrder() && !state.workingCloses) {
            try {
                onExecution(state, pipeline.gateway.cancel(state.coin, state.workingVenue, state.workingOrder));
            } catch (ExchangeException e) {
                counters.orderRejects++;
            }
        }
        double mid = midOf(state);
        if (!state.isFlat() && !state.hasWorkingOrder() && mid > 0) {
            close(state, mid);
        }
    }

    /** Closes the position once its horizon has passed, or earlier when the signal has turned against it. */
    private void closeIfDue(CoinTrading state, long now, double predictedBps, double mid) {
        if (state.isFlat() || state.hasWorkingOrder()) {
            return;
        }
        boolean expired = now - state.openedAtMicros >= pipeline.horizonMicros;
        boolean turned = !Double.isNaN(predictedBps) && Math.abs(predictedBps) >= pipeline.strategy.minSignalBps()
                && Math.signum(predictedBps) != state.position.signum();
        if (expired || turned) {
            close(state, mid);
        }
    }

    private void close(CoinTrading state, double mid) {
        Side side = state.position.signum() > 0 ? Side.SELL : Side.BUY;
        double quantity = state.position.abs().doubleValue();
        ExchangeId venue = state.positionVenue;
        pipeline.risk.check(state.index, venue.ordinal(), side, quantity, mid, true, 0, verdict);
        if (!verdict.passed()) {
            counters.riskRejects[verdict.reason().ordinal()]++;
            return;
        }
        send(state, venue, side, verdict.approvedQuantity(), mid, true, verdict.reservation(), null);
    }

    /** Rounds to the instrument's lot, places the order and handles the exchange's answer. */
    private void send(CoinTrading state, ExchangeId venue, Side side, double quantity, double price, boolean closes,
                      long reservation, CostBreakdown predicted) {
        Instrument instrument = pipeline.instrument(venue, state.index);
        BigDecimal lots = BigDecimal.valueOf(quantity).divide(instrument.lotSize(), 0,
                closes ? RoundingMode.HALF_EVEN : RoundingMode.DOWN);
        BigDecimal exact = lots.multiply(instrument.lotSize());
        if (exact.signum() <= 0 || exact.multiply(BigDecimal.valueOf(price)).compareTo(instrument.minNotional()) < 0) {
            pipeline.risk.onCancel(reservation);
            counters.orderRejects++;
            return;
        }
        long sequence = ++state.orderSequence;
        var id = new ClientOrderId(state.orderIdPrefix + "-"
                + (pipeline.risk.sharesExposure() ? Long.toString(sequence, 36) : Long.toString(sequence)));
        boolean maker = !closes && !pipeline.strategy.takerEntry();
        Order order = maker
                ? new Order(id, state.coin, venue, instrument.kind(), side, OrderType.LIMIT, TimeInForce.POST_ONLY,
                new Quantity(exact), Optional.of(new Price(touch(instrument, side, price))), false)
                : new Order(id, state.coin, venue, instrument.kind(), side, OrderType.MARKET, TimeInForce.IOC,
                new Quantity(exact), Optional.empty(), closes);
        state.workingOrder = id;
        state.workingReservation = reservation;
        state.workingVenue = venue;
        state.workingSide = side;
        state.workingCloses = closes;
        if (predicted != null) {
            synchronized (pipeline.ledger) {
                pipeline.ledger.predict(id, side, predicted);
            }
        }
        pipeline.listener.onOrder(order);
        counters.ordersSent++;
        ExecutionReport report;
        try {
            report = pipeline.gateway.place(order);
        } catch (ExchangeException e) {
            pipeline.risk.onReject(reservation);
            counters.orderRejects++;
            state.clearWorkingOrder();
            return;
        }
        onExecution(state, report);
    }

    /** A maker order rests at the best price of its own side, on the tick grid. */
    private static BigDecimal touch(Instrument instrument, Side side, double mid) {
        BigDecimal ticks = BigDecimal.valueOf(mid).divide(instrument.tickSize(), 0,
                side == Side.BUY ? RoundingMode.FLOOR : RoundingMode.CEILING);
        return ticks.multiply(instrument.tickSize());
    }

    /**
     * Applies an execution report of the coin's working order. Reports can arrive twice (the answer to
     * {@code place} and the listener's copy), so only a fill beyond what was already applied counts.
     */
    private void onExecution(CoinTrading state, ExecutionReport report) {
        ClientOrderId id = report.order().clientOrderId();
        if (!id.equals(state.workingOrder)) {
            return;
        }
        BigDecimal filled = report.filledQuantity().value();
        Optional<Fill> last = report.lastFill();
        if (last.isPresent() && filled.compareTo(state.workingFilled) > 0) {
            applyFill(state, increment(state, report, last.get()), report.timestampMicros());
            state.workingFilled = filled;
            state.workingNotional = report.filledNotional();
        }
        if (report.status().isTerminal()) {
            if (report.status() == OrderStatus.REJECTED) {
                pipeline.risk.onReject(state.workingReservation);
                counters.orderRejects++;
            } else {
                // releases what the fills did not use: an IOC remainder, or the sliver the lot rounding left
                pipeline.risk.onCancel(state.workingReservation);
            }
            Optional<CostOutcome> outcome;
            synchronized (pipeline.ledger) {
                outcome = pipeline.ledger.completeOrder(id);
            }
            outcome.ifPresent(cost -> pipeline.listener.onCostOutcome(state.coin, report.order().exchange(), cost));
            state.clearWorkingOrder();
        }
        pipeline.listener.onExecution(report);
    }

    /**
     * The fill a report adds to what was applied before. Usually its last fill; but one report can stand for
     * several (an order that swept levels inside {@code place}, or listener copies that arrived after a later
     * report), so the increment comes from the cumulative quantity and notional, and the fee is the last fill's
     * rate applied to it.
     */
    private static Fill increment(CoinTrading state, ExecutionReport report, Fill last) {
        BigDecimal quantity = report.filledQuantity().value().subtract(state.workingFilled);
        if (quantity.compareTo(last.quantity().value()) == 0) {
            return last;
        }
        BigDecimal notional = report.filledNotional().subtract(state.workingNotional);
        BigDecimal price = notional.divide(quantity, MathContext.DECIMAL64);
        BigDecimal fee = last.feeQuote().multiply(quantity).divide(last.quantity().value(), MathContext.DECIMAL64);
        return new Fill(last.tradeId(), last.clientOrderId(), last.coin(), last.exchange(), last.side(), new Price(price),
                new Quantity(quantity), fee, last.maker(), last.timestampMicros());
    }

    private void applyFill(CoinTrading state, Fill fill, long now) {
        double quantity = fill.quantity().toDouble();
        pipeline.risk.onFill(state.workingReservation, quantity, fill.price().toDouble(), fill.feeQuote().doubleValue());
        synchronized (pipeline.ledger) {
            pipeline.ledger.onFill(fill);
        }
        counters.fills++;
        boolean wasFlat = state.isFlat();
        BigDecimal exact = fill.quantity().value();
        state.position = fill.side() == Side.BUY ? state.position.add(exact) : state.position.subtract(exact);
        if (wasFlat) {
            state.positionVenue = fill.exchange();
            state.openedAtMicros = now;
        }
        if (state.isFlat()) {
            state.positionVenue = null;
        }
    }

    private double midOf(CoinTrading state) {
        for (ExchangeId venue : pipeline.venues[state.index]) {
            int slot = pipeline.coins.slot(venue.ordinal(), state.index);
            if (pipeline.costModel.spreads().hasQuote(slot)) {
                return pipeline.costModel.spreads().mid(slot);
            }
        }
        return Double.NaN;
    }
}

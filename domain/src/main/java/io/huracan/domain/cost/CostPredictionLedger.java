package io.huracan.domain.cost;

import io.huracan.ports.cost.CostErrorSummary;
import io.huracan.ports.market.Side;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Fill;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps each order's predicted cost beside the realised cost of its fills, so that the model can be checked.
 * Realised cost of an order, in bps of the reference mid it was predicted at:
 * {@code side * (vwap - mid) / mid * 1e4 + fees / notional * 1e4}. When the order completes its error
 * (realised - predicted) joins the summary. Memory is bounded: at most {@code maxTrackedOrders} open
 * predictions (the oldest is dropped and counted beyond) and the latest {@code errorWindow} errors for
 * percentiles. Used per order, not per market event; one owning thread.
 */
public final class CostPredictionLedger {
    private final int maxTrackedOrders;
    private final Map<ClientOrderId, OpenOrder> open;
    private final double[] window;
    private int windowNext;
    private int windowFilled;
    private long orders;
    private double sumPredicted;
    private double sumRealised;
    private double meanError;
    private double m2Error;
    private double sumAbsError;
    private double minError = Double.POSITIVE_INFINITY;
    private double maxError = Double.NEGATIVE_INFINITY;
    private long droppedOrders;
    private long unmatchedFills;

    public CostPredictionLedger(int maxTrackedOrders, int errorWindow) {
        if (maxTrackedOrders <= 0 || errorWindow <= 0) {
            throw new IllegalArgumentException("ledger of " + maxTrackedOrders + " orders and " + errorWindow
                    + " errors is invalid; allowed: both > 0");
        }
        this.maxTrackedOrders = maxTrackedOrders;
        this.window = new double[errorWindow];
        this.open = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ClientOrderId, OpenOrder> eldest) {
                boolean full = size() > CostPredictionLedger.this.maxTrackedOrders;
                if (full) {
                    droppedOrders++;
                }
                return full;
            }
        };
    }

    public CostPredictionLedger(CostModelParams params) {
        this(params.maxTrackedOrders(), params.errorWindow());
    }

    /** Records the predicted cost of an order about to be sent, relative to the mid it was costed at. */
    public void predict(ClientOrderId id, Side side, double referenceMid, double predictedCostBps) {
        if (!(referenceMid > 0) || !Double.isFinite(predictedCostBps)) {
            throw new IllegalArgumentException("prediction for " + id + " at mid " + referenceMid + " of "
                    + predictedCostBps + " bps is invalid; allowed: mid > 0, finite cost");
        }
        open.put(id, new OpenOrder(side, referenceMid, predictedCostBps));
    }

    /** Records the entry-leg prediction of a costed breakdown (the order being sent is the entry). */
    public void predict(ClientOrderId id, Side side, CostBreakdown breakdown) {
        predict(id, side, breakdown.midPrice(), breakdown.entryCostBps());
    }

    /** Adds a fill to its order; a fill of an order with no prediction is counted, not kept. */
    public void onFill(Fill fill) {
        OpenOrder order = open.get(fill.clientOrderId());
        if (order == null) {
            unmatchedFills++;
            return;
        }
        double quantity = fill.quantity().toDouble();
        order.quantity += quantity;
        order.notional += fill.price().toDouble() * quantity;
        order.fees += fill.feeQuote().doubleValue();
    }

    /**
     * Closes an order once nothing more can happen to it (filled, cancelled or rejected). An order with fills
     * adds its error to the summary; one without is forgotten. Returns false for an unknown id.
     */
    public boolean complete(ClientOrderId id) {
        boolean known = open.containsKey(id);
        completeOrder(id);
        return known;
    }

    /**
     * Closes an order as {@link #complete} does, and returns its predicted and realised cost when it had fills
     * (empty for an unknown order or one that never filled).
     */
    public Optional<CostOutcome> completeOrder(ClientOrderId id) {
        OpenOrder order = open.remove(id);
        if (order == null || order.quantity <= 0) {
            return Optional.empty();
        }
        double realised = order.realisedBps();
        record(order.predictedBps, realised);
        return Optional.of(new CostOutcome(id, order.predictedBps, realised));
    }

    /** Orders waiting for completion. */
    public int openOrders() {
        return open.size();
    }

    private void record(double predicted, double realised) {
        double error = realised - predicted;
        orders++;
        sumPredicted += predicted;
        sumRealised += realised;
        double delta = error - meanError;
        meanError += delta / orders;
        m2Error += delta * (error - meanError);
        sumAbsError += Math.abs(error);
        minError = Math.min(minError, error);
        maxError = Math.max(maxError, error);
        window[windowNext] = error;
        windowNext = (windowNext + 1) % window.length;
        windowFilled = Math.min(windowFilled + 1, window.length);
    }

    /** The error distribution so far; percentiles use the nearest-rank method over the latest window. */
    public CostErrorSummary summary() {
        if (orders == 0) {
            return new CostErrorSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, droppedOrders, unmatchedFills);
        }
        double[] sorted = Arrays.copyOf(window, windowFilled);
        Arrays.sort(sorted);
        return new CostErrorSummary(orders, sumPredicted / orders, sumRealised / orders, meanError,
                orders > 1 ? Math.sqrt(m2Error / (orders - 1)) : 0, sumAbsError / orders, minError, maxError,
                percentile(sorted, 5), percentile(sorted, 50), percentile(sorted, 95), windowFilled,
                droppedOrders, unmatchedFills);
    }

    private static double percentile(double[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static final class OpenOrder {
        final int sign;
        final double referenceMid;
        final double predictedBps;
        double quantity;
        double notional;
        double fees;

        OpenOrder(Side side, double referenceMid, double predictedBps) {
            this.sign = side.sign();
            this.referenceMid = referenceMid;
            this.predictedBps = predictedBps;
        }

        double realisedBps() {
            double averagePrice = notional / quantity;
            return sign * (averagePrice - referenceMid) / referenceMid * 1e4 + fees / notional * 1e4;
        }
    }
}

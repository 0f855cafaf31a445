package io.huracan.domain.cost;

import io.huracan.ports.cost.CostSkipReason;

/**
 * The result of one edge-after-cost evaluation, written into a holder the caller owns and reuses so that an
 * evaluation allocates nothing. All values are basis points of the entry mid's notional; a positive cost is
 * paid, a negative one received (a maker rebate, funding a short collects).
 *
 * <p>When the evaluation could not cost the signal (no quote, stale book, too thin, ...), {@link #skipReason()}
 * names why, the components not reached are 0 and {@link #edgeAfterCostBps()} is negative infinity, so an
 * uncosted signal can never look tradeable. {@link CostSkipReason#BELOW_MIN_EDGE} is the one skip whose numbers
 * are all real.
 */
public final class CostBreakdown {
    private int exchange = -1;
    private int coin = -1;
    private double edgeBps;
    private double midPrice;
    private double entryHalfSpreadBps;
    private double exitHalfSpreadBps;
    private double entryFeeBps;
    private double exitFeeBps;
    private double entrySlippageBps;
    private double exitSlippageBps;
    private double fundingBps;
    private long fundingEvents;
    private double totalCostBps;
    private double edgeAfterCostBps;
    private double edgePerCost;
    private CostSkipReason skipReason;

    void start(int exchange, int coin, double edgeBps) {
        this.exchange = exchange;
        this.coin = coin;
        this.edgeBps = edgeBps;
        midPrice = 0;
        entryHalfSpreadBps = 0;
        exitHalfSpreadBps = 0;
        entryFeeBps = 0;
        exitFeeBps = 0;
        entrySlippageBps = 0;
        exitSlippageBps = 0;
        fundingBps = 0;
        fundingEvents = 0;
        totalCostBps = 0;
        edgeAfterCostBps = Double.NEGATIVE_INFINITY;
        edgePerCost = Double.NEGATIVE_INFINITY;
        skipReason = null;
    }

    void midPrice(double mid) {
        midPrice = mid;
    }

    void spread(double entryHalf, double exitHalf) {
        entryHalfSpreadBps = entryHalf;
        exitHalfSpreadBps = exitHalf;
    }

    void fees(double entry, double exit) {
        entryFeeBps = entry;
        exitFeeBps = exit;
    }

    void slippage(double entry, double exit) {
        entrySlippageBps = entry;
        exitSlippageBps = exit;
    }

    void funding(double bps, long events) {
        fundingBps = bps;
        fundingEvents = events;
    }

    /** Totals the components: edge after cost = edge - round trip - funding. */
    void complete(double edgePerCostFloorBps) {
        totalCostBps = roundTripBps() + fundingBps;
        edgeAfterCostBps = edgeBps - totalCostBps;
        edgePerCost = edgeBps / Math.max(totalCostBps, edgePerCostFloorBps);
    }

    void skip(CostSkipReason reason) {
        skipReason = reason;
    }

    /** True when the signal was costed and clears the minimum edge after cost. */
    public boolean tradeable() {
        return skipReason == null;
    }

    /** True when every component was computed (tradeable, or skipped only for being below the minimum edge). */
    public boolean costed() {
        return skipReason == null || skipReason == CostSkipReason.BELOW_MIN_EDGE;
    }

    /** Why the signal may not trade, or null when it may. */
    public CostSkipReason skipReason() {
        return skipReason;
    }

    public int exchange() {
        return exchange;
    }

    public int coin() {
        return coin;
    }

    public double edgeBps() {
        return edgeBps;
    }

    /** The mid price the bps are relative to (0 when no quote was found). */
    public double midPrice() {
        return midPrice;
    }

    public double entryHalfSpreadBps() {
        return entryHalfSpreadBps;
    }

    public double exitHalfSpreadBps() {
        return exitHalfSpreadBps;
    }

    public double entryFeeBps() {
        return entryFeeBps;
    }

    public double exitFeeBps() {
        return exitFeeBps;
    }

    public double entrySlippageBps() {
        return entrySlippageBps;
    }

    public double exitSlippageBps() {
        return exitSlippageBps;
    }

    public double fundingBps() {
        return fundingBps;
    }

    /** Funding times inside the holding horizon (0 for spot). */
    public long fundingEvents() {
        return fundingEvents;
    }

    /** Cost of the entry order alone: half spread + fee + slippage. The prediction an order's fills are checked against. */
    public double entryCostBps() {
        return entryHalfSpreadBps + entryFeeBps + entrySlippageBps;
    }

    /** Cost of the exit order alone: half spread + fee + slippage. */
    public double exitCostBps() {
        return exitHalfSpreadBps + exitFeeBps + exitSlippageBps;
    }

    /** Entry plus exit. */
    public double roundTripBps() {
        return entryCostBps() + exitCostBps();
    }

    /** Round trip plus funding. */
    public double totalCostBps() {
        return totalCostBps;
    }

    /** Edge minus every cost; negative infinity when the signal could not be costed. */
    public double edgeAfterCostBps() {
        return edgeAfterCostBps;
    }

    /** Edge per unit of cost, edge / max(total cost, floor); negative infinity when not costed. */
    public double edgePerCost() {
        return edgePerCost;
    }

    @Override
    public String toString() {
        return "CostBreakdown[exchange=" + exchange + ", coin=" + coin + ", edge=" + edgeBps + ", spread="
                + entryHalfSpreadBps + "+" + exitHalfSpreadBps + ", fees=" + entryFeeBps + "+" + exitFeeBps
                + ", slippage=" + entrySlippageBps + "+" + exitSlippageBps + ", funding=" + fundingBps + " ("
                + fundingEvents + "), total=" + totalCostBps + ", edgeAfterCost=" + edgeAfterCostBps
                + ", skip=" + (skipReason == null ? "none" : skipReason.key()) + "]";
    }
}

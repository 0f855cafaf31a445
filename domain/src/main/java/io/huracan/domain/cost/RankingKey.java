package io.huracan.domain.cost;

/** What {@link CoinRanking} orders coins by first; the other measure breaks ties, then the coin index. */
public enum RankingKey {
    /** Edge after cost in bps, highest first: the most expected profit per unit notional. */
    EDGE_AFTER_COST,
    /** Edge per unit of cost, highest first: the most robust to the cost estimate being wrong. */
    EDGE_PER_COST
}

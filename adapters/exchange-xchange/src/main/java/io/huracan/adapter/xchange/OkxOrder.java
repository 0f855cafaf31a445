package io.huracan.adapter.xchange;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One order as OKX v5 answers GET /api/v5/trade/order and /orders-pending
 * (https://www.okx.com/docs-v5/en/#order-book-trading-trade-get-order-details). XChange 5.2.2's
 * {@code OkexOrderDetails} lacks {@code cancelSource}, which tells a post-only order OKX cancelled because it would
 * have taken liquidity (source 31) from a cancel of ours. Sizes are in the instrument's unit (coins for spot,
 * contracts for swaps); {@code fee} is negative when charged, in {@code feeCcy}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record OkxOrder(String instType, String instId, String ordId, String clOrdId, String px, String sz, String ordType,
                String side, String state, String accFillSz, String avgPx, String fee, String feeCcy,
                String cancelSource, String reduceOnly, String cTime, String uTime) {
}

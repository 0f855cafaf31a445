package io.huracan.adapter.xchange;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of POST /api/v5/trade/order (https://www.okx.com/docs-v5/en/#order-book-trading-trade-post-place-order).
 * XChange 5.2.2's {@code OkexOrderRequest} has no {@code tgtCcy}, without which OKX reads a spot market buy's size in
 * the quote currency; and it always sends {@code reduceOnly}, which spot cash orders must not carry.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OkxOrderRequest(String instId, String tdMode, String clOrdId, String side, String ordType, String sz, String px,
                       String tgtCcy, Boolean reduceOnly) {
}

package io.huracan.adapter.xchange;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of POST /api/v5/trade/cancel-order: the instrument and our clOrdId. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OkxCancelRequest(String instId, String clOrdId) {
}

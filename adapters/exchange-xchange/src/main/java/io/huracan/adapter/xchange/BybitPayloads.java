package io.huracan.adapter.xchange;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * The Bybit v5 payloads XChange 5.2.1 does not model, or models without the fields we need (order book, recent
 * trades, funding, positions, orders with {@code orderLinkId} and {@code cumFeeDetail}, linear instruments with
 * {@code minNotionalValue}). Shapes from https://bybit-exchange.github.io/docs/v5/ (one page per endpoint, named on
 * each record); decimals are strings as Bybit sends them. The envelope is XChange's {@code BybitResult}.
 */
final class BybitPayloads {
    private BybitPayloads() {
    }

    /** {@code result} of a list endpoint: {@code category}, {@code list}, {@code nextPageCursor} (empty at the end). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page<T>(String category, List<T> list, String nextPageCursor) {
        List<T> items() {
            return list == null ? List.of() : list;
        }
    }

    /** docs/v5/market/instrument: spot and linear entries share these fields. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Instrument(String symbol, String status, String baseCoin, String quoteCoin, String settleCoin,
                      String contractType, PriceFilter priceFilter, LotSizeFilter lotSizeFilter, Integer fundingInterval) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PriceFilter(String tickSize) {
    }

    /** Spot: {@code basePrecision}, {@code minOrderAmt}; linear: {@code qtyStep}, {@code minOrderQty}, {@code minNotionalValue}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record LotSizeFilter(String basePrecision, String minOrderQty, String minOrderAmt, String qtyStep,
                         String minNotionalValue) {
    }

    /** docs/v5/market/orderbook: {@code b} bids descending, {@code a} asks ascending, [price, size] pairs. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Book(String s, List<List<String>> b, List<List<String>> a, Long ts, Long u) {
    }

    /** docs/v5/market/recent-trade: newest first; {@code side} is the taker's. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PublicTrade(String execId, String symbol, String price, String size, String side, String time) {
    }

    /** docs/v5/market/tickers (linear): the current funding rate and when it is charged. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Ticker(String symbol, String fundingRate, String nextFundingTime, String fundingIntervalHour) {
    }

    /** docs/v5/order/create: POST body; {@code marketUnit} makes a spot market order's qty base coins. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OrderRequest(String category, String symbol, String side, String orderType, String qty, String price,
                        String timeInForce, String orderLinkId, String marketUnit, Boolean reduceOnly, Integer positionIdx) {
    }

    /** docs/v5/order/cancel-order: POST body, by orderLinkId. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CancelRequest(String category, String symbol, String orderLinkId) {
    }

    /** docs/v5/order/create-order and cancel-order {@code result}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrderId(String orderId, String orderLinkId) {
    }

    /** docs/v5/order/open-order (and order-list): one order with its cumulative execution. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Order(String orderId, String orderLinkId, String symbol, String price, String qty, String side,
                 String orderStatus, String rejectReason, String avgPrice, String cumExecQty, String cumExecValue,
                 String cumExecFee, Map<String, String> cumFeeDetail, String timeInForce, String orderType,
                 Boolean reduceOnly, String createdTime, String updatedTime) {
    }

    /** docs/v5/account/wallet-balance: one account with its coins. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Wallet(String accountType, List<CoinBalance> coin) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CoinBalance(String coin, String walletBalance, String locked, String totalOrderIM) {
    }

    /** docs/v5/position/position: one-way mode, {@code side} Buy or Sell, {@code size} unsigned coins. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PositionEntry(String symbol, String side, String size, String avgPrice, String cumRealisedPnl) {
    }

    /** docs/v5/account/fee-rate: rates as fractions. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FeeRate(String symbol, String takerFeeRate, String makerFeeRate) {
    }
}

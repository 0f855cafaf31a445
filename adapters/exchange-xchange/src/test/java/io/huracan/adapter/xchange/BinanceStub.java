package io.huracan.adapter.xchange;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small Binance spot venue on a local HTTP server: one TRADING symbol BTCUSDT (plus ETHBTC, which has another
 * quote currency), a fixed book, an account, and orders that rest, fill against the touch (IOC) or are refused as
 * Binance refuses them. Responses are shaped as the Binance spot REST documentation shows them (field names,
 * string decimals, error bodies {"code":..,"msg":..}); every signed request's HMAC-SHA256 signature is checked the
 * way Binance documents it (over the query string followed by the body). Faults can be queued per endpoint.
 */
final class BinanceStub extends StubVenue {
    static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    static final String API_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    static final BigDecimal TAKER = new BigDecimal("0.0015");

    private final Map<String, Map<String, String>> ordersByClientId = new LinkedHashMap<>();
    private final Map<String, BigDecimal> free = new HashMap<>();
    private final Map<String, BigDecimal> locked = new HashMap<>();
    private volatile String usedWeightHeader = "12";
    private long nextOrderId = 28;
    private long nextTradeId = 56;

    BinanceStub() throws IOException {
        free.put("USDT", new BigDecimal("10000.00000000"));
        free.put("BTC", new BigDecimal("1.00000000"));
        locked.put("USDT", BigDecimal.ZERO);
        locked.put("BTC", BigDecimal.ZERO);
        start();
    }

    /** The weight Binance reports having counted, sent as X-MBX-USED-WEIGHT-1M on every response. */
    void reportUsedWeight(int used) {
        usedWeightHeader = Integer.toString(used);
    }

    /** Fills part of a resting order at its limit price (as if another client's order had crossed it). */
    synchronized void fillResting(String clientOrderId, BigDecimal quantity) {
        Map<String, String> order = ordersByClientId.get(clientOrderId);
        BigDecimal price = new BigDecimal(order.get("price"));
        BigDecimal executed = new BigDecimal(order.get("executedQty")).add(quantity);
        order.put("executedQty", plain(executed));
        order.put("cummulativeQuoteQty", plain(new BigDecimal(order.get("cummulativeQuoteQty")).add(price.multiply(quantity))));
        order.put("status", executed.compareTo(new BigDecimal(order.get("origQty"))) == 0 ? "FILLED" : "PARTIALLY_FILLED");
    }

    synchronized BigDecimal free(String asset) {
        return free.getOrDefault(asset, BigDecimal.ZERO);
    }

    @Override
    protected MockResponse answer(RecordedRequest request, String path) {
        String query = request.getUrl().encodedQuery() == null ? "" : request.getUrl().encodedQuery();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        Map<String, String> params = params(query);
        params.putAll(params(body));
        boolean signed = !path.equals("/api/v3/exchangeInfo") && !path.equals("/api/v3/depth")
                && !path.equals("/api/v3/aggTrades");
        if (signed) {
            if (!API_KEY.equals(request.getHeaders().get("X-MBX-APIKEY"))) {
                return error(401, -2015, "Invalid API-key, IP, or permissions for action.");
            }
            if (!validSignature(query, body)) {
                return error(400, -1022, "Signature for this request is not valid.");
            }
        }
        return switch (request.getMethod() + " " + path) {
            case "GET /api/v3/exchangeInfo" -> ok(EXCHANGE_INFO);
            case "GET /api/v3/depth" -> ok(DEPTH);
            case "GET /api/v3/aggTrades" -> ok(AGG_TRADES);
            case "GET /api/v3/account" -> ok(account());
            case "POST /api/v3/order" -> newOrder(params);
            case "GET /api/v3/order" -> queryOrder(params);
            case "DELETE /api/v3/order" -> cancelOrder(params);
            case "GET /api/v3/openOrders" -> ok(openOrders());
            default -> error(404, -1000, "An unknown error occurred while processing the request.");
        };
    }

    private MockResponse newOrder(Map<String, String> p) {
        String clientId = p.get("newClientOrderId");
        if (ordersByClientId.containsKey(clientId) && !isFinished(ordersByClientId.get(clientId))) {
            return error(400, -2010, "Duplicate order sent.");
        }
        BigDecimal quantity = new BigDecimal(p.get("quantity"));
        BigDecimal price = p.containsKey("price") ? new BigDecimal(p.get("price")) : BEST_ASK;
        boolean buy = "BUY".equals(p.get("side"));
        String type = p.get("type");
        boolean crosses = buy ? price.compareTo(BEST_ASK) >= 0 : price.compareTo(BEST_BID) <= 0;
        if ("LIMIT_MAKER".equals(type) && crosses) {
            return error(400, -2010, "Order would immediately match and take.");
        }
        String spendAsset = buy ? "USDT" : "BTC";
        BigDecimal spend = buy ? price.multiply(quantity).multiply(BigDecimal.ONE.add(TAKER)) : quantity;
        if (spend.compareTo(free(spendAsset)) > 0) {
            return error(400, -2010, "Account has insufficient balance for requested action.");
        }
        long orderId = nextOrderId++;
        long now = System.currentTimeMillis();
        Map<String, String> order = new LinkedHashMap<>();
        order.put("symbol", p.get("symbol"));
        order.put("orderId", Long.toString(orderId));
        order.put("clientOrderId", clientId);
        order.put("price", plain(p.containsKey("price") ? price : BigDecimal.ZERO));
        order.put("origQty", plain(quantity));
        order.put("executedQty", plain(BigDecimal.ZERO));
        order.put("cummulativeQuoteQty", plain(BigDecimal.ZERO));
        order.put("status", "NEW");
        order.put("timeInForce", p.getOrDefault("timeInForce", "GTC"));
        order.put("type", type);
        order.put("side", p.get("side"));
        order.put("time", Long.toString(now));
        ordersByClientId.put(clientId, order);
        String fills = "[]";
        if (crosses) {
            BigDecimal fillPrice = buy ? BEST_ASK : BEST_BID;
            BigDecimal notional = fillPrice.multiply(quantity);
            BigDecimal commission = notional.multiply(TAKER).setScale(8, RoundingMode.HALF_UP);
            if (buy) {
                move("USDT", notional.add(commission).negate());
                move("BTC", quantity);
            } else {
                move("BTC", quantity.negate());
                move("USDT", notional.subtract(commission));
            }
            order.put("executedQty", plain(quantity));
            order.put("cummulativeQuoteQty", plain(notional));
            order.put("status", "FILLED");
            fills = "[{\"price\":\"" + plain(fillPrice) + "\",\"qty\":\"" + plain(quantity) + "\",\"commission\":\""
                    + plain(commission) + "\",\"commissionAsset\":\"USDT\",\"tradeId\":" + nextTradeId++ + "}]";
        } else if ("IOC".equals(order.get("timeInForce"))) {
            order.put("status", "EXPIRED");
        } else {
            lock(spendAsset, buy ? price.multiply(quantity) : quantity);
        }
        return ok("{\"symbol\":\"" + order.get("symbol") + "\",\"orderId\":" + orderId + ",\"orderListId\":-1,"
                + "\"clientOrderId\":\"" + clientId + "\",\"transactTime\":" + now + ",\"price\":\"" + order.get("price")
                + "\",\"origQty\":\"" + order.get("origQty") + "\",\"executedQty\":\"" + order.get("executedQty")
                + "\",\"origQuoteOrderQty\":\"0.00000000\",\"cummulativeQuoteQty\":\"" + order.get("cummulativeQuoteQty")
                + "\",\"status\":\"" + order.get("status") + "\",\"timeInForce\":\"" + order.get("timeInForce")
                + "\",\"type\":\"" + type + "\",\"side\":\"" + order.get("side") + "\",\"workingTime\":" + now
                + ",\"selfTradePreventionMode\":\"NONE\",\"fills\":" + fills + "}");
    }

    private MockResponse queryOrder(Map<String, String> p) {
        Map<String, String> order = ordersByClientId.get(p.get("origClientOrderId"));
        return order == null ? error(400, -2013, "Order does not exist.") : ok(orderJson(order));
    }

    private MockResponse cancelOrder(Map<String, String> p) {
        Map<String, String> order = ordersByClientId.get(p.get("origClientOrderId"));
        if (order == null || isFinished(order)) {
            return error(400, -2011, "Unknown order sent.");
        }
        order.put("status", "CANCELED");
        BigDecimal remaining = new BigDecimal(order.get("origQty")).subtract(new BigDecimal(order.get("executedQty")));
        boolean buy = "BUY".equals(order.get("side"));
        lock(buy ? "USDT" : "BTC", (buy ? remaining.multiply(new BigDecimal(order.get("price"))) : remaining).negate());
        return ok("{\"symbol\":\"" + order.get("symbol") + "\",\"origClientOrderId\":\"" + order.get("clientOrderId")
                + "\",\"orderId\":" + order.get("orderId") + ",\"orderListId\":-1,\"clientOrderId\":\"cancel"
                + order.get("orderId") + "\",\"transactTime\":" + System.currentTimeMillis() + ",\"price\":\""
                + order.get("price") + "\",\"origQty\":\"" + order.get("origQty") + "\",\"executedQty\":\""
                + order.get("executedQty") + "\",\"cummulativeQuoteQty\":\"" + order.get("cummulativeQuoteQty")
                + "\",\"status\":\"CANCELED\",\"timeInForce\":\"" + order.get("timeInForce") + "\",\"type\":\""
                + order.get("type") + "\",\"side\":\"" + order.get("side") + "\",\"selfTradePreventionMode\":\"NONE\"}");
    }

    private String openOrders() {
        List<String> open = new ArrayList<>();
        ordersByClientId.values().stream().filter(o -> !isFinished(o)).forEach(o -> open.add(orderJson(o)));
        return "[" + String.join(",", open) + "]";
    }

    private String account() {
        List<String> balances = new ArrayList<>();
        for (String asset : List.of("BTC", "LTC", "USDT")) {
            balances.add("{\"asset\":\"" + asset + "\",\"free\":\"" + plain(free(asset)) + "\",\"locked\":\""
                    + plain(locked.getOrDefault(asset, BigDecimal.ZERO)) + "\"}");
        }
        return "{\"makerCommission\":15,\"takerCommission\":15,\"buyerCommission\":0,\"sellerCommission\":0,"
                + "\"commissionRates\":{\"maker\":\"0.00150000\",\"taker\":\"0.00150000\",\"buyer\":\"0.00000000\","
                + "\"seller\":\"0.00000000\"},\"canTrade\":true,\"canWithdraw\":true,\"canDeposit\":true,"
                + "\"brokered\":false,\"requireSelfTradePrevention\":false,\"preventSor\":false,\"updateTime\":123456789,"
                + "\"accountType\":\"SPOT\",\"balances\":[" + String.join(",", balances) + "],\"permissions\":[\"SPOT\"],"
                + "\"uid\":354937868}";
    }

    private static String orderJson(Map<String, String> o) {
        return "{\"symbol\":\"" + o.get("symbol") + "\",\"orderId\":" + o.get("orderId") + ",\"orderListId\":-1,"
                + "\"clientOrderId\":\"" + o.get("clientOrderId") + "\",\"price\":\"" + o.get("price") + "\",\"origQty\":\""
                + o.get("origQty") + "\",\"executedQty\":\"" + o.get("executedQty") + "\",\"cummulativeQuoteQty\":\""
                + o.get("cummulativeQuoteQty") + "\",\"status\":\"" + o.get("status") + "\",\"timeInForce\":\""
                + o.get("timeInForce") + "\",\"type\":\"" + o.get("type") + "\",\"side\":\"" + o.get("side")
                + "\",\"stopPrice\":\"0.00000000\",\"icebergQty\":\"0.00000000\",\"time\":" + o.get("time")
                + ",\"updateTime\":" + o.get("time") + ",\"isWorking\":true,\"workingTime\":" + o.get("time")
                + ",\"origQuoteOrderQty\":\"0.00000000\",\"selfTradePreventionMode\":\"NONE\"}";
    }

    private static boolean isFinished(Map<String, String> order) {
        return List.of("FILLED", "CANCELED", "EXPIRED", "REJECTED").contains(order.get("status"));
    }

    private void move(String asset, BigDecimal amount) {
        free.put(asset, free(asset).add(amount));
    }

    private void lock(String asset, BigDecimal amount) {
        move(asset, amount.negate());
        locked.put(asset, locked.getOrDefault(asset, BigDecimal.ZERO).add(amount));
    }

    private MockResponse ok(String json) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json;charset=UTF-8")
                .addHeader("X-MBX-USED-WEIGHT-1M", usedWeightHeader).body(json).build();
    }

    private MockResponse error(int status, int code, String message) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json;charset=UTF-8")
                .addHeader("X-MBX-USED-WEIGHT-1M", usedWeightHeader)
                .body("{\"code\":" + code + ",\"msg\":\"" + message + "\"}").build();
    }

    /** HMAC-SHA256 of the query string followed by the body, each without the signature parameter. */
    private static boolean validSignature(String query, String body) {
        String signature = params(query).getOrDefault("signature", params(body).get("signature"));
        if (signature == null) {
            return false;
        }
        String total = withoutSignature(query) + withoutSignature(body);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(API_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(total.getBytes(StandardCharsets.UTF_8))).equalsIgnoreCase(signature);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withoutSignature(String encoded) {
        return encoded.replaceAll("&?signature=[0-9a-fA-F]+", "");
    }


    private static String plain(BigDecimal value) {
        return plain(value, 8);
    }

    static final BigDecimal BEST_BID = new BigDecimal("30000.00");
    static final BigDecimal BEST_ASK = new BigDecimal("30000.10");

    /** GET /api/v3/exchangeInfo as documented (trimmed to two symbols). */
    static final String EXCHANGE_INFO = """
            {"timezone":"UTC","serverTime":1565246363776,
             "rateLimits":[{"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":6000},
                           {"rateLimitType":"ORDERS","interval":"SECOND","intervalNum":10,"limit":100},
                           {"rateLimitType":"ORDERS","interval":"DAY","intervalNum":1,"limit":200000},
                           {"rateLimitType":"RAW_REQUESTS","interval":"MINUTE","intervalNum":5,"limit":61000}],
             "exchangeFilters":[],
             "symbols":[
              {"symbol":"BTCUSDT","status":"TRADING","baseAsset":"BTC","baseAssetPrecision":8,"quoteAsset":"USDT",
               "quotePrecision":8,"quoteAssetPrecision":8,"baseCommissionPrecision":8,"quoteCommissionPrecision":8,
               "orderTypes":["LIMIT","LIMIT_MAKER","MARKET","STOP_LOSS_LIMIT","TAKE_PROFIT_LIMIT"],
               "icebergAllowed":true,"ocoAllowed":true,"otoAllowed":true,"quoteOrderQtyMarketAllowed":true,
               "allowTrailingStop":true,"cancelReplaceAllowed":true,"isSpotTradingAllowed":true,
               "isMarginTradingAllowed":true,
               "filters":[{"filterType":"PRICE_FILTER","minPrice":"0.01000000","maxPrice":"1000000.00000000","tickSize":"0.01000000"},
                          {"filterType":"LOT_SIZE","minQty":"0.00001000","maxQty":"9000.00000000","stepSize":"0.00001000"},
                          {"filterType":"ICEBERG_PARTS","limit":10},
                          {"filterType":"MARKET_LOT_SIZE","minQty":"0.00000000","maxQty":"83.24577371","stepSize":"0.00000000"},
                          {"filterType":"TRAILING_DELTA","minTrailingAboveDelta":10,"maxTrailingAboveDelta":2000,"minTrailingBelowDelta":10,"maxTrailingBelowDelta":2000},
                          {"filterType":"PERCENT_PRICE_BY_SIDE","bidMultiplierUp":"5","bidMultiplierDown":"0.2","askMultiplierUp":"5","askMultiplierDown":"0.2","avgPriceMins":5},
                          {"filterType":"NOTIONAL","minNotional":"5.00000000","applyMinToMarket":true,"maxNotional":"9000000.00000000","applyMaxToMarket":false,"avgPriceMins":5},
                          {"filterType":"MAX_NUM_ORDERS","maxNumOrders":200},
                          {"filterType":"MAX_NUM_ALGO_ORDERS","maxNumAlgoOrders":5}],
               "permissions":[],"permissionSets":[["SPOT","MARGIN"]],"defaultSelfTradePreventionMode":"EXPIRE_MAKER",
               "allowedSelfTradePreventionModes":["EXPIRE_TAKER","EXPIRE_MAKER","EXPIRE_BOTH"]},
              {"symbol":"ETHBTC","status":"TRADING","baseAsset":"ETH","baseAssetPrecision":8,"quoteAsset":"BTC",
               "quotePrecision":8,"quoteAssetPrecision":8,"orderTypes":["LIMIT","LIMIT_MAKER","MARKET"],
               "icebergAllowed":true,"ocoAllowed":true,"isSpotTradingAllowed":true,"isMarginTradingAllowed":true,
               "filters":[{"filterType":"PRICE_FILTER","minPrice":"0.00001000","maxPrice":"922327.00000000","tickSize":"0.00001000"},
                          {"filterType":"LOT_SIZE","minQty":"0.00010000","maxQty":"100000.00000000","stepSize":"0.00010000"},
                          {"filterType":"NOTIONAL","minNotional":"0.00010000","applyMinToMarket":true,"maxNotional":"9000000.00000000","applyMaxToMarket":false,"avgPriceMins":5}],
               "permissions":[],"permissionSets":[["SPOT"]]}]}
            """;

    /**
     * GET /api/v3/aggTrades?symbol=BTCUSDT as documented
     * (https://developers.binance.com/docs/binance-spot-api-docs/rest-api/market-data-endpoints#compressedaggregate-trades-list):
     * oldest first; {@code m} = the buyer was the maker.
     */
    static final String AGG_TRADES = """
            [{"a":26129,"p":"30000.00000000","q":"0.01200000","f":27781,"l":27781,"T":1498793709153,"m":true,"M":true},
             {"a":26130,"p":"30000.10000000","q":"0.50000000","f":27782,"l":27783,"T":1498793709160,"m":false,"M":true}]
            """;

    /** GET /api/v3/depth?symbol=BTCUSDT as documented: string price and quantity pairs, bids descending. */
    static final String DEPTH = """
            {"lastUpdateId":1027024,
             "bids":[["30000.00","1.50000000"],["29999.50","0.75000000"],["29998.00","3.20000000"]],
             "asks":[["30000.10","2.00000000"],["30000.60","0.40000000"],["30002.00","5.00000000"]]}
            """;
}

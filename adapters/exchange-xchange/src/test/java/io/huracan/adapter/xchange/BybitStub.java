package io.huracan.adapter.xchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small Bybit v5 venue with a unified account: spot BTCUSDT (and ETHBTC, another quote coin) and the USDT
 * perpetual BTCUSDT (category linear, one-way mode), a fixed book, orders that rest, fill against the touch or are
 * refused as Bybit refuses them. Every answer has the shape of the response example on its endpoint's page of
 * https://bybit-exchange.github.io/docs/v5/ ({"retCode":0,"retMsg":"OK","result":{...},"retExtInfo":{},"time":...},
 * decimals as strings). Every private request's X-BAPI-SIGN is checked as Bybit documents: hex HMAC-SHA256 of
 * timestamp + api key + recv window + (query string | JSON body). Private answers carry X-Bapi-Limit,
 * X-Bapi-Limit-Status and X-Bapi-Limit-Reset-Timestamp for their endpoint, counted over the last second
 * (docs/v5/rate-limit); {@link #reportLimitStatus} makes the venue say less is left (other clients of the key).
 */
final class BybitStub extends StubVenue {
    static final String API_KEY = "XXXXXXXXXXhuracanKEY";
    static final String API_SECRET = "XXXXXXXXXXXXXXXXXXhuracanSECRETXXXXX";
    static final BigDecimal MAKER = new BigDecimal("0.0001");
    static final BigDecimal TAKER = new BigDecimal("0.0006");
    static final BigDecimal BEST_BID = new BigDecimal("30000.00");
    static final BigDecimal BEST_ASK = new BigDecimal("30000.10");
    static final BigDecimal LEVERAGE = BigDecimal.TEN;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Integer> LIMITS = Map.of("/v5/order/create", 20, "/v5/order/cancel", 20,
            "/v5/order/realtime", 50, "/v5/order/history", 50, "/v5/account/wallet-balance", 50,
            "/v5/position/list", 50, "/v5/account/fee-rate", 5);

    private final Map<String, Map<String, String>> ordersByLinkId = new LinkedHashMap<>();
    private final Map<String, BigDecimal> wallet = new HashMap<>();
    private final Map<String, BigDecimal> locked = new HashMap<>();
    private final Map<String, Deque<Long>> recent = new HashMap<>();
    private final Map<String, Integer> reportedStatus = new HashMap<>();
    private BigDecimal linearSize = BigDecimal.ZERO;
    private BigDecimal linearAveragePrice = BigDecimal.ZERO;
    private boolean forgetsClosedOrders;
    private long nextOrderId = 1321003749386327552L;

    BybitStub() throws IOException {
        wallet.put("USDT", new BigDecimal("10000"));
        wallet.put("BTC", new BigDecimal("1"));
        start();
    }

    synchronized BigDecimal wallet(String coin) {
        return wallet.getOrDefault(coin, BigDecimal.ZERO);
    }

    /** What the venue says is left for an endpoint from now on (X-Bapi-Limit-Status), whatever we counted. */
    synchronized void reportLimitStatus(String path, int remaining) {
        reportedStatus.put(path, remaining);
    }

    /** As after a Bybit restart: /v5/order/realtime no longer returns closed orders; /v5/order/history does. */
    synchronized void forgetClosedOrdersInRealtime() {
        forgetsClosedOrders = true;
    }

    /** Fills part of a resting order at its price, as if another client's order had crossed it (maker fee). */
    synchronized void fillResting(String orderLinkId, BigDecimal qty) {
        Map<String, String> order = ordersByLinkId.get(orderLinkId);
        BigDecimal price = new BigDecimal(order.get("price"));
        execute(order, qty, price, MAKER);
        if (isSpot(order)) {
            boolean buy = "Buy".equals(order.get("side"));
            lock(buy ? "USDT" : "BTC", (buy ? price.multiply(qty) : qty).negate());
        }
    }

    @Override
    protected MockResponse answer(RecordedRequest request, String path) {
        String query = request.getUrl().encodedQuery() == null ? "" : request.getUrl().encodedQuery();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        Map<String, String> params = params(query);
        boolean signed = !path.startsWith("/v5/market/");
        if (signed) {
            MockResponse refused = authenticate(request, "GET".equals(request.getMethod()) ? query : body);
            if (refused != null) {
                return refused;
            }
        }
        MockResponse response;
        try {
            response = switch (request.getMethod() + " " + path) {
                case "GET /v5/market/instruments-info" -> ok("spot".equals(params.get("category")) ? SPOT_INSTRUMENTS
                        : LINEAR_INSTRUMENTS);
                case "GET /v5/market/orderbook" -> ok(BOOK);
                case "GET /v5/market/recent-trade" -> ok("spot".equals(params.get("category")) ? SPOT_TRADES : LINEAR_TRADES);
                case "GET /v5/market/tickers" -> ok(LINEAR_TICKERS);
                case "POST /v5/order/create" -> create(JSON.readTree(body));
                case "POST /v5/order/cancel" -> cancel(JSON.readTree(body));
                case "GET /v5/order/realtime" -> ok(orders(params, !forgetsClosedOrders || params.get("orderLinkId") == null
                        ? "any" : "open"));
                case "GET /v5/order/history" -> ok(orders(params, "closed"));
                case "GET /v5/account/wallet-balance" -> ok(walletBalance());
                case "GET /v5/position/list" -> ok(positions());
                case "GET /v5/account/fee-rate" -> ok(feeRate());
                default -> json(404, "{\"retCode\":10017,\"retMsg\":\"Route not found\"}");
            };
        } catch (IOException e) {
            response = refuse(10001, "Request parameter error.");
        }
        return signed ? withLimitHeaders(response, path) : response;
    }

    /** POST /v5/order/create (docs/v5/order/create-order): the answer carries the ids only. */
    private MockResponse create(JsonNode body) {
        String category = body.path("category").asText();
        boolean spot = "spot".equals(category);
        String linkId = body.path("orderLinkId").asText();
        if (ordersByLinkId.containsKey(linkId)) {
            return spot ? refuse(170141, "Duplicate clientOrderId.") : refuse(110072, "OrderLinkedID is duplicate");
        }
        boolean buy = "Buy".equals(body.path("side").asText());
        boolean market = "Market".equals(body.path("orderType").asText());
        String timeInForce = market ? "IOC" : body.path("timeInForce").asText("GTC");
        BigDecimal qty = new BigDecimal(body.path("qty").asText());
        if (spot && market && !"baseCoin".equals(body.path("marketUnit").asText())) {
            return refuse(170130, "Data sent for paramter 'marketUnit' is not valid."); // qty would be quote coins
        }
        BigDecimal price = market ? (buy ? BEST_ASK : BEST_BID) : new BigDecimal(body.path("price").asText());
        boolean crosses = buy ? price.compareTo(BEST_ASK) >= 0 : price.compareTo(BEST_BID) <= 0;
        BigDecimal notional = price.multiply(qty);
        BigDecimal freeUsdt = wallet("USDT").subtract(locked.getOrDefault("USDT", BigDecimal.ZERO));
        if (spot && (buy ? notional.compareTo(freeUsdt) > 0
                : qty.compareTo(wallet("BTC").subtract(locked.getOrDefault("BTC", BigDecimal.ZERO))) > 0)) {
            return refuse(170131, "Balance insufficient");
        }
        if (!spot && notional.divide(LEVERAGE, 8, RoundingMode.UP).compareTo(freeUsdt) > 0) {
            return refuse(110007, "ab not enough for new order");
        }
        long now = System.currentTimeMillis();
        Map<String, String> order = new LinkedHashMap<>();
        order.put("category", category);
        order.put("orderId", Long.toString(nextOrderId++));
        order.put("orderLinkId", linkId);
        order.put("symbol", body.path("symbol").asText());
        order.put("price", market ? "0" : body.path("price").asText());
        order.put("qty", qty.toPlainString());
        order.put("side", buy ? "Buy" : "Sell");
        order.put("orderStatus", "New");
        order.put("rejectReason", "EC_NoError");
        order.put("cumExecQty", "0");
        order.put("cumExecValue", "0");
        order.put("feeCoin", spot && buy ? "BTC" : "USDT");
        order.put("cumFee", "0");
        order.put("timeInForce", timeInForce);
        order.put("orderType", market ? "Market" : "Limit");
        order.put("reduceOnly", Boolean.toString(body.path("reduceOnly").asBoolean(false)));
        order.put("createdTime", Long.toString(now));
        order.put("updatedTime", Long.toString(now));
        ordersByLinkId.put(linkId, order);
        if ("PostOnly".equals(timeInForce) && crosses) {
            order.put("orderStatus", "Cancelled");
            order.put("rejectReason", "EC_PostOnlyWillTakeLiquidity");
        } else if (crosses) {
            execute(order, qty, buy ? BEST_ASK : BEST_BID, TAKER);
        } else if ("IOC".equals(timeInForce)) {
            order.put("orderStatus", "Cancelled");
            order.put("rejectReason", "EC_NoImmediateQtyToFill");
        } else if (spot) {
            lock(buy ? "USDT" : "BTC", buy ? notional : qty);
        }
        return ok("{\"orderId\":\"" + order.get("orderId") + "\",\"orderLinkId\":\"" + linkId + "\"}");
    }

    private void execute(Map<String, String> order, BigDecimal qty, BigDecimal price, BigDecimal rate) {
        boolean buy = "Buy".equals(order.get("side"));
        BigDecimal notional = price.multiply(qty);
        BigDecimal fee;
        if (!isSpot(order)) {
            fee = notional.multiply(rate).setScale(8, RoundingMode.HALF_UP);
            move("USDT", fee.negate());
            BigDecimal signed = buy ? qty : qty.negate();
            BigDecimal total = linearSize.add(signed);
            linearAveragePrice = total.signum() == 0 ? BigDecimal.ZERO
                    : linearAveragePrice.multiply(linearSize.abs()).add(notional)
                    .divide(linearSize.abs().add(qty), 8, RoundingMode.HALF_UP);
            linearSize = total;
        } else if (buy) {
            fee = qty.multiply(rate).setScale(12, RoundingMode.HALF_UP); // a spot buy pays its fee in the coin bought
            move("USDT", notional.negate());
            move("BTC", qty.subtract(fee));
        } else {
            fee = notional.multiply(rate).setScale(8, RoundingMode.HALF_UP);
            move("BTC", qty.negate());
            move("USDT", notional.subtract(fee));
        }
        BigDecimal filled = new BigDecimal(order.get("cumExecQty")).add(qty);
        BigDecimal value = new BigDecimal(order.get("cumExecValue")).add(notional);
        order.put("cumExecQty", filled.toPlainString());
        order.put("cumExecValue", value.toPlainString());
        order.put("cumFee", new BigDecimal(order.get("cumFee")).add(fee).toPlainString());
        order.put("orderStatus", filled.compareTo(new BigDecimal(order.get("qty"))) == 0 ? "Filled" : "PartiallyFilled");
        order.put("updatedTime", Long.toString(System.currentTimeMillis()));
    }

    /** POST /v5/order/cancel (docs/v5/order/cancel-order). */
    private MockResponse cancel(JsonNode body) {
        boolean spot = "spot".equals(body.path("category").asText());
        Map<String, String> order = ordersByLinkId.get(body.path("orderLinkId").asText());
        if (order == null || !isOpen(order)) {
            return spot ? refuse(170213, "Order does not exist.") : refuse(110001, "Order does not exist");
        }
        order.put("orderStatus", new BigDecimal(order.get("cumExecQty")).signum() > 0 ? "PartiallyFilledCanceled" : "Cancelled");
        order.put("rejectReason", "EC_PerCancelRequest");
        order.put("updatedTime", Long.toString(System.currentTimeMillis()));
        if (spot) {
            BigDecimal remaining = new BigDecimal(order.get("qty")).subtract(new BigDecimal(order.get("cumExecQty")));
            boolean buy = "Buy".equals(order.get("side"));
            lock(buy ? "USDT" : "BTC", (buy ? remaining.multiply(new BigDecimal(order.get("price"))) : remaining).negate());
        }
        return ok("{\"orderId\":\"" + order.get("orderId") + "\",\"orderLinkId\":\"" + order.get("orderLinkId") + "\"}");
    }

    /** docs/v5/order/open-order and order-list: by orderLinkId any status, otherwise the open ones of the category. */
    private String orders(Map<String, String> params, String which) {
        String category = params.get("category");
        String linkId = params.get("orderLinkId");
        List<String> listed = new ArrayList<>();
        for (Map<String, String> order : ordersByLinkId.values()) {
            boolean open = isOpen(order);
            boolean wanted = switch (which) {
                case "open" -> open;
                case "closed" -> !open;
                default -> linkId != null || open;
            };
            if (order.get("category").equals(category) && wanted && (linkId == null || linkId.equals(order.get("orderLinkId")))) {
                listed.add(orderJson(order));
            }
        }
        return "{\"list\":[" + String.join(",", listed) + "],\"nextPageCursor\":\"\",\"category\":\"" + category + "\"}";
    }

    /** docs/v5/account/wallet-balance: the unified account. */
    private String walletBalance() {
        List<String> coins = new ArrayList<>();
        for (String coin : List.of("BTC", "USDT")) {
            coins.add("{\"availableToBorrow\":\"\",\"bonus\":\"0\",\"accruedInterest\":\"0\",\"availableToWithdraw\":\"\","
                    + "\"totalOrderIM\":\"0\",\"equity\":\"" + wallet(coin).toPlainString() + "\",\"totalPositionMM\":\"0\","
                    + "\"usdValue\":\"0\",\"spotHedgingQty\":\"0\",\"unrealisedPnl\":\"0\",\"collateralSwitch\":true,"
                    + "\"borrowAmount\":\"0.0\",\"totalPositionIM\":\"0\",\"walletBalance\":\"" + wallet(coin).toPlainString()
                    + "\",\"cumRealisedPnl\":\"0\",\"locked\":\"" + locked.getOrDefault(coin, BigDecimal.ZERO).toPlainString()
                    + "\",\"marginCollateral\":true,\"coin\":\"" + coin + "\",\"spotBorrow\":\"0\"}");
        }
        return "{\"list\":[{\"totalEquity\":\"0\",\"accountIMRate\":\"0\",\"totalMarginBalance\":\"0\","
                + "\"totalInitialMargin\":\"0\",\"accountType\":\"UNIFIED\",\"totalAvailableBalance\":\"0\","
                + "\"accountMMRate\":\"0\",\"totalPerpUPL\":\"0\",\"totalWalletBalance\":\"0\",\"accountLTV\":\"0\","
                + "\"totalMaintenanceMargin\":\"0\",\"coin\":[" + String.join(",", coins) + "]}]}";
    }

    /** docs/v5/position/position: one-way mode, size unsigned with the side. */
    private String positions() {
        String entries = linearSize.signum() == 0 ? "" : "{\"positionIdx\":0,\"riskId\":1,\"riskLimitValue\":\"2000000\","
                + "\"symbol\":\"BTCUSDT\",\"side\":\"" + (linearSize.signum() > 0 ? "Buy" : "Sell") + "\",\"size\":\""
                + linearSize.abs().toPlainString() + "\",\"avgPrice\":\"" + linearAveragePrice.toPlainString()
                + "\",\"positionValue\":\"0\",\"tradeMode\":0,\"positionStatus\":\"Normal\",\"autoAddMargin\":0,"
                + "\"adlRankIndicator\":2,\"leverage\":\"10\",\"positionBalance\":\"0\",\"markPrice\":\"30000.05\","
                + "\"liqPrice\":\"\",\"bustPrice\":\"\",\"positionMM\":\"0\",\"positionIM\":\"0\",\"tpslMode\":\"Full\","
                + "\"takeProfit\":\"0.00\",\"stopLoss\":\"0.00\",\"trailingStop\":\"0.00\",\"unrealisedPnl\":\"0\","
                + "\"curRealisedPnl\":\"0\",\"cumRealisedPnl\":\"0\",\"seq\":5723621632,\"isReduceOnly\":false,"
                + "\"createdTime\":\"1676538056258\",\"updatedTime\":\"1697673600012\"}";
        return "{\"list\":[" + entries + "],\"nextPageCursor\":\"\",\"category\":\"linear\"}";
    }

    /** docs/v5/account/fee-rate. */
    private static String feeRate() {
        return "{\"list\":[{\"symbol\":\"BTCUSDT\",\"takerFeeRate\":\"" + TAKER.toPlainString() + "\",\"makerFeeRate\":\""
                + MAKER.toPlainString() + "\"}]}";
    }

    private static String orderJson(Map<String, String> o) {
        BigDecimal filled = new BigDecimal(o.get("cumExecQty"));
        BigDecimal value = new BigDecimal(o.get("cumExecValue"));
        String average = filled.signum() == 0 ? "0" : value.divide(filled, 8, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
        BigDecimal leaves = isOpen(o) ? new BigDecimal(o.get("qty")).subtract(filled) : BigDecimal.ZERO;
        String feeDetail = new BigDecimal(o.get("cumFee")).signum() == 0 ? "{}"
                : "{\"" + o.get("feeCoin") + "\":\"" + o.get("cumFee") + "\"}";
        return "{\"orderId\":\"" + o.get("orderId") + "\",\"orderLinkId\":\"" + o.get("orderLinkId") + "\",\"blockTradeId\":\"\","
                + "\"symbol\":\"" + o.get("symbol") + "\",\"price\":\"" + o.get("price") + "\",\"qty\":\"" + o.get("qty")
                + "\",\"side\":\"" + o.get("side") + "\",\"isLeverage\":\"\",\"positionIdx\":0,\"orderStatus\":\""
                + o.get("orderStatus") + "\",\"cancelType\":\"UNKNOWN\",\"rejectReason\":\"" + o.get("rejectReason")
                + "\",\"avgPrice\":\"" + average + "\",\"leavesQty\":\"" + leaves.toPlainString() + "\",\"leavesValue\":\"0\","
                + "\"cumExecQty\":\"" + o.get("cumExecQty") + "\",\"cumExecValue\":\"" + o.get("cumExecValue")
                + "\",\"cumExecFee\":\"" + o.get("cumFee") + "\",\"timeInForce\":\"" + o.get("timeInForce")
                + "\",\"orderType\":\"" + o.get("orderType") + "\",\"stopOrderType\":\"UNKNOWN\",\"orderIv\":\"\","
                + "\"triggerPrice\":\"0.00\",\"takeProfit\":\"0.00\",\"stopLoss\":\"0.00\",\"tpTriggerBy\":\"\","
                + "\"slTriggerBy\":\"\",\"triggerDirection\":0,\"triggerBy\":\"UNKNOWN\",\"lastPriceOnCreated\":\"\","
                + "\"reduceOnly\":" + o.get("reduceOnly") + ",\"closeOnTrigger\":false,\"smpType\":\"None\",\"smpGroup\":0,"
                + "\"smpOrderId\":\"\",\"tpslMode\":\"\",\"tpLimitPrice\":\"\",\"slLimitPrice\":\"\",\"placeType\":\"\","
                + "\"createdTime\":\"" + o.get("createdTime") + "\",\"updatedTime\":\"" + o.get("updatedTime")
                + "\",\"cumFeeDetail\":" + feeDetail + "}";
    }

    private MockResponse authenticate(RecordedRequest request, String payload) {
        String key = request.getHeaders().get("X-BAPI-API-KEY");
        String timestamp = request.getHeaders().get("X-BAPI-TIMESTAMP");
        String recvWindow = request.getHeaders().get("X-BAPI-RECV-WINDOW");
        String sign = request.getHeaders().get("X-BAPI-SIGN");
        if (!API_KEY.equals(key)) {
            return refuse(10003, "API key is invalid.");
        }
        if (timestamp == null || !timestamp.matches("\\d{13}")) {
            return refuse(10002, "invalid request, please check your server timestamp or recv_window param");
        }
        String expected = sign(timestamp + key + (recvWindow == null ? "" : recvWindow) + payload);
        if (!expected.equalsIgnoreCase(sign == null ? "" : sign)) {
            return refuse(10004, "error sign! origin_string[" + timestamp + key + recvWindow + "]");
        }
        return null;
    }

    static String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(API_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** X-Bapi-Limit-* of the endpoint: the requests of the last second counted against its limit. */
    private MockResponse withLimitHeaders(MockResponse response, String path) {
        Integer limit = LIMITS.get(path);
        if (limit == null) {
            return response;
        }
        long now = System.currentTimeMillis();
        Deque<Long> times = recent.computeIfAbsent(path, p -> new ArrayDeque<>());
        times.addLast(now);
        while (!times.isEmpty() && times.peekFirst() <= now - 1000) {
            times.removeFirst();
        }
        int left = Math.max(0, limit - times.size());
        Integer reported = reportedStatus.get(path);
        int status = reported == null ? left : Math.min(left, reported);
        long reset = status == 0 ? now + 1000 : now;
        return new MockResponse.Builder(response).addHeader("X-Bapi-Limit", Integer.toString(limit))
                .addHeader("X-Bapi-Limit-Status", Integer.toString(status))
                .addHeader("X-Bapi-Limit-Reset-Timestamp", Long.toString(reset)).build();
    }

    private static boolean isOpen(Map<String, String> order) {
        return List.of("New", "PartiallyFilled").contains(order.get("orderStatus"));
    }

    private static boolean isSpot(Map<String, String> order) {
        return "spot".equals(order.get("category"));
    }

    private void move(String coin, BigDecimal amount) {
        wallet.put(coin, wallet(coin).add(amount));
    }

    private void lock(String coin, BigDecimal amount) {
        locked.put(coin, locked.getOrDefault(coin, BigDecimal.ZERO).add(amount));
    }

    private static MockResponse ok(String result) {
        return json(200, "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":" + result + ",\"retExtInfo\":{},\"time\":"
                + System.currentTimeMillis() + "}");
    }

    /** A refusal as Bybit sends it: HTTP 200 with the retCode. */
    static MockResponse refuse(int retCode, String retMsg) {
        return json(200, "{\"retCode\":" + retCode + ",\"retMsg\":\"" + retMsg + "\",\"result\":{},\"retExtInfo\":{},"
                + "\"time\":" + System.currentTimeMillis() + "}");
    }


    /** docs/v5/market/instrument, category spot: BTCUSDT and ETHBTC. */
    static final String SPOT_INSTRUMENTS = """
            {"category":"spot","list":[
             {"symbolId":9,"symbol":"BTCUSDT","baseCoin":"BTC","quoteCoin":"USDT","innovation":"0","status":"Trading",
              "marginTrading":"utaOnly","stTag":"0","lotSizeFilter":{"basePrecision":"0.000001","quotePrecision":"0.0000001",
              "minOrderQty":"0.000011","maxOrderQty":"83","minOrderAmt":"5","maxOrderAmt":"8000000","maxLimitOrderQty":"83",
              "maxMarketOrderQty":"41.5","postOnlyMaxLimitOrderSize":"60000"},"priceFilter":{"tickSize":"0.1"},
              "riskParameters":{"priceLimitRatioX":"0.005","priceLimitRatioY":"0.01"},"symbolType":""},
             {"symbolId":12,"symbol":"ETHBTC","baseCoin":"ETH","quoteCoin":"BTC","innovation":"0","status":"Trading",
              "marginTrading":"none","stTag":"0","lotSizeFilter":{"basePrecision":"0.0001","quotePrecision":"0.0000001",
              "minOrderQty":"0.0001","maxOrderQty":"500","minOrderAmt":"0.0001","maxOrderAmt":"100","maxLimitOrderQty":"500",
              "maxMarketOrderQty":"250","postOnlyMaxLimitOrderSize":"1000"},"priceFilter":{"tickSize":"0.000001"},
              "riskParameters":{"priceLimitRatioX":"0.005","priceLimitRatioY":"0.01"},"symbolType":""}]}""";

    /** docs/v5/market/instrument, category linear: the USDT perpetual BTCUSDT. */
    static final String LINEAR_INSTRUMENTS = """
            {"category":"linear","list":[
             {"symbol":"BTCUSDT","symbolId":5,"contractType":"LinearPerpetual","status":"Trading","baseCoin":"BTC",
              "quoteCoin":"USDT","launchTime":"1585526400000","deliveryTime":"0","deliveryFeeRate":"","priceScale":"2",
              "leverageFilter":{"minLeverage":"1","maxLeverage":"100.00","leverageStep":"0.01"},
              "priceFilter":{"minPrice":"0.10","maxPrice":"1999999.80","tickSize":"0.10"},
              "lotSizeFilter":{"maxOrderQty":"1190.000","minOrderQty":"0.001","qtyStep":"0.001",
               "postOnlyMaxOrderQty":"1190.000","maxMktOrderQty":"500.000","minNotionalValue":"5"},
              "unifiedMarginTrade":true,"fundingInterval":480,"settleCoin":"USDT","copyTrading":"both",
              "upperFundingRate":"0.00375","lowerFundingRate":"-0.00375","isPreListing":false,"preListingInfo":null,
              "riskParameters":{"priceLimitRatioX":"0.01","priceLimitRatioY":"0.02"},"symbolType":""}],
             "nextPageCursor":""}""";

    /** docs/v5/market/orderbook: [price, size]. */
    static final String BOOK = """
            {"s":"BTCUSDT","a":[["30000.1","2.006555"],["30000.6","0.4"],["30002","5"]],
             "b":[["30000","1.5"],["29999.5","0.75"],["29998","3.2"]],"ts":1716863719031,"u":230704,"seq":1432604333,
             "cts":1716863718905}""";

    /** docs/v5/market/recent-trade: newest first, side of the taker. */
    static final String SPOT_TRADES = """
            {"category":"spot","list":[
             {"execId":"2100000000007764263","symbol":"BTCUSDT","price":"30000","size":"0.00012","side":"Sell",
              "time":"1672052955758","isBlockTrade":false,"isRPITrade":false,"seq":"123457"},
             {"execId":"2100000000007764262","symbol":"BTCUSDT","price":"30000.1","size":"0.0031","side":"Buy",
              "time":"1672052955750","isBlockTrade":false,"isRPITrade":false,"seq":"123456"}]}""";

    static final String LINEAR_TRADES = """
            {"category":"linear","list":[
             {"execId":"8a9b1c2d-0000-4000-8000-000000000001","symbol":"BTCUSDT","price":"30000.1","size":"0.003",
              "side":"Buy","time":"1672052955758","isBlockTrade":false,"isRPITrade":false,"seq":"9001"}]}""";

    /** docs/v5/market/tickers, category linear (trimmed to the fields of one ticker the docs list). */
    static final String LINEAR_TICKERS = """
            {"category":"linear","list":[
             {"symbol":"BTCUSDT","lastPrice":"30000.10","indexPrice":"29998.92","markPrice":"30000.05",
              "prevPrice24h":"29500.90","price24hPcnt":"0.016925","highPrice24h":"30400.30","lowPrice24h":"29300.60",
              "prevPrice1h":"29980.10","openInterest":"240113.967","openInterestValue":"7203419059.79",
              "turnover24h":"1156907000.69","volume24h":"38713.832","fundingRate":"0.0001","nextFundingTime":"1760371200000",
              "predictedDeliveryPrice":"","basisRate":"","deliveryFeeRate":"","deliveryTime":"0","ask1Size":"2.006",
              "bid1Price":"30000.00","ask1Price":"30000.10","bid1Size":"1.5","basis":"","preOpenPrice":"","preQty":"",
              "curPreListingPhase":"","fundingIntervalHour":"8","basisRateYear":"","fundingCap":"0.005"}]}""";
}

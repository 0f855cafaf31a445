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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small OKX v5 venue: spot BTC-USDT (and ETH-BTC, another quote currency) in a cash account, the linear swap
 * BTC-USDT-SWAP (contracts of 0.01 BTC, cross margin, net mode, leverage 10), a fixed book, orders that rest, fill
 * against the touch or are refused as OKX refuses them. Every answer has the shape of the response example on its
 * endpoint's page of https://www.okx.com/docs-v5/en/ ({"code":"0","msg":"","data":[...]}, decimals as strings,
 * order entry refusals as code "1" with the order's sCode and sMsg); every private request's OK-ACCESS-SIGN is
 * checked as OKX documents: base64 of HMAC-SHA256 over timestamp + method + request path (with "?query" for a GET)
 * + body, with the OK-ACCESS-KEY and OK-ACCESS-PASSPHRASE headers.
 */
final class OkxStub extends StubVenue {
    static final String API_KEY = "985d5b66-57ce-40fb-b714-afc0b9787083";
    static final String API_SECRET = "1A9E86759F2D2AA16E389FD4D3E3B2D7";
    static final String PASSPHRASE = "huracan-test-passphrase";
    /** Lv1 rates as OKX states them: negative = charged. */
    static final BigDecimal MAKER = new BigDecimal("0.0008");
    static final BigDecimal TAKER = new BigDecimal("0.001");
    static final BigDecimal BEST_BID = new BigDecimal("30000.0");
    static final BigDecimal BEST_ASK = new BigDecimal("30000.1");
    static final BigDecimal CONTRACT = new BigDecimal("0.01");
    static final BigDecimal LEVERAGE = BigDecimal.TEN;
    static final String SWAP = "BTC-USDT-SWAP";
    static final String SPOT = "BTC-USDT";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Map<String, String>> ordersByClOrdId = new LinkedHashMap<>();
    private final Map<String, BigDecimal> cash = new HashMap<>();
    private final Map<String, BigDecimal> frozen = new HashMap<>();
    private BigDecimal swapContracts = BigDecimal.ZERO;
    private BigDecimal swapAveragePrice = BigDecimal.ZERO;
    private long nextOrderId = 312269865356374016L;
    private long nextTradeId = 242720720;

    OkxStub() throws IOException {
        cash.put("USDT", new BigDecimal("10000"));
        cash.put("BTC", new BigDecimal("1"));
        start();
    }

    synchronized BigDecimal cash(String currency) {
        return cash.getOrDefault(currency, BigDecimal.ZERO);
    }

    /** Fills part of a resting order at its price, as if another client's order had crossed it (maker fee). */
    synchronized void fillResting(String clOrdId, BigDecimal size) {
        Map<String, String> order = ordersByClOrdId.get(clOrdId);
        BigDecimal price = new BigDecimal(order.get("px"));
        execute(order, size, price, MAKER);
        BigDecimal filled = new BigDecimal(order.get("accFillSz"));
        order.put("state", filled.compareTo(new BigDecimal(order.get("sz"))) == 0 ? "filled" : "partially_filled");
        if (!isSwap(order)) {
            boolean buy = "buy".equals(order.get("side"));
            unfreeze(buy ? "USDT" : "BTC", buy ? price.multiply(size) : size);
        }
    }

    @Override
    protected MockResponse answer(RecordedRequest request, String path) {
        String query = request.getUrl().encodedQuery() == null ? "" : request.getUrl().encodedQuery();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        Map<String, String> params = params(query);
        if (path.startsWith("/api/v5/trade/") || path.startsWith("/api/v5/account/")) {
            MockResponse refused = authenticate(request, path, query, body);
            if (refused != null) {
                return refused;
            }
        }
        try {
            return switch (request.getMethod() + " " + path) {
                case "GET /api/v5/public/instruments" -> ok(instruments(params.get("instType")));
                case "GET /api/v5/market/books" -> ok(BOOK);
                case "GET /api/v5/market/trades" -> ok(SPOT.equals(params.get("instId")) ? SPOT_TRADES : SWAP_TRADES);
                case "GET /api/v5/public/funding-rate" -> ok(FUNDING);
                case "POST /api/v5/trade/order" -> place(JSON.readTree(body));
                case "GET /api/v5/trade/order" -> queryOrder(params.get("clOrdId"));
                case "POST /api/v5/trade/cancel-order" -> cancel(JSON.readTree(body));
                case "GET /api/v5/trade/orders-pending" -> ok(pending(params.get("instType")));
                case "GET /api/v5/account/balance" -> ok(balance());
                case "GET /api/v5/account/positions" -> ok(positions());
                case "GET /api/v5/account/trade-fee" -> ok(tradeFee(params.get("instType")));
                default -> json(404, "{\"msg\":\"Not Found\",\"code\":404}");
            };
        } catch (IOException e) {
            return error(400, "50002", "JSON syntax error");
        }
    }

    /** POST /api/v5/trade/order (#order-book-trading-trade-post-place-order). */
    private MockResponse place(JsonNode body) {
        String clOrdId = body.path("clOrdId").asText();
        String instId = body.path("instId").asText();
        if (!clOrdId.matches("[A-Za-z0-9]{1,32}")) {
            return orderRefused(clOrdId, "51000", "Parameter clOrdId error");
        }
        if (ordersByClOrdId.containsKey(clOrdId)) {
            return orderRefused(clOrdId, "51016", "Duplicated clOrdId");
        }
        boolean swap = SWAP.equals(instId);
        boolean buy = "buy".equals(body.path("side").asText());
        String ordType = body.path("ordType").asText();
        BigDecimal size = new BigDecimal(body.path("sz").asText());
        BigDecimal coins = swap ? size.multiply(CONTRACT) : size;
        boolean market = "market".equals(ordType);
        BigDecimal price = market ? (buy ? BEST_ASK : BEST_BID) : new BigDecimal(body.path("px").asText());
        if (market && !swap && !"base_ccy".equals(body.path("tgtCcy").asText())) {
            return orderRefused(clOrdId, "51000", "Parameter sz error"); // would read the size in USDT
        }
        boolean crosses = buy ? price.compareTo(BEST_ASK) >= 0 : price.compareTo(BEST_BID) <= 0;
        BigDecimal notional = price.multiply(coins);
        BigDecimal available = cash("USDT").subtract(frozen.getOrDefault("USDT", BigDecimal.ZERO));
        if (swap ? notional.divide(LEVERAGE, 8, RoundingMode.UP).compareTo(available) > 0
                : buy ? notional.compareTo(available) > 0
                : coins.compareTo(cash("BTC").subtract(frozen.getOrDefault("BTC", BigDecimal.ZERO))) > 0) {
            return orderRefused(clOrdId, "51008", "Order failed. Insufficient " + (buy || swap ? "USDT" : "BTC")
                    + " balance in account.");
        }
        long now = System.currentTimeMillis();
        Map<String, String> order = new LinkedHashMap<>();
        order.put("instType", swap ? "SWAP" : "SPOT");
        order.put("instId", instId);
        order.put("ordId", Long.toString(nextOrderId++));
        order.put("clOrdId", clOrdId);
        order.put("px", market ? "" : body.path("px").asText());
        order.put("sz", body.path("sz").asText());
        order.put("ordType", ordType);
        order.put("side", buy ? "buy" : "sell");
        order.put("tdMode", body.path("tdMode").asText());
        order.put("state", "live");
        order.put("accFillSz", "0");
        order.put("avgPx", "0");
        order.put("fee", "0");
        order.put("feeCcy", swap || !buy ? "USDT" : "BTC");
        order.put("cancelSource", "");
        order.put("reduceOnly", Boolean.toString(body.path("reduceOnly").asBoolean(false)));
        order.put("cTime", Long.toString(now));
        order.put("uTime", Long.toString(now));
        ordersByClOrdId.put(clOrdId, order);
        if ("post_only".equals(ordType) && crosses) {
            order.put("state", "canceled");
            order.put("cancelSource", "31"); // the post-only order would have taken liquidity
        } else if (crosses) {
            execute(order, size, buy ? BEST_ASK : BEST_BID, TAKER);
            order.put("state", "filled");
        } else if ("ioc".equals(ordType) || market) {
            order.put("state", "canceled");
            order.put("cancelSource", "14"); // an IOC's unfilled part
        } else if (!swap) {
            freeze(buy ? "USDT" : "BTC", buy ? notional : coins);
        }
        return ok("[{\"clOrdId\":\"" + clOrdId + "\",\"ordId\":\"" + order.get("ordId") + "\",\"tag\":\"\",\"ts\":\""
                + now + "\",\"sCode\":\"0\",\"sMsg\":\"Order placed\"}],\"inTime\":\"" + now * 1000 + "\",\"outTime\":\""
                + now * 1000 + "\"");
    }

    /** Fills {@code size} (the instrument's unit) at {@code price}, charging {@code rate} as OKX does. */
    private void execute(Map<String, String> order, BigDecimal size, BigDecimal price, BigDecimal rate) {
        boolean swap = isSwap(order);
        boolean buy = "buy".equals(order.get("side"));
        BigDecimal coins = swap ? size.multiply(CONTRACT) : size;
        BigDecimal notional = price.multiply(coins);
        BigDecimal fee;
        if (swap) {
            fee = notional.multiply(rate).setScale(8, RoundingMode.HALF_UP);
            move("USDT", fee.negate());
            BigDecimal signed = buy ? size : size.negate();
            BigDecimal total = swapContracts.add(signed);
            swapAveragePrice = total.signum() == 0 ? BigDecimal.ZERO
                    : swapAveragePrice.multiply(swapContracts.abs()).add(price.multiply(size))
                    .divide(swapContracts.abs().add(size), 8, RoundingMode.HALF_UP);
            swapContracts = total;
        } else if (buy) {
            fee = coins.multiply(rate).setScale(12, RoundingMode.HALF_UP); // a spot buy pays its fee in the coin
            move("USDT", notional.negate());
            move("BTC", coins.subtract(fee));
        } else {
            fee = notional.multiply(rate).setScale(8, RoundingMode.HALF_UP);
            move("BTC", coins.negate());
            move("USDT", notional.subtract(fee));
        }
        BigDecimal before = new BigDecimal(order.get("accFillSz"));
        BigDecimal filled = before.add(size);
        BigDecimal average = new BigDecimal(order.get("avgPx")).multiply(before).add(price.multiply(size))
                .divide(filled, 8, RoundingMode.HALF_UP);
        order.put("accFillSz", filled.toPlainString());
        order.put("avgPx", average.stripTrailingZeros().toPlainString());
        order.put("fee", new BigDecimal(order.get("fee")).subtract(fee).toPlainString());
        order.put("uTime", Long.toString(System.currentTimeMillis()));
        nextTradeId++;
    }

    /** GET /api/v5/trade/order (#order-book-trading-trade-get-order-details): 51603 when unknown. */
    private MockResponse queryOrder(String clOrdId) {
        Map<String, String> order = ordersByClOrdId.get(clOrdId);
        return order == null ? error(200, "51603", "Order does not exist") : ok("[" + orderJson(order) + "]");
    }

    /** POST /api/v5/trade/cancel-order (#order-book-trading-trade-post-cancel-order). */
    private MockResponse cancel(JsonNode body) {
        String clOrdId = body.path("clOrdId").asText();
        Map<String, String> order = ordersByClOrdId.get(clOrdId);
        if (order == null || !isOpen(order)) {
            return orderRefused(clOrdId, "51400",
                    "Order cancellation failed as the order has been filled, canceled or does not exist");
        }
        order.put("state", "canceled");
        order.put("cancelSource", "1"); // cancelled by the user
        order.put("uTime", Long.toString(System.currentTimeMillis()));
        if (!isSwap(order)) {
            BigDecimal remaining = new BigDecimal(order.get("sz")).subtract(new BigDecimal(order.get("accFillSz")));
            boolean buy = "buy".equals(order.get("side"));
            unfreeze(buy ? "USDT" : "BTC", buy ? remaining.multiply(new BigDecimal(order.get("px"))) : remaining);
        }
        return ok("[{\"clOrdId\":\"" + clOrdId + "\",\"ordId\":\"" + order.get("ordId") + "\",\"ts\":\""
                + System.currentTimeMillis() + "\",\"sCode\":\"0\",\"sMsg\":\"\"}]");
    }

    private String pending(String instType) {
        List<String> open = new ArrayList<>();
        ordersByClOrdId.values().stream().filter(o -> isOpen(o) && o.get("instType").equals(instType))
                .forEach(o -> open.add(orderJson(o)));
        return "[" + String.join(",", open) + "]";
    }

    /** GET /api/v5/account/balance (#trading-account-rest-api-get-balance). */
    private String balance() {
        List<String> details = new ArrayList<>();
        for (String ccy : List.of("BTC", "USDT")) {
            BigDecimal held = frozen.getOrDefault(ccy, BigDecimal.ZERO);
            details.add("{\"availBal\":\"" + cash(ccy).subtract(held).toPlainString() + "\",\"availEq\":\""
                    + cash(ccy).subtract(held).toPlainString() + "\",\"cashBal\":\"" + cash(ccy).toPlainString()
                    + "\",\"ccy\":\"" + ccy + "\",\"crossLiab\":\"\",\"disEq\":\"\",\"eq\":\"" + cash(ccy).toPlainString()
                    + "\",\"eqUsd\":\"\",\"fixedBal\":\"0\",\"frozenBal\":\"" + held.toPlainString()
                    + "\",\"imr\":\"\",\"interest\":\"\",\"isoEq\":\"0\",\"isoLiab\":\"\",\"isoUpl\":\"0\",\"liab\":\"\","
                    + "\"maxLoan\":\"\",\"mgnRatio\":\"\",\"mmr\":\"\",\"notionalLever\":\"\",\"ordFrozen\":\""
                    + held.toPlainString() + "\",\"rewardBal\":\"0\",\"spotInUseAmt\":\"\",\"stgyEq\":\"0\",\"twap\":\"0\","
                    + "\"uTime\":\"1705449605015\",\"upl\":\"0\",\"uplLiab\":\"\"}");
        }
        return "[{\"adjEq\":\"\",\"borrowFroz\":\"\",\"details\":[" + String.join(",", details) + "],\"imr\":\"\","
                + "\"isoEq\":\"0\",\"mgnRatio\":\"\",\"mmr\":\"\",\"notionalUsd\":\"\",\"ordFroz\":\"\",\"totalEq\":\""
                + cash("USDT").toPlainString() + "\",\"uTime\":\"1705474164160\",\"upl\":\"\"}]";
    }

    /** GET /api/v5/account/positions (#trading-account-rest-api-get-positions): net mode, pos in contracts. */
    private String positions() {
        if (swapContracts.signum() == 0) {
            return "[]";
        }
        return "[{\"adl\":\"1\",\"availPos\":\"\",\"avgPx\":\"" + swapAveragePrice.toPlainString() + "\",\"cTime\":"
                + "\"1619507758793\",\"ccy\":\"USDT\",\"imr\":\"\",\"instId\":\"" + SWAP + "\",\"instType\":\"SWAP\","
                + "\"interest\":\"\",\"last\":\"30000.1\",\"lever\":\"10\",\"liab\":\"\",\"liabCcy\":\"\",\"liqPx\":\"\","
                + "\"margin\":\"\",\"markPx\":\"30000.05\",\"mgnMode\":\"cross\",\"mgnRatio\":\"\",\"mmr\":\"\","
                + "\"notionalUsd\":\"\",\"optVal\":\"\",\"pos\":\"" + swapContracts.toPlainString() + "\",\"posCcy\":\"\","
                + "\"posId\":\"307173036051017730\",\"posSide\":\"net\",\"tradeId\":\"" + nextTradeId + "\",\"uTime\":"
                + "\"1619507761462\",\"upl\":\"0\",\"uplRatio\":\"0\"}]";
    }

    /** GET /api/v5/account/trade-fee (#trading-account-rest-api-get-fee-rates). */
    private static String tradeFee(String instType) {
        return "[{\"category\":\"1\",\"delivery\":\"\",\"exercise\":\"\",\"instType\":\"" + instType + "\",\"level\":\"Lv1\","
                + "\"maker\":\"-" + MAKER.toPlainString() + "\",\"makerU\":\"\",\"makerUSDC\":\"\",\"taker\":\"-"
                + TAKER.toPlainString() + "\",\"takerU\":\"\",\"takerUSDC\":\"\",\"ts\":\"1608623626000\"}]";
    }

    private static String instruments(String instType) {
        return "SWAP".equals(instType) ? SWAP_INSTRUMENTS : SPOT_INSTRUMENTS;
    }

    private static String orderJson(Map<String, String> o) {
        return "{\"accFillSz\":\"" + o.get("accFillSz") + "\",\"avgPx\":\"" + o.get("avgPx") + "\",\"cTime\":\""
                + o.get("cTime") + "\",\"cancelSource\":\"" + o.get("cancelSource") + "\",\"cancelSourceReason\":\"\","
                + "\"category\":\"normal\",\"ccy\":\"\",\"clOrdId\":\"" + o.get("clOrdId") + "\",\"fee\":\"" + o.get("fee")
                + "\",\"feeCcy\":\"" + o.get("feeCcy") + "\",\"fillPx\":\"\",\"fillSz\":\"\",\"fillTime\":\"\",\"instId\":\""
                + o.get("instId") + "\",\"instType\":\"" + o.get("instType") + "\",\"lever\":\"\",\"ordId\":\""
                + o.get("ordId") + "\",\"ordType\":\"" + o.get("ordType") + "\",\"pnl\":\"0\",\"posSide\":\"net\","
                + "\"px\":\"" + o.get("px") + "\",\"rebate\":\"0\",\"rebateCcy\":\"" + o.get("feeCcy") + "\",\"reduceOnly\":\""
                + o.get("reduceOnly") + "\",\"side\":\"" + o.get("side") + "\",\"slOrdPx\":\"\",\"slTriggerPx\":\"\","
                + "\"source\":\"\",\"state\":\"" + o.get("state") + "\",\"stpId\":\"\",\"stpMode\":\"cancel_maker\",\"sz\":\""
                + o.get("sz") + "\",\"tag\":\"\",\"tdMode\":\"" + o.get("tdMode") + "\",\"tgtCcy\":\"\",\"tpOrdPx\":\"\","
                + "\"tpTriggerPx\":\"\",\"tradeId\":\"\",\"uTime\":\"" + o.get("uTime") + "\"}";
    }

    private MockResponse authenticate(RecordedRequest request, String path, String query, String body) {
        String key = request.getHeaders().get("OK-ACCESS-KEY");
        String timestamp = request.getHeaders().get("OK-ACCESS-TIMESTAMP");
        String sign = request.getHeaders().get("OK-ACCESS-SIGN");
        if (key == null || key.isEmpty()) {
            return error(401, "50103", "Request header OK-ACCESS-KEY cannot be empty.");
        }
        if (!API_KEY.equals(key)) {
            return error(401, "50111", "Invalid OK-ACCESS-KEY.");
        }
        if (!PASSPHRASE.equals(request.getHeaders().get("OK-ACCESS-PASSPHRASE"))) {
            return error(401, "50105", "Request header OK-ACCESS-PASSPHRASE incorrect.");
        }
        if (timestamp == null || !timestamp.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z")) {
            return error(401, "50112", "Invalid OK-ACCESS-TIMESTAMP.");
        }
        String requestPath = path + ("GET".equals(request.getMethod()) && !query.isEmpty() ? "?" + query : "");
        if (sign == null || !sign.equals(sign(timestamp + request.getMethod() + requestPath + body))) {
            return error(401, "50113", "Invalid Sign.");
        }
        return null;
    }

    static String sign(String preHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(API_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(preHash.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isOpen(Map<String, String> order) {
        return List.of("live", "partially_filled").contains(order.get("state"));
    }

    private static boolean isSwap(Map<String, String> order) {
        return "SWAP".equals(order.get("instType"));
    }

    private void move(String currency, BigDecimal amount) {
        cash.put(currency, cash(currency).add(amount));
    }

    private void freeze(String currency, BigDecimal amount) {
        frozen.put(currency, frozen.getOrDefault(currency, BigDecimal.ZERO).add(amount));
    }

    private void unfreeze(String currency, BigDecimal amount) {
        freeze(currency, amount.negate());
    }

    private static MockResponse ok(String data) {
        return json(200, "{\"code\":\"0\",\"msg\":\"\",\"data\":" + data + "}");
    }

    /** Order entry refused: code "1", the order's own sCode and sMsg (HTTP 200). */
    private static MockResponse orderRefused(String clOrdId, String sCode, String sMsg) {
        long now = System.currentTimeMillis();
        return json(200, "{\"code\":\"1\",\"data\":[{\"clOrdId\":\"" + clOrdId + "\",\"ordId\":\"\",\"sCode\":\"" + sCode
                + "\",\"sMsg\":\"" + sMsg + "\",\"tag\":\"\",\"ts\":\"" + now + "\"}],\"inTime\":\"" + now * 1000
                + "\",\"msg\":\"All operations failed\",\"outTime\":\"" + now * 1000 + "\"}");
    }

    static MockResponse error(int status, String code, String message) {
        return json(status, "{\"code\":\"" + code + "\",\"data\":[],\"msg\":\"" + message + "\"}");
    }


    /** GET /api/v5/public/instruments?instType=SPOT (#public-data-rest-api-get-instruments), trimmed to two. */
    static final String SPOT_INSTRUMENTS = """
            [{"alias":"","auctionEndTime":"","baseCcy":"BTC","category":"1","ctMult":"","ctType":"","ctVal":"","ctValCcy":"",
              "expTime":"","instFamily":"","instId":"BTC-USDT","instType":"SPOT","lever":"10","listTime":"1606468572000",
              "lotSz":"0.00000001","maxIcebergSz":"9999999999.0000000000000000","maxLmtAmt":"1000000","maxLmtSz":"9999999999",
              "maxMktAmt":"1000000","maxMktSz":"","maxStopSz":"","maxTriggerSz":"9999999999.0000000000000000",
              "maxTwapSz":"9999999999.0000000000000000","minSz":"0.00001","optType":"","quoteCcy":"USDT","ruleType":"normal",
              "settleCcy":"","state":"live","stk":"","tickSz":"0.1","uly":""},
             {"alias":"","auctionEndTime":"","baseCcy":"ETH","category":"1","ctMult":"","ctType":"","ctVal":"","ctValCcy":"",
              "expTime":"","instFamily":"","instId":"ETH-BTC","instType":"SPOT","lever":"","listTime":"1606468572000",
              "lotSz":"0.000001","maxIcebergSz":"","maxLmtAmt":"","maxLmtSz":"","maxMktAmt":"","maxMktSz":"","maxStopSz":"",
              "maxTriggerSz":"","maxTwapSz":"","minSz":"0.001","optType":"","quoteCcy":"BTC","ruleType":"normal",
              "settleCcy":"","state":"live","stk":"","tickSz":"0.00001","uly":""}]""";

    /** GET /api/v5/public/instruments?instType=SWAP: the linear BTC swap, and an inverse one that is not ours. */
    static final String SWAP_INSTRUMENTS = """
            [{"alias":"","auctionEndTime":"","baseCcy":"","category":"1","ctMult":"1","ctType":"linear","ctVal":"0.01",
              "ctValCcy":"BTC","expTime":"","instFamily":"BTC-USDT","instId":"BTC-USDT-SWAP","instType":"SWAP","lever":"100",
              "listTime":"1573557408000","lotSz":"0.01","maxIcebergSz":"100000000.0000000000000000","maxLmtAmt":"20000000",
              "maxLmtSz":"100000000","maxMktAmt":"","maxMktSz":"12000","maxStopSz":"12000",
              "maxTriggerSz":"100000000.0000000000000000","maxTwapSz":"100000000.0000000000000000","minSz":"0.01",
              "optType":"","quoteCcy":"","ruleType":"normal","settleCcy":"USDT","state":"live","stk":"","tickSz":"0.1",
              "uly":"BTC-USDT"},
             {"alias":"","auctionEndTime":"","baseCcy":"","category":"1","ctMult":"1","ctType":"inverse","ctVal":"100",
              "ctValCcy":"USD","expTime":"","instFamily":"BTC-USD","instId":"BTC-USD-SWAP","instType":"SWAP","lever":"100",
              "listTime":"1535424203000","lotSz":"1","maxIcebergSz":"","maxLmtAmt":"","maxLmtSz":"","maxMktAmt":"",
              "maxMktSz":"","maxStopSz":"","maxTriggerSz":"","maxTwapSz":"","minSz":"1","optType":"","quoteCcy":"",
              "ruleType":"normal","settleCcy":"BTC","state":"live","stk":"","tickSz":"0.1","uly":"BTC-USD"}]""";

    /**
     * GET /api/v5/market/books (#order-book-trading-market-data-get-order-book): [price, size, "0", orders]; the size
     * is coins for spot and contracts for swaps (the same book serves both here).
     */
    static final String BOOK = """
            [{"asks":[["30000.1","200","0","4"],["30000.6","40","0","1"],["30002","500","0","9"]],
              "bids":[["30000","150","0","3"],["29999.5","75","0","2"],["29998","320","0","6"]],
              "ts":"1629966436396"}]""";

    /** GET /api/v5/market/trades (#order-book-trading-market-data-get-trades): newest first, side of the taker. */
    static final String SPOT_TRADES = """
            [{"instId":"BTC-USDT","side":"sell","sz":"0.00013669","px":"30000","source":"0","tradeId":"734864333",
              "ts":"1747087163557"},
             {"instId":"BTC-USDT","side":"buy","sz":"0.0000125","px":"30000.1","source":"0","tradeId":"734864332",
              "ts":"1747087161666"}]""";

    static final String SWAP_TRADES = """
            [{"instId":"BTC-USDT-SWAP","side":"buy","sz":"3","px":"30000.1","source":"0","tradeId":"242720720",
              "ts":"1747087163557"}]""";

    /** GET /api/v5/public/funding-rate (#public-data-rest-api-get-funding-rate). */
    static final String FUNDING = """
            [{"formulaType":"noRate","fundingRate":"0.0000792386885340","fundingTime":"1703088000000","impactValue":"",
              "instId":"BTC-USDT-SWAP","instType":"SWAP","interestRate":"","maxFundingRate":"0.00375","method":"current_period",
              "minFundingRate":"-0.00375","nextFundingRate":"","nextFundingTime":"1703116800000",
              "premium":"0.0001233824646391","settFundingRate":"0.0001418433662153","settState":"settled",
              "ts":"1703070685309"}]""";
}

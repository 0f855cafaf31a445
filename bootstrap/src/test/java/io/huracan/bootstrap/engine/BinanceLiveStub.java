package io.huracan.bootstrap.engine;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Binance spot on one local server, as its spot API documentation shows it, for an engine whose venue is Binance:
 * the combined-stream websocket ({@code /stream?streams=btcusdt@depth@100ms/btcusdt@trade/...}, each event wrapped as
 * {@code {"stream":..,"data":..}}: diff depth with {@code U}/{@code u}, and trades), REST {@code exchangeInfo}
 * (BTCUSDT and ETHUSDT), {@code depth} snapshots of the book as the diffs pushed so far left it (at the last diff's
 * id, or {@link #SNAPSHOT_ID} before any), and the signed order endpoints: {@code POST /api/v3/order} (MARKET orders
 * fill against the book top at once, FULL response with the 0.1 % commission in the asset received; LIMIT_MAKER
 * orders rest, or are refused when they would take), {@code GET /api/v3/order} (failing on request with 429 or a
 * 5xx), {@code DELETE /api/v3/order}, {@code GET /api/v3/openOrders} and {@code GET /api/v3/account} (1,000,000
 * USDT unless a test sets another balance, or refused). Every request is kept for the test to read. Each book starts at 99 / 101, 1 each.
 */
public final class BinanceLiveStub implements AutoCloseable {
    static final long SNAPSHOT_ID = 100;
    /** Binance's VIP0 spot commission, 0.1 %. */
    private static final BigDecimal COMMISSION = new BigDecimal("0.001");

    private final MockWebServer server = new MockWebServer();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Map<String, Book> books = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Orders by client order id, each as the field map Binance's order queries answer with. */
    private final Map<String, Map<String, String>> orders = new LinkedHashMap<>();
    /** HTTP statuses the next order queries answer with instead of the order, one each, oldest first. */
    private final Queue<Integer> queryFailures = new ConcurrentLinkedQueue<>();
    /** GET /api/v3/account: the USDT balance, free and locked, or the HTTP status and Binance code it fails with. */
    private volatile String usdtFree = "1000000.00000000";
    private volatile String usdtLocked = "0.00000000";
    private volatile int accountFailure;
    private long nextOrderId = 28;
    private long nextTradeId = 56;

    /** One open websocket and the streams its URL asked for. */
    record Socket(WebSocket webSocket, Set<String> streams) {
    }

    /** A REST request as it arrived: its parameters from the query string and the form body together. */
    public record Request(String method, String path, String apiKey, String query, String body,
                          Map<String, String> params) {
        /** Signed as Binance documents it: HMAC-SHA256 over the query string followed by the body, hex. */
        public boolean signedWith(String secret) {
            String signature = params.get("signature");
            if (signature == null) {
                return false;
            }
            String signed = withoutSignature(query) + withoutSignature(body);
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)))
                        .equalsIgnoreCase(signature);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String withoutSignature(String encoded) {
            return encoded.replaceAll("&?signature=[0-9a-fA-F]+", "");
        }
    }

    public BinanceLiveStub() throws IOException {
        for (String symbol : List.of("BTCUSDT", "ETHUSDT")) {
            Book book = new Book();
            book.bids.put(new BigDecimal("99.00000000"), new BigDecimal("1.00000000"));
            book.asks.put(new BigDecimal("101.00000000"), new BigDecimal("1.00000000"));
            books.put(symbol, book);
        }
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        server.start();
    }

    public String restUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** The base xchange-stream appends {@code stream?streams=...} to. */
    public String streamUrl() {
        return "ws://127.0.0.1:" + server.getPort() + "/";
    }

    /** Streams requested by the open websockets. */
    Set<String> streamed() {
        return Set.copyOf(open.stream().flatMap(s -> s.streams().stream()).toList());
    }

    /**
     * An engine config (YAML) trading BTC and ETH live on this venue and its stream, paper off, the metrics endpoint on
     * {@code metricsPort} and the model registry under {@code registry}. {@code binanceKeys}: more keys of
     * engine.exchanges.binance, {@code "key: value, key: value"}; {@code more}: YAML appended to the engine section.
     */
    public String liveConfig(int metricsPort, Path registry, String binanceKeys, String more) {
        return """
                engine:
                  universe:
                    active_coins: 2
                    coins:
                      - {symbol: BTC, sector: layer1, exchanges: [binance]}
                      - {symbol: ETH, sector: layer1, exchanges: [binance]}
                  exchanges:
                    paper: {enabled: false}
                    binance:
                      enabled: true
                      base_url: "%s"
                      stream: {enabled: true, url: "%s"}
                      %s
                  observability: {port: %d}
                  registry: {path: "%s"}
                """.formatted(restUrl(), streamUrl(), String.join("\n      ", binanceKeys.split(", ")), metricsPort,
                registry) + more;
    }

    /** The REST requests received so far, oldest first. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The REST requests received so far with this method and path, oldest first. */
    public List<Request> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    /** Replaces a symbol's book with one level a side, before any diff (what the first snapshot shows). */
    void book(String symbol, String bidPrice, String bidQuantity, String askPrice, String askQuantity) {
        Book book = books.get(symbol);
        synchronized (book) {
            book.bids.clear();
            book.asks.clear();
            book.bids.put(new BigDecimal(bidPrice), new BigDecimal(bidQuantity));
            book.asks.put(new BigDecimal(askPrice), new BigDecimal(askQuantity));
        }
    }

    /** Pushes one diff depth event ({@code U} = {@code u} = {@code updateId}) setting the quantities at 99 and 101. */
    void depthUpdate(String symbol, long updateId, String bidQuantity, String askQuantity) {
        push(symbol, updateId, Map.of(new BigDecimal("99.00000000"), new BigDecimal(bidQuantity)),
                Map.of(new BigDecimal("101.00000000"), new BigDecimal(askQuantity)));
    }

    /**
     * Moves the book to one new level a side: one diff (the next update id) that removes every other level
     * (quantity 0, as Binance removes a level) and sets the new ones.
     */
    void moveTop(String symbol, BigDecimal bidPrice, String bidQuantity, BigDecimal askPrice, String askQuantity) {
        Book book = books.get(symbol);
        Map<BigDecimal, BigDecimal> bids = new TreeMap<>();
        Map<BigDecimal, BigDecimal> asks = new TreeMap<>();
        long updateId;
        synchronized (book) {
            book.bids.keySet().forEach(price -> bids.put(price, BigDecimal.ZERO));
            book.asks.keySet().forEach(price -> asks.put(price, BigDecimal.ZERO));
            updateId = book.lastUpdateId + 1;
        }
        bids.put(bidPrice, new BigDecimal(bidQuantity));
        asks.put(askPrice, new BigDecimal(askQuantity));
        push(symbol, updateId, bids, asks);
    }

    /** Pushes one trade event; {@code buyerMaker} false: the buyer took liquidity (an aggressive buy). */
    void trade(String symbol, BigDecimal price, String quantity, boolean buyerMaker) {
        long now = System.currentTimeMillis();
        long id;
        synchronized (this) {
            id = nextTradeId++;
        }
        send(symbol.toLowerCase() + "@trade", "{\"e\":\"trade\",\"E\":" + now + ",\"s\":\"" + symbol + "\",\"t\":" + id
                + ",\"p\":\"" + plain(price) + "\",\"q\":\"" + quantity + "\",\"T\":" + now + ",\"m\":" + buyerMaker
                + ",\"M\":true}");
    }

    /** What GET /api/v3/account answers for USDT from now on (the default: 1,000,000 free, the paper book's balance). */
    public void usdtBalance(String free, String locked) {
        usdtFree = free;
        usdtLocked = locked;
    }

    /** GET /api/v3/account fails from now on as Binance refuses a key without the permission: HTTP 401, -2015. */
    public void refuseAccount() {
        accountFailure = 401;
    }

    /**
     * The next order queries ({@code GET /api/v3/order}) fail, one per status, as Binance fails them: 429 with its
     * -1003 body and a Retry-After of one second, a 5xx with -1001 ("Internal error").
     */
    void failOrderQueries(int... statuses) {
        for (int status : statuses) {
            queryFailures.add(status);
        }
    }

    /** Fills part of a resting order at its limit price, as another client's order crossing it would. */
    synchronized void fillResting(String clientOrderId, BigDecimal quantity) {
        Map<String, String> order = orders.get(clientOrderId);
        BigDecimal price = new BigDecimal(order.get("price"));
        BigDecimal executed = new BigDecimal(order.get("executedQty")).add(quantity);
        order.put("executedQty", plain(executed));
        order.put("cummulativeQuoteQty", plain(new BigDecimal(order.get("cummulativeQuoteQty")).add(price.multiply(quantity))));
        order.put("status", executed.compareTo(new BigDecimal(order.get("origQty"))) == 0 ? "FILLED" : "PARTIALLY_FILLED");
        order.put("updateTime", Long.toString(System.currentTimeMillis()));
    }

    /** A LIMIT_MAKER buy placed on the account by someone else (by hand, another program); it rests. */
    void placedByHand(String clientOrderId, String symbol, String price, String quantity) {
        newOrder(Map.of("newClientOrderId", clientOrderId, "symbol", symbol, "side", "BUY", "type", "LIMIT_MAKER",
                "price", price, "quantity", quantity));
    }

    /** Applies a diff to the book and sends it as Binance's {@code depthUpdate} event. */
    private void push(String symbol, long updateId, Map<BigDecimal, BigDecimal> bids, Map<BigDecimal, BigDecimal> asks) {
        Book book = books.get(symbol);
        synchronized (book) {
            apply(book.bids, bids);
            apply(book.asks, asks);
            book.lastUpdateId = updateId;
        }
        send(symbol.toLowerCase() + "@depth@100ms", "{\"e\":\"depthUpdate\",\"E\":" + System.currentTimeMillis()
                + ",\"s\":\"" + symbol + "\",\"U\":" + updateId + ",\"u\":" + updateId + ",\"b\":" + levels(bids.entrySet())
                + ",\"a\":" + levels(asks.entrySet()) + "}");
    }

    private static void apply(TreeMap<BigDecimal, BigDecimal> side, Map<BigDecimal, BigDecimal> levels) {
        levels.forEach((price, quantity) -> {
            if (quantity.signum() == 0) {
                side.remove(price);
            } else {
                side.put(price, quantity);
            }
        });
    }

    private void send(String stream, String data) {
        for (Socket socket : open) {
            if (socket.streams().contains(stream)) {
                socket.webSocket().send("{\"stream\":\"" + stream + "\",\"data\":" + data + "}");
            }
        }
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String query = request.getUrl().encodedQuery() == null ? "" : request.getUrl().encodedQuery();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        Map<String, String> params = params(query);
        params.putAll(params(body));
        requests.add(new Request(request.getMethod(), path, request.getHeaders().get("X-MBX-APIKEY"), query, body,
                Map.copyOf(params)));
        return switch (request.getMethod() + " " + path) {
            case "GET /stream" -> upgrade(Set.of(request.getUrl().queryParameter("streams").split("/")));
            case "GET /api/v3/exchangeInfo" -> json(200, EXCHANGE_INFO);
            case "GET /api/v3/depth" -> json(200, snapshot(params.get("symbol")));
            case "GET /api/v3/openOrders" -> json(200, openOrders());
            case "GET /api/v3/account" -> accountFailure != 0
                    ? error(accountFailure, -2015, "Invalid API-key, IP, or permissions for action.") : json(200, account());
            case "POST /api/v3/order" -> newOrder(params);
            case "GET /api/v3/order" -> queryFailures.isEmpty() ? queryOrder(params) : queryFailure(queryFailures.poll());
            case "DELETE /api/v3/order" -> cancelOrder(params);
            default -> error(404, -1000, "An unknown error occurred while processing the request.");
        };
    }

    /** GET /api/v3/depth: the book now, at the last diff pushed; bids best first. */
    private String snapshot(String symbol) {
        Book book = books.get(symbol);
        synchronized (book) {
            return "{\"lastUpdateId\":" + book.lastUpdateId + ",\"bids\":" + levels(book.bids.descendingMap().entrySet())
                    + ",\"asks\":" + levels(book.asks.entrySet()) + "}";
        }
    }

    private synchronized MockResponse newOrder(Map<String, String> p) {
        String clientId = p.get("newClientOrderId");
        if (orders.containsKey(clientId)) {
            return error(400, -2010, "Duplicate order sent.");
        }
        String type = p.get("type");
        boolean buy = "BUY".equals(p.get("side"));
        BigDecimal quantity = new BigDecimal(p.get("quantity"));
        Book book = books.get(p.get("symbol"));
        BigDecimal touch;
        synchronized (book) {
            touch = buy ? book.asks.firstKey() : book.bids.lastKey();
        }
        long now = System.currentTimeMillis();
        Map<String, String> order = new LinkedHashMap<>();
        order.put("symbol", p.get("symbol"));
        order.put("orderId", Long.toString(nextOrderId++));
        order.put("clientOrderId", clientId);
        order.put("origQty", plain(quantity));
        order.put("type", type);
        order.put("side", p.get("side"));
        order.put("time", Long.toString(now));
        order.put("updateTime", Long.toString(now));
        String fills = "[]";
        switch (type) {
            case "MARKET" -> {
                BigDecimal notional = touch.multiply(quantity);
                // the commission is taken from the asset received: the coin on a buy, USDT on a sell
                BigDecimal commission = (buy ? quantity : notional).multiply(COMMISSION).setScale(8, RoundingMode.HALF_UP);
                order.put("price", plain(BigDecimal.ZERO));
                order.put("executedQty", plain(quantity));
                order.put("cummulativeQuoteQty", plain(notional));
                order.put("status", "FILLED");
                order.put("timeInForce", "GTC");
                fills = "[{\"price\":\"" + plain(touch) + "\",\"qty\":\"" + plain(quantity) + "\",\"commission\":\""
                        + plain(commission) + "\",\"commissionAsset\":\""
                        + (buy ? p.get("symbol").replace("USDT", "") : "USDT") + "\",\"tradeId\":" + nextTradeId++ + "}]";
            }
            case "LIMIT_MAKER" -> {
                BigDecimal price = new BigDecimal(p.get("price"));
                if (buy ? price.compareTo(touch) >= 0 : price.compareTo(touch) <= 0) {
                    return error(400, -2010, "Order would immediately match and take.");
                }
                order.put("price", plain(price));
                order.put("executedQty", plain(BigDecimal.ZERO));
                order.put("cummulativeQuoteQty", plain(BigDecimal.ZERO));
                order.put("status", "NEW");
                order.put("timeInForce", "GTC");
            }
            default -> {
                return error(400, -1116, "Invalid orderType.");
            }
        }
        orders.put(clientId, order);
        return json(200, "{\"symbol\":\"" + order.get("symbol") + "\",\"orderId\":" + order.get("orderId")
                + ",\"orderListId\":-1,\"clientOrderId\":\"" + clientId + "\",\"transactTime\":" + now + ",\"price\":\""
                + order.get("price") + "\",\"origQty\":\"" + order.get("origQty") + "\",\"executedQty\":\""
                + order.get("executedQty") + "\",\"origQuoteOrderQty\":\"0.00000000\",\"cummulativeQuoteQty\":\""
                + order.get("cummulativeQuoteQty") + "\",\"status\":\"" + order.get("status") + "\",\"timeInForce\":\""
                + order.get("timeInForce") + "\",\"type\":\"" + type + "\",\"side\":\"" + order.get("side")
                + "\",\"workingTime\":" + now + ",\"selfTradePreventionMode\":\"NONE\",\"fills\":" + fills + "}");
    }

    /** GET /api/v3/account as documented: commissions, permissions and the balances (BTC, USDT). */
    private String account() {
        return "{\"makerCommission\":10,\"takerCommission\":10,\"buyerCommission\":0,\"sellerCommission\":0,"
                + "\"commissionRates\":{\"maker\":\"0.00100000\",\"taker\":\"0.00100000\",\"buyer\":\"0.00000000\","
                + "\"seller\":\"0.00000000\"},\"canTrade\":true,\"canWithdraw\":true,\"canDeposit\":true,"
                + "\"brokered\":false,\"requireSelfTradePrevention\":false,\"preventSor\":false,\"updateTime\":123456789,"
                + "\"accountType\":\"SPOT\",\"balances\":[{\"asset\":\"BTC\",\"free\":\"0.00000000\",\"locked\":\"0.00000000\"},"
                + "{\"asset\":\"USDT\",\"free\":\"" + usdtFree + "\",\"locked\":\"" + usdtLocked + "\"}],"
                + "\"permissions\":[\"SPOT\"],\"uid\":354937868}";
    }

    private static MockResponse queryFailure(int status) {
        if (status == 429) {
            return new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
                    .addHeader("Retry-After", "1")
                    .body("{\"code\":-1003,\"msg\":\"Too many requests; current limit of IP is 6000 requests per minute."
                            + " Please use WebSocket Streams for live updates to avoid polling the API.\"}").build();
        }
        return error(status, -1001, "Internal error; unable to process your request. Please try again.");
    }

    private synchronized MockResponse queryOrder(Map<String, String> p) {
        Map<String, String> order = orders.get(p.get("origClientOrderId"));
        return order == null ? error(400, -2013, "Order does not exist.") : json(200, orderJson(order));
    }

    private synchronized MockResponse cancelOrder(Map<String, String> p) {
        Map<String, String> order = orders.get(p.get("origClientOrderId"));
        if (order == null || isFinished(order)) {
            return error(400, -2011, "Unknown order sent.");
        }
        order.put("status", "CANCELED");
        return json(200, "{\"symbol\":\"" + order.get("symbol") + "\",\"origClientOrderId\":\"" + order.get("clientOrderId")
                + "\",\"orderId\":" + order.get("orderId") + ",\"orderListId\":-1,\"clientOrderId\":\"cancel"
                + order.get("orderId") + "\",\"transactTime\":" + System.currentTimeMillis() + ",\"price\":\""
                + order.get("price") + "\",\"origQty\":\"" + order.get("origQty") + "\",\"executedQty\":\""
                + order.get("executedQty") + "\",\"cummulativeQuoteQty\":\"" + order.get("cummulativeQuoteQty")
                + "\",\"status\":\"CANCELED\",\"timeInForce\":\"" + order.get("timeInForce") + "\",\"type\":\""
                + order.get("type") + "\",\"side\":\"" + order.get("side") + "\",\"selfTradePreventionMode\":\"NONE\"}");
    }

    private synchronized String openOrders() {
        return orders.values().stream().filter(o -> !isFinished(o)).map(BinanceLiveStub::orderJson)
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String orderJson(Map<String, String> o) {
        return "{\"symbol\":\"" + o.get("symbol") + "\",\"orderId\":" + o.get("orderId") + ",\"orderListId\":-1,"
                + "\"clientOrderId\":\"" + o.get("clientOrderId") + "\",\"price\":\"" + o.get("price") + "\",\"origQty\":\""
                + o.get("origQty") + "\",\"executedQty\":\"" + o.get("executedQty") + "\",\"cummulativeQuoteQty\":\""
                + o.get("cummulativeQuoteQty") + "\",\"status\":\"" + o.get("status") + "\",\"timeInForce\":\""
                + o.get("timeInForce") + "\",\"type\":\"" + o.get("type") + "\",\"side\":\"" + o.get("side")
                + "\",\"stopPrice\":\"0.00000000\",\"icebergQty\":\"0.00000000\",\"time\":" + o.get("time")
                + ",\"updateTime\":" + o.get("updateTime") + ",\"isWorking\":true,\"workingTime\":" + o.get("time")
                + ",\"origQuoteOrderQty\":\"0.00000000\",\"selfTradePreventionMode\":\"NONE\"}";
    }

    private static boolean isFinished(Map<String, String> order) {
        return List.of("FILLED", "CANCELED", "EXPIRED", "REJECTED").contains(order.get("status"));
    }

    private MockResponse upgrade(Set<String> streams) {
        return new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                open.add(new Socket(webSocket, streams));
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                open.removeIf(socket -> socket.webSocket() == webSocket);
                webSocket.close(code, reason);
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                open.removeIf(socket -> socket.webSocket() == webSocket);
            }
        }).build();
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static MockResponse error(int status, int code, String message) {
        return json(status, "{\"code\":" + code + ",\"msg\":\"" + message + "\"}");
    }

    private static Map<String, String> params(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    /** Price and quantity pairs as strings, as Binance writes levels. */
    private static String levels(Iterable<Map.Entry<BigDecimal, BigDecimal>> levels) {
        List<String> pairs = new ArrayList<>();
        levels.forEach(level -> pairs.add("[\"" + plain(level.getKey()) + "\",\"" + plain(level.getValue()) + "\"]"));
        return "[" + String.join(",", pairs) + "]";
    }

    private static String plain(BigDecimal value) {
        return value.setScale(8, RoundingMode.HALF_UP).toPlainString();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** One symbol's book: price levels per side, both ascending (the best bid is the last), and its update id. */
    private static final class Book {
        private final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>();
        private final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
        private long lastUpdateId = SNAPSHOT_ID;
    }

    /** GET /api/v3/exchangeInfo as documented, trimmed to two USDT symbols and the filters the gateway reads. */
    private static final String EXCHANGE_INFO = """
            {"timezone":"UTC","serverTime":1565246363776,
             "rateLimits":[{"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":6000},
                           {"rateLimitType":"ORDERS","interval":"SECOND","intervalNum":10,"limit":100}],
             "exchangeFilters":[],
             "symbols":[%s,%s]}
            """.formatted(symbol("BTC", "0.00001000"), symbol("ETH", "0.00010000"));

    private static String symbol(String base, String stepSize) {
        return """
                {"symbol":"%sUSDT","status":"TRADING","baseAsset":"%s","baseAssetPrecision":8,"quoteAsset":"USDT",
                 "quotePrecision":8,"quoteAssetPrecision":8,"orderTypes":["LIMIT","LIMIT_MAKER","MARKET"],
                 "icebergAllowed":true,"ocoAllowed":true,"isSpotTradingAllowed":true,"isMarginTradingAllowed":true,
                 "filters":[{"filterType":"PRICE_FILTER","minPrice":"0.01000000","maxPrice":"1000000.00000000","tickSize":"0.01000000"},
                            {"filterType":"LOT_SIZE","minQty":"%s","maxQty":"9000.00000000","stepSize":"%s"},
                            {"filterType":"NOTIONAL","minNotional":"5.00000000","applyMinToMarket":true,"maxNotional":"9000000.00000000","applyMaxToMarket":false,"avgPriceMins":5}],
                 "permissions":[],"permissionSets":[["SPOT","MARGIN"]]}""".formatted(base, base, stepSize, stepSize);
    }
}

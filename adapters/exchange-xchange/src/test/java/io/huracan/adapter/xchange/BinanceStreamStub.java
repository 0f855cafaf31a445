package io.huracan.adapter.xchange;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Binance spot's market data on one local server, as the spot API documentation shows it: combined streams at
 * {@code /stream?streams=<name>/<name>} over a websocket, each event wrapped as {@code {"stream":..,"data":..}}, the
 * diff depth ({@code depthUpdate} with {@code U}/{@code u}) and trade payloads; REST {@code /api/v3/exchangeInfo}
 * (BTCUSDT and ETHUSDT) and {@code /api/v3/depth} with the {@code lastUpdateId} the test sets per symbol. The test
 * pushes events and drops connections.
 */
final class BinanceStreamStub extends StubVenue {
    /** One open websocket and the streams its URL asked for. */
    record Socket(WebSocket webSocket, Set<String> streams) {
    }

    private final Map<String, String> depth = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> depthRequests = new ConcurrentHashMap<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger upgrades = new AtomicInteger();
    private volatile boolean refusing;

    BinanceStreamStub() throws IOException {
        start();
    }

    /** The websocket base the stream config points at (xchange-stream appends {@code stream?streams=...}). */
    String streamUrl() {
        return baseUrl().replace("http://", "ws://") + "/";
    }

    /** What GET /api/v3/depth answers for the symbol from now on. */
    void depth(String symbol, long lastUpdateId, String bids, String asks) {
        depth.put(symbol, "{\"lastUpdateId\":" + lastUpdateId + ",\"bids\":" + bids + ",\"asks\":" + asks + "}");
    }

    /** Pushes a diff depth event to every socket streaming the symbol's depth. */
    void depthUpdate(String symbol, long firstId, long lastId, String bids, String asks) {
        push(symbol.toLowerCase() + "@depth@100ms", "{\"e\":\"depthUpdate\",\"E\":" + System.currentTimeMillis()
                + ",\"s\":\"" + symbol + "\",\"U\":" + firstId + ",\"u\":" + lastId + ",\"b\":" + bids + ",\"a\":" + asks
                + "}");
    }

    /** Pushes a trade event; {@code buyerMaker} true means the seller took liquidity. */
    void trade(String symbol, long id, String price, String quantity, boolean buyerMaker) {
        long now = System.currentTimeMillis();
        push(symbol.toLowerCase() + "@trade", "{\"e\":\"trade\",\"E\":" + now + ",\"s\":\"" + symbol + "\",\"t\":" + id
                + ",\"p\":\"" + price + "\",\"q\":\"" + quantity + "\",\"b\":88,\"a\":50,\"T\":" + now + ",\"m\":"
                + buyerMaker + ",\"M\":true}");
    }

    /** Drops every open websocket without a close frame: the TCP connections are reset. */
    void dropAll() throws IOException {
        open.clear();
        resetConnections();
    }

    /** Closes every open websocket with a close frame, as Binance does at a connection's 24-hour mark. */
    void closeAll(int code, String reason) {
        for (Socket socket : open) {
            socket.webSocket().close(code, reason);
        }
        open.clear();
    }

    /** From now on, websocket handshakes are answered 503 instead of being upgraded (or again upgraded). */
    void refuseWebsockets(boolean refuse) {
        refusing = refuse;
    }

    /** GET /api/v3/depth requests for the symbol so far. */
    int depthRequests(String symbol) {
        AtomicInteger count = depthRequests.get(symbol);
        return count == null ? 0 : count.get();
    }

    /** Websocket connections accepted so far. */
    int upgrades() {
        return upgrades.get();
    }

    int openSockets() {
        return open.size();
    }

    List<Socket> sockets() {
        return List.copyOf(open);
    }

    private void push(String stream, String data) {
        String event = "{\"stream\":\"" + stream + "\",\"data\":" + data + "}";
        for (Socket socket : open) {
            if (socket.streams().contains(stream)) {
                socket.webSocket().send(event);
            }
        }
    }

    @Override
    protected MockResponse answer(RecordedRequest request, String path) {
        String query = request.getUrl().encodedQuery() == null ? "" : request.getUrl().encodedQuery();
        Map<String, String> params = params(query);
        return switch (request.getMethod() + " " + path) {
            case "GET /stream" -> upgrade(Set.of(params.getOrDefault("streams", "").split("/")));
            case "GET /api/v3/exchangeInfo" -> json(200, EXCHANGE_INFO);
            case "GET /api/v3/depth" -> depth(params.get("symbol"));
            default -> json(404, "{\"code\":-1000,\"msg\":\"An unknown error occurred while processing the request.\"}");
        };
    }

    private MockResponse depth(String symbol) {
        depthRequests.computeIfAbsent(String.valueOf(symbol), k -> new AtomicInteger()).incrementAndGet();
        String book = symbol == null ? null : depth.get(symbol);
        return book == null ? json(400, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}") : json(200, book);
    }

    private MockResponse upgrade(Set<String> streams) {
        upgrades.incrementAndGet();
        if (refusing) {
            return new MockResponse.Builder().code(503).body("Service Unavailable").build();
        }
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

    /** GET /api/v3/exchangeInfo as documented, trimmed to two USDT symbols and the filters the gateway reads. */
    static final String EXCHANGE_INFO = """
            {"timezone":"UTC","serverTime":1565246363776,
             "rateLimits":[{"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":6000},
                           {"rateLimitType":"ORDERS","interval":"SECOND","intervalNum":10,"limit":100}],
             "exchangeFilters":[],
             "symbols":[
              {"symbol":"BTCUSDT","status":"TRADING","baseAsset":"BTC","baseAssetPrecision":8,"quoteAsset":"USDT",
               "quotePrecision":8,"quoteAssetPrecision":8,"orderTypes":["LIMIT","LIMIT_MAKER","MARKET"],
               "icebergAllowed":true,"ocoAllowed":true,"isSpotTradingAllowed":true,"isMarginTradingAllowed":true,
               "filters":[{"filterType":"PRICE_FILTER","minPrice":"0.01000000","maxPrice":"1000000.00000000","tickSize":"0.01000000"},
                          {"filterType":"LOT_SIZE","minQty":"0.00001000","maxQty":"9000.00000000","stepSize":"0.00001000"},
                          {"filterType":"NOTIONAL","minNotional":"5.00000000","applyMinToMarket":true,"maxNotional":"9000000.00000000","applyMaxToMarket":false,"avgPriceMins":5}],
               "permissions":[],"permissionSets":[["SPOT","MARGIN"]]},
              {"symbol":"ETHUSDT","status":"TRADING","baseAsset":"ETH","baseAssetPrecision":8,"quoteAsset":"USDT",
               "quotePrecision":8,"quoteAssetPrecision":8,"orderTypes":["LIMIT","LIMIT_MAKER","MARKET"],
               "icebergAllowed":true,"ocoAllowed":true,"isSpotTradingAllowed":true,"isMarginTradingAllowed":true,
               "filters":[{"filterType":"PRICE_FILTER","minPrice":"0.01000000","maxPrice":"1000000.00000000","tickSize":"0.01000000"},
                          {"filterType":"LOT_SIZE","minQty":"0.00010000","maxQty":"9000.00000000","stepSize":"0.00010000"},
                          {"filterType":"NOTIONAL","minNotional":"5.00000000","applyMinToMarket":true,"maxNotional":"9000000.00000000","applyMaxToMarket":false,"avgPriceMins":5}],
               "permissions":[],"permissionSets":[["SPOT","MARGIN"]]}]}
            """;
}

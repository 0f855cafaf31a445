package io.huracan.bootstrap.engine;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
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

/**
 * Binance spot on one local server, as its spot API documentation shows it, for an engine whose venue is Binance:
 * the combined-stream websocket ({@code /stream?streams=btcusdt@depth@100ms/btcusdt@trade/...}, each event wrapped as
 * {@code {"stream":..,"data":..}}, diff depth with {@code U}/{@code u}), REST {@code exchangeInfo} (BTCUSDT and
 * ETHUSDT), {@code depth} snapshots at the last diff pushed (or {@link #SNAPSHOT_ID} before any), no open orders, and
 * new orders refused with Binance's insufficient-balance error.
 */
public final class BinanceLiveStub implements AutoCloseable {
    static final long SNAPSHOT_ID = 100;

    private final MockWebServer server = new MockWebServer();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    /** The last diff pushed per symbol: a snapshot taken later includes it, as Binance's does. */
    private final Map<String, Long> lastUpdateIds = new ConcurrentHashMap<>();

    /** One open websocket and the streams its URL asked for. */
    record Socket(WebSocket webSocket, Set<String> streams) {
    }

    public BinanceLiveStub() throws IOException {
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

    /** Pushes one diff depth event ({@code U} = {@code u} = {@code updateId}) setting the quantities at 99 and 101. */
    void depthUpdate(String symbol, long updateId, String bidQuantity, String askQuantity) {
        String data = "{\"e\":\"depthUpdate\",\"E\":" + System.currentTimeMillis() + ",\"s\":\"" + symbol + "\",\"U\":"
                + updateId + ",\"u\":" + updateId + ",\"b\":[[\"99.00000000\",\"" + bidQuantity
                + "\"]],\"a\":[[\"101.00000000\",\"" + askQuantity + "\"]]}";
        lastUpdateIds.put(symbol, updateId);
        String stream = symbol.toLowerCase() + "@depth@100ms";
        for (Socket socket : open) {
            if (socket.streams().contains(stream)) {
                socket.webSocket().send("{\"stream\":\"" + stream + "\",\"data\":" + data + "}");
            }
        }
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        return switch (request.getMethod() + " " + path) {
            case "GET /stream" -> upgrade(Set.of(request.getUrl().queryParameter("streams").split("/")));
            case "GET /api/v3/exchangeInfo" -> json(200, EXCHANGE_INFO);
            case "GET /api/v3/depth" -> json(200, "{\"lastUpdateId\":"
                    + lastUpdateIds.getOrDefault(request.getUrl().queryParameter("symbol"), SNAPSHOT_ID)
                    + ",\"bids\":[[\"99.00000000\",\"1.00000000\"]],\"asks\":[[\"101.00000000\",\"1.00000000\"]]}");
            case "GET /api/v3/openOrders" -> json(200, "[]");
            case "POST /api/v3/order" -> json(400, "{\"code\":-2010,\"msg\":\"Account has insufficient balance for"
                    + " requested action.\"}");
            default -> json(404, "{\"code\":-1000,\"msg\":\"An unknown error occurred while processing the request.\"}");
        };
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

    @Override
    public void close() throws IOException {
        server.close();
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

package io.huracan.adapter.xchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bybit v5 spot (or linear) market data on one local server, as https://bybit-exchange.github.io/docs/v5/ shows it:
 * REST {@code /v5/market/instruments-info} (spot BTCUSDT and ETHUSDT; linear BTCUSDT), and the public websocket at
 * {@code /v5/public/<category>}
 * answering {@code {"op":"subscribe"|"unsubscribe","args":[...]}} with
 * {@code {"success":true,"ret_msg":"","conn_id":..,"op":..}} (more than 10 args refused, as for spot), a new
 * {@code orderbook.50.<symbol>} subscription with its snapshot (the {@code u} the test set), and
 * {@code {"op":"ping"}} with the spot pong. The test pushes deltas and trades and resets connections.
 */
final class BybitStreamStub extends WebSocketStubVenue {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A book as the next snapshot shows it. */
    private record Book(long u, String bids, String asks) {
    }

    private final Map<String, Book> books = new ConcurrentHashMap<>();
    private final AtomicLong seq = new AtomicLong(7961638724L);
    private final AtomicInteger pings = new AtomicInteger();

    private final String category;

    /** Spot: {@code /v5/public/spot}, BTCUSDT and ETHUSDT. */
    BybitStreamStub() throws IOException {
        this("spot");
    }

    /** {@code spot}, or {@code linear}: {@code /v5/public/linear} and the USDT perpetual BTCUSDT. */
    BybitStreamStub(String category) throws IOException {
        this.category = category;
        start();
    }

    String streamUrl() {
        return wsUrl(path());
    }

    private String path() {
        return "/v5/public/" + category;
    }

    /** What a new subscription of the symbol's book gets as its snapshot from now on. */
    void book(String symbol, long u, String bids, String asks) {
        books.put(symbol, new Book(u, bids, asks));
    }

    /** Pushes a delta to every socket subscribed to the symbol's book. */
    void delta(String symbol, long u, String bids, String asks) {
        push(BybitStreamConnection.bookTopic(symbol), book("delta", symbol, u, bids, asks));
    }

    /** Pushes a message of type snapshot on the book topic, as Bybit does when it resends the book. */
    void snapshot(String symbol, long u, String bids, String asks) {
        push(BybitStreamConnection.bookTopic(symbol), book("snapshot", symbol, u, bids, asks));
    }

    /** Pushes one public trade; {@code side} is the taker's, "Buy" or "Sell". */
    void trade(String symbol, String side, String price, String size) {
        long now = System.currentTimeMillis();
        push("publicTrade." + symbol, "{\"topic\":\"publicTrade." + symbol + "\",\"type\":\"snapshot\",\"ts\":" + now
                + ",\"data\":[{\"i\":\"2290000000061666327\",\"T\":" + now + ",\"p\":\"" + price + "\",\"v\":\"" + size
                + "\",\"S\":\"" + side + "\",\"s\":\"" + symbol + "\",\"BT\":false}]}");
    }

    /** {"op":"ping"} frames received. */
    int pings() {
        return pings.get();
    }

    @Override
    protected void onMessage(Socket socket, String text) {
        JsonNode request;
        try {
            request = JSON.readTree(text);
        } catch (IOException e) {
            socket.send("{\"success\":false,\"ret_msg\":\"error:request not json\",\"conn_id\":\"" + connId(socket) + "\"}");
            return;
        }
        String op = request.path("op").asText();
        switch (op) {
            case "ping" -> {
                pings.incrementAndGet();
                socket.send("{\"success\":true,\"ret_msg\":\"pong\",\"conn_id\":\"" + connId(socket) + "\",\"op\":\"ping\"}");
            }
            case "subscribe", "unsubscribe" -> {
                JsonNode args = request.path("args");
                if (args.size() > 10) {
                    socket.send("{\"success\":false,\"ret_msg\":\"args size >10\",\"conn_id\":\"" + connId(socket)
                            + "\",\"op\":\"" + op + "\"}");
                    return;
                }
                socket.send("{\"success\":true,\"ret_msg\":\"\",\"conn_id\":\"" + connId(socket) + "\",\"op\":\"" + op + "\"}");
                for (JsonNode arg : args) {
                    String topic = arg.asText();
                    if (op.equals("unsubscribe")) {
                        unsubscribed(socket, topic);
                        continue;
                    }
                    subscribed(socket, topic);
                    if (topic.startsWith("orderbook.")) {
                        String symbol = topic.substring(topic.lastIndexOf('.') + 1);
                        Book book = books.get(symbol);
                        socket.send(book("snapshot", symbol, book.u(), book.bids(), book.asks()));
                    }
                }
            }
            default -> socket.send("{\"success\":false,\"ret_msg\":\"error:unknown op " + op + "\",\"conn_id\":\""
                    + connId(socket) + "\"}");
        }
    }

    @Override
    protected MockResponse answer(RecordedRequest request, String path) {
        if (path.equals(path()) && request.getMethod().equals("GET")) {
            return upgrade();
        }
        if (path.equals("/v5/market/instruments-info") && category.equals(params(request.getUrl().encodedQuery()).get("category"))) {
            return json(200, "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":" + (category.equals("spot") ? SPOT_INSTRUMENTS
                    : BybitStub.LINEAR_INSTRUMENTS) + ",\"retExtInfo\":{},\"time\":" + System.currentTimeMillis() + "}");
        }
        return json(404, "{\"retCode\":10017,\"retMsg\":\"Route not found\"}");
    }

    private String book(String type, String symbol, long u, String bids, String asks) {
        long now = System.currentTimeMillis();
        return "{\"topic\":\"" + BybitStreamConnection.bookTopic(symbol) + "\",\"type\":\"" + type + "\",\"ts\":" + now
                + ",\"data\":{\"s\":\"" + symbol + "\",\"b\":" + bids + ",\"a\":" + asks + ",\"u\":" + u + ",\"seq\":"
                + seq.incrementAndGet() + "},\"cts\":" + (now - 2) + "}";
    }

    private static String connId(Socket socket) {
        return "cf5f2e2a-" + Integer.toHexString(System.identityHashCode(socket.webSocket()));
    }

    /** docs/v5/market/instrument, category spot, trimmed to two USDT symbols. */
    static final String SPOT_INSTRUMENTS = """
            {"category":"spot","list":[
             {"symbolId":9,"symbol":"BTCUSDT","baseCoin":"BTC","quoteCoin":"USDT","innovation":"0","status":"Trading",
              "marginTrading":"utaOnly","stTag":"0","lotSizeFilter":{"basePrecision":"0.000001","quotePrecision":"0.0000001",
              "minOrderQty":"0.000011","maxOrderQty":"83","minOrderAmt":"5","maxOrderAmt":"8000000","maxLimitOrderQty":"83",
              "maxMarketOrderQty":"41.5","postOnlyMaxLimitOrderSize":"60000"},"priceFilter":{"tickSize":"0.1"},
              "riskParameters":{"priceLimitRatioX":"0.005","priceLimitRatioY":"0.01"},"symbolType":""},
             {"symbolId":10,"symbol":"ETHUSDT","baseCoin":"ETH","quoteCoin":"USDT","innovation":"0","status":"Trading",
              "marginTrading":"utaOnly","stTag":"0","lotSizeFilter":{"basePrecision":"0.00001","quotePrecision":"0.0000001",
              "minOrderQty":"0.00062","maxOrderQty":"1229.2336","minOrderAmt":"5","maxOrderAmt":"8000000",
              "maxLimitOrderQty":"1229.2336","maxMarketOrderQty":"614.6168","postOnlyMaxLimitOrderSize":"60000"},
              "priceFilter":{"tickSize":"0.01"},"riskParameters":{"priceLimitRatioX":"0.005","priceLimitRatioY":"0.01"},
              "symbolType":""}],
             "nextPageCursor":""}""";
}

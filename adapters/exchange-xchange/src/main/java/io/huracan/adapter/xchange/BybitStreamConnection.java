package io.huracan.adapter.xchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Side;
import io.huracan.ports.market.Trade;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Bybit v5 public connection (https://bybit-exchange.github.io/docs/v5/ws/connect) on our own
 * {@link TextWebSocket}: the {@code publicTrade.<symbol>} topics of its coins subscribed on open, each coin's
 * {@code orderbook.50.<symbol>} topic subscribed when the supervisor first asks for its snapshot, and unsubscribed and
 * subscribed again for every later one (Bybit's REST book has no update id to join the stream at, so a fresh
 * subscription's snapshot is the only way back in sequence). {@code {"op":"ping"}} goes out every 20 s, as documented.
 * Subscribe requests carry at most 10 args (Bybit's documented limit for spot). A refused request ends the connection:
 * the supervisor reconnects it, and the coins' detail carries Bybit's {@code ret_msg}.
 */
final class BybitStreamConnection implements StreamConnection, TextWebSocket.Handler {
    static final int ARGS_PER_REQUEST = 10;
    static final int BOOK_DEPTH = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StreamSink sink;
    private final Map<String, Coin> coinsBySymbol;
    private final Map<Coin, String> symbols;
    private final Set<Coin> booksSubscribed = ConcurrentHashMap.newKeySet();
    private volatile TextWebSocket socket;

    private BybitStreamConnection(StreamSink sink, Map<Coin, String> symbols) {
        this.sink = sink;
        this.symbols = symbols;
        this.coinsBySymbol = new HashMap<>();
        symbols.forEach((coin, symbol) -> coinsBySymbol.put(symbol, coin));
    }

    /** Connects to {@code uri} and subscribes the coins' trades; books follow one by one through {@link #resync}. */
    static BybitStreamConnection open(URI uri, List<Coin> coins, BybitClient client, StreamSink sink, Duration timeout,
                                      Duration pingEvery) throws Exception {
        Map<Coin, String> symbols = new HashMap<>();
        List<String> trades = new ArrayList<>(coins.size());
        for (Coin coin : coins) {
            String symbol = client.listing(coin).symbol();
            symbols.put(coin, symbol);
            trades.add("publicTrade." + symbol);
        }
        BybitStreamConnection connection = new BybitStreamConnection(sink, symbols);
        connection.socket = TextWebSocket.open(uri, timeout,
                new TextWebSocket.KeepAlive("{\"op\":\"ping\"}", pingEvery, false), connection);
        for (int from = 0; from < trades.size(); from += ARGS_PER_REQUEST) {
            connection.socket.send(request("subscribe", trades.subList(from, Math.min(trades.size(), from + ARGS_PER_REQUEST))));
        }
        return connection;
    }

    /** Subscribes the coin's book topic, first unsubscribing it when this connection has it already. */
    @Override
    public void resync(Coin coin) {
        String topic = bookTopic(symbols.get(coin));
        if (!booksSubscribed.add(coin)) {
            socket.send(request("unsubscribe", List.of(topic)));
        }
        socket.send(request("subscribe", List.of(topic)));
    }

    @Override
    public void close() {
        TextWebSocket open = socket;
        if (open != null) {
            open.close();
        }
    }

    @Override
    public void onGone(String reason, Throwable error) {
        sink.onLost(reason, error);
    }

    @Override
    public void onText(String message) {
        JsonNode node = read(message);
        if (node.has("op")) { // the answer to a request of ours: {"success":true,"ret_msg":"","op":"subscribe",...}
            if (!node.path("success").asBoolean(false)) {
                throw new IllegalStateException("bybit refused " + node.path("op").asText() + ": "
                        + node.path("ret_msg").asText());
            }
            return;
        }
        String topic = node.path("topic").asText();
        if (topic.startsWith("orderbook.")) {
            sink.onBook(book(node));
        } else if (topic.startsWith("publicTrade.")) {
            for (JsonNode trade : node.get("data")) {
                sink.onTrade(trade(trade));
            }
        }
    }

    /**
     * {@code {"topic","type":"snapshot"|"delta","ts","data":{"s","b","a","u","seq"},"cts"}}: a snapshot, or a delta
     * with {@code u} 1, is a whole book (the latter after Bybit's service restarted, as documented).
     */
    private BookUpdate book(JsonNode node) {
        JsonNode data = node.get("data");
        Coin coin = coin(data.get("s").asText());
        long id = data.get("u").asLong();
        long micros = node.get("ts").asLong() * 1000;
        boolean whole = "snapshot".equals(node.path("type").asText()) || id == 1;
        return whole ? BookUpdate.snapshot(coin, id, micros, JsonBookLevels.of(data.get("b")), JsonBookLevels.of(data.get("a")))
                : BookUpdate.diff(coin, id, id, micros, JsonBookLevels.of(data.get("b")), JsonBookLevels.of(data.get("a")));
    }

    /** {@code {"T","s","S":"Buy"|"Sell","v","p",...}}: {@code S} is the taker's side, {@code v} in coins. */
    private Trade trade(JsonNode trade) {
        return new Trade(coin(trade.get("s").asText()), ExchangeId.BYBIT, trade.get("T").asLong() * 1000,
                Double.parseDouble(trade.get("p").asText()), Double.parseDouble(trade.get("v").asText()),
                "Buy".equals(trade.get("S").asText()) ? Side.BUY : Side.SELL);
    }

    private Coin coin(String symbol) {
        Coin coin = coinsBySymbol.get(symbol);
        if (coin == null) {
            throw new IllegalArgumentException("bybit sent symbol " + symbol + " on a connection that streams "
                    + coinsBySymbol.keySet());
        }
        return coin;
    }

    static String bookTopic(String symbol) {
        return "orderbook." + BOOK_DEPTH + "." + symbol;
    }

    private static String request(String op, List<String> args) {
        ObjectNode request = JSON.createObjectNode().put("op", op);
        args.forEach(request.putArray("args")::add);
        return request.toString();
    }

    private static JsonNode read(String message) {
        try {
            return JSON.readTree(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

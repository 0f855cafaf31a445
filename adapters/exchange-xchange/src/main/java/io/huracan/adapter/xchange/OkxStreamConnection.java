package io.huracan.adapter.xchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huracan.ports.market.BookLevel;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Side;
import io.huracan.ports.market.Trade;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One OKX v5 public connection (https://www.okx.com/docs-v5/en/#overview-websocket) on our own {@link TextWebSocket}
 * (xchange-stream-okex is not to be had): the {@code trades} channel of its coins subscribed in one request on open,
 * each coin's {@code books} channel subscribed when the supervisor first asks for its snapshot and unsubscribed and
 * subscribed again for every later one (a new subscription starts with a snapshot). The text {@code ping} goes out
 * after 20 s without a message (OKX: send it when nothing arrived for N < 30 s; the connection is cut after 30 s
 * without data). Every subscribe and unsubscribe is charged to this connection's window of 480 per hour, as OKX
 * limits them per connection; a request the window cannot take now is not sent, and the supervisor asks again later.
 * An {@code error} event ends the connection (the coins' detail carries OKX's code and msg).
 */
final class OkxStreamConnection implements StreamConnection, TextWebSocket.Handler {
    static final int REQUESTS_PER_HOUR = 480;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StreamSink sink;
    private final RequestBudget budget;
    private final RateWindow requests = new RateWindow("subscribe requests of the connection", REQUESTS_PER_HOUR,
            Duration.ofHours(1).toMillis(), RateWindow.Counting.SLIDING);
    private final Map<String, Coin> coinsByInstrument = new HashMap<>();
    private final Map<Coin, VenueListing> listings = new HashMap<>();
    private final Set<Coin> booksSubscribed = ConcurrentHashMap.newKeySet();
    private volatile TextWebSocket socket;

    private OkxStreamConnection(StreamSink sink, RequestBudget budget) {
        this.sink = sink;
        this.budget = budget;
    }

    /** Connects to {@code uri} and subscribes the coins' trades; books follow one by one through {@link #resync}. */
    static OkxStreamConnection open(URI uri, List<Coin> coins, OkxClient client, StreamSink sink, Duration timeout,
                                    Duration pingAfter) throws Exception {
        OkxStreamConnection connection = new OkxStreamConnection(sink, client.calls().budget());
        for (Coin coin : coins) {
            VenueListing listing = client.listing(coin);
            connection.listings.put(coin, listing);
            connection.coinsByInstrument.put(listing.symbol(), coin);
        }
        connection.charge(1);
        connection.socket = TextWebSocket.open(uri, timeout, new TextWebSocket.KeepAlive("ping", pingAfter, true),
                connection);
        connection.socket.send(request("subscribe", "trades", coins.stream().map(c -> connection.listings.get(c).symbol()).toList()));
        return connection;
    }

    /** Subscribes the coin's books channel, first unsubscribing it when this connection has it already. */
    @Override
    public void resync(Coin coin) {
        String instId = listings.get(coin).symbol();
        boolean again = booksSubscribed.contains(coin);
        charge(again ? 2 : 1);
        booksSubscribed.add(coin);
        if (again) {
            socket.send(request("unsubscribe", "books", List.of(instId)));
        }
        socket.send(request("subscribe", "books", List.of(instId)));
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
        if ("pong".equals(message)) {
            return;
        }
        JsonNode node = read(message);
        if (node.has("event")) { // subscribe, unsubscribe, notice (the venue closes itself) or error
            if ("error".equals(node.get("event").asText())) {
                throw new IllegalStateException("okx refused a request: " + node.path("code").asText() + " "
                        + node.path("msg").asText());
            }
            return;
        }
        String channel = node.path("arg").path("channel").asText();
        Coin coin = coin(node.path("arg").path("instId").asText());
        if ("books".equals(channel)) {
            for (JsonNode book : node.get("data")) {
                sink.onBook(book(coin, "snapshot".equals(node.path("action").asText()), book));
            }
        } else if ("trades".equals(channel)) {
            for (JsonNode trade : node.get("data")) {
                sink.onTrade(trade(coin, trade));
            }
        }
    }

    /**
     * {@code {"asks":[[px,sz,"0",orders]...],"bids":[...],"ts","checksum","prevSeqId","seqId"}}; the snapshot's
     * {@code prevSeqId} is -1. Sizes of swaps are contracts, turned into coins. The checksum is not checked: the
     * sequence ids already tell a missed update, and a wrong book that crosses is resynced by the supervisor.
     */
    private BookUpdate book(Coin coin, boolean snapshot, JsonNode book) {
        BigDecimal contractSize = listings.get(coin).contractSize();
        List<BookLevel> bids = JsonBookLevels.of(book.get("bids"), contractSize);
        List<BookLevel> asks = JsonBookLevels.of(book.get("asks"), contractSize);
        long id = book.get("seqId").asLong();
        long micros = Long.parseLong(book.get("ts").asText()) * 1000;
        return snapshot ? BookUpdate.snapshot(coin, id, micros, bids, asks)
                : new BookUpdate(coin, false, id, id, book.get("prevSeqId").asLong(), micros, bids, asks);
    }

    /** {@code {"instId","tradeId","px","sz","side":"buy"|"sell","ts","count"}}: {@code side} is the taker's. */
    private Trade trade(Coin coin, JsonNode trade) {
        BigDecimal size = listings.get(coin).toCoins(new BigDecimal(trade.get("sz").asText()));
        return new Trade(coin, ExchangeId.OKX, Long.parseLong(trade.get("ts").asText()) * 1000,
                Double.parseDouble(trade.get("px").asText()), size.doubleValue(),
                "buy".equals(trade.get("side").asText()) ? Side.BUY : Side.SELL);
    }

    /** Takes request permits of this connection's window, or throws RETRYABLE without sending. */
    private void charge(int permits) {
        budget.acquire(List.of(new RequestBudget.Charge(requests, permits)));
    }

    private Coin coin(String instId) {
        Coin coin = coinsByInstrument.get(instId);
        if (coin == null) {
            throw new IllegalArgumentException("okx sent instId " + instId + " on a connection that streams "
                    + coinsByInstrument.keySet());
        }
        return coin;
    }

    private static String request(String op, String channel, List<String> instIds) {
        ObjectNode request = JSON.createObjectNode().put("op", op);
        ArrayNode args = request.putArray("args");
        instIds.forEach(instId -> args.addObject().put("channel", channel).put("instId", instId));
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

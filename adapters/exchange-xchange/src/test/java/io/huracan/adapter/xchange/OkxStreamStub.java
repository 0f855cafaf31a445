package io.huracan.adapter.xchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * OKX v5 public market data on one local server, as https://www.okx.com/docs-v5/en/ shows it: REST
 * {@code /api/v5/public/instruments} (spot BTC-USDT and ETH-USDT; the linear swap BTC-USDT-SWAP of 0.01 BTC
 * contracts), and the public websocket at {@code /ws/v5/public} answering {@code {"op":"subscribe"|"unsubscribe",
 * "args":[{"channel","instId"}]}} with one {@code {"event":..,"arg":..,"connId":..}} per arg, a new {@code books}
 * subscription with its snapshot (the seqId the test set, {@code prevSeqId} -1), an unknown instId with an
 * {@code error} event, and the text {@code ping} with {@code pong}. The test pushes updates and trades and resets
 * connections.
 */
final class OkxStreamStub extends WebSocketStubVenue {
    static final String PATH = "/ws/v5/public";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONN_ID = "a4d3ae55";

    /** A book as the next snapshot shows it. */
    private record Book(long seqId, String bids, String asks) {
    }

    private final Map<String, Book> books = new ConcurrentHashMap<>();
    private final AtomicInteger pings = new AtomicInteger();

    OkxStreamStub() throws IOException {
        start();
    }

    String streamUrl() {
        return wsUrl(PATH);
    }

    static String topic(String channel, String instId) {
        return channel + ":" + instId;
    }

    /** What a new books subscription of the instrument gets as its snapshot from now on. */
    void book(String instId, long seqId, String bids, String asks) {
        books.put(instId, new Book(seqId, bids, asks));
    }

    /** Pushes an update to every socket subscribed to the instrument's books. */
    void update(String instId, long prevSeqId, long seqId, String bids, String asks) {
        push(topic("books", instId), books("update", instId, prevSeqId, seqId, bids, asks));
    }

    /** Pushes one trade; {@code side} is the taker's, "buy" or "sell"; {@code sz} in contracts for swaps. */
    void trade(String instId, String side, String px, String sz) {
        push(topic("trades", instId), "{\"arg\":{\"channel\":\"trades\",\"instId\":\"" + instId + "\"},\"data\":[{\"instId\":\""
                + instId + "\",\"tradeId\":\"130639474\",\"px\":\"" + px + "\",\"sz\":\"" + sz + "\",\"side\":\"" + side
                + "\",\"ts\":\"" + System.currentTimeMillis() + "\",\"count\":\"3\",\"source\":\"0\",\"seqId\":1234}]}");
    }

    /** Text "ping" frames received. */
    int pings() {
        return pings.get();
    }

    @Override
    protected void onMessage(Socket socket, String text) {
        if ("ping".equals(text)) {
            pings.incrementAndGet();
            socket.send("pong");
            return;
        }
        JsonNode request;
        try {
            request = JSON.readTree(text);
        } catch (IOException e) {
            socket.send(error("60012", "Invalid request: " + text));
            return;
        }
        String op = request.path("op").asText();
        if (!op.equals("subscribe") && !op.equals("unsubscribe")) {
            socket.send(error("60012", "Invalid request: " + text));
            return;
        }
        for (JsonNode arg : request.path("args")) {
            String channel = arg.path("channel").asText();
            String instId = arg.path("instId").asText();
            if (!instId.equals("BTC-USDT") && !instId.equals("ETH-USDT") && !instId.equals("BTC-USDT-SWAP")) {
                socket.send(error("60018", "Wrong URL or channel:" + channel + ",instId:" + instId + " doesn't exist."));
                continue;
            }
            socket.send("{\"event\":\"" + op + "\",\"arg\":" + arg + ",\"connId\":\"" + CONN_ID + "\"}");
            if (op.equals("unsubscribe")) {
                unsubscribed(socket, topic(channel, instId));
                continue;
            }
            subscribed(socket, topic(channel, instId));
            if (channel.equals("books")) {
                Book book = books.get(instId);
                socket.send(books("snapshot", instId, -1, book.seqId(), book.bids(), book.asks()));
            }
        }
    }

    @Override
    protected MockResponse answer(RecordedRequest request, String path) {
        String query = request.getUrl().encodedQuery();
        return switch (request.getMethod() + " " + path) {
            case "GET " + PATH -> upgrade();
            case "GET /api/v5/public/instruments" -> json(200, "{\"code\":\"0\",\"msg\":\"\",\"data\":"
                    + ("SWAP".equals(params(query).get("instType")) ? SWAP_INSTRUMENTS : SPOT_INSTRUMENTS) + "}");
            default -> json(404, "{\"code\":\"50000\",\"msg\":\"Not found\",\"data\":[]}");
        };
    }

    private static String books(String action, String instId, long prevSeqId, long seqId, String bids, String asks) {
        return "{\"arg\":{\"channel\":\"books\",\"instId\":\"" + instId + "\"},\"action\":\"" + action + "\",\"data\":[{"
                + "\"asks\":" + asks + ",\"bids\":" + bids + ",\"ts\":\"" + System.currentTimeMillis()
                + "\",\"checksum\":-855196043,\"prevSeqId\":" + prevSeqId + ",\"seqId\":" + seqId + "}]}";
    }

    private static String error(String code, String msg) {
        return "{\"event\":\"error\",\"code\":\"" + code + "\",\"msg\":\"" + msg.replace("\"", "\\\"") + "\",\"connId\":\""
                + CONN_ID + "\"}";
    }

    /** GET /api/v5/public/instruments?instType=SPOT (#public-data-rest-api-get-instruments), two USDT pairs. */
    static final String SPOT_INSTRUMENTS = """
            [{"alias":"","auctionEndTime":"","baseCcy":"BTC","category":"1","ctMult":"","ctType":"","ctVal":"","ctValCcy":"",
              "expTime":"","instFamily":"","instId":"BTC-USDT","instType":"SPOT","lever":"10","listTime":"1606468572000",
              "lotSz":"0.00000001","maxIcebergSz":"9999999999.0000000000000000","maxLmtAmt":"1000000","maxLmtSz":"9999999999",
              "maxMktAmt":"1000000","maxMktSz":"","maxStopSz":"","maxTriggerSz":"9999999999.0000000000000000",
              "maxTwapSz":"9999999999.0000000000000000","minSz":"0.00001","optType":"","quoteCcy":"USDT","ruleType":"normal",
              "settleCcy":"","state":"live","stk":"","tickSz":"0.1","uly":""},
             {"alias":"","auctionEndTime":"","baseCcy":"ETH","category":"1","ctMult":"","ctType":"","ctVal":"","ctValCcy":"",
              "expTime":"","instFamily":"","instId":"ETH-USDT","instType":"SPOT","lever":"10","listTime":"1606468572000",
              "lotSz":"0.000001","maxIcebergSz":"9999999999.0000000000000000","maxLmtAmt":"1000000","maxLmtSz":"9999999999",
              "maxMktAmt":"1000000","maxMktSz":"","maxStopSz":"","maxTriggerSz":"9999999999.0000000000000000",
              "maxTwapSz":"9999999999.0000000000000000","minSz":"0.0001","optType":"","quoteCcy":"USDT","ruleType":"normal",
              "settleCcy":"","state":"live","stk":"","tickSz":"0.01","uly":""}]""";

    /** GET /api/v5/public/instruments?instType=SWAP: the linear BTC swap, contracts of 0.01 BTC. */
    static final String SWAP_INSTRUMENTS = OkxStub.SWAP_INSTRUMENTS;
}

package io.huracan.benchmarks;

import com.google.inject.Guice;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.huracan.adapter.xchange.XChangeExchangeModule;
import io.huracan.adapter.xchange.XChangeVenueConfig;
import io.huracan.ports.exchange.ExchangeGateway;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.market.Price;
import io.huracan.ports.market.Quantity;
import io.huracan.ports.market.Side;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Order;
import io.huracan.ports.order.OrderType;
import io.huracan.ports.order.TimeInForce;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code huracan bench exchange}: the XChange adapter's own cost per order. A local HTTP server answers
 * POST /api/v3/order with Binance's documented FULL response; each round places one order through the gateway
 * (rules check, rate budget, breaker, XChange signing and parsing, mapping, reports) and makes one bare
 * HttpURLConnection POST of the same size to the same server. The adapter's cost is the difference of the two
 * latency distributions, percentile by percentile.
 */
@Command(name = "exchange", mixinStandardHelpOptions = true,
        description = "Exchange adapter: cost per order through XChange over a bare HTTP round trip (local stub).")
final class ExchangeBench implements Callable<Integer> {
    @Option(names = "--orders", defaultValue = "20000", description = "Orders measured (after --warmup).")
    int orders;
    @Option(names = "--warmup", defaultValue = "20000", description = "Orders placed before measuring.")
    int warmup;
    @Option(names = "--json", description = "Print one JSON object last.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        HttpServer server = stub();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            ExchangeGateway gateway = Guice.createInjector(new XChangeExchangeModule(List.of(new XChangeVenueConfig(
                    ExchangeId.BINANCE, InstrumentKind.SPOT, "bench-key", "bench-secret", "", base, Duration.ofSeconds(2),
                    Duration.ofSeconds(5), "USDT", 0, Duration.ofMillis(10), Duration.ofSeconds(1), 5,
                    Duration.ofSeconds(1))))).getInstance(ExchangeGateway.class);
            gateway.instruments();
            URL bare = new URL(base + "/api/v3/order");
            var adapter = new Histogram(3);
            var raw = new Histogram(3);
            long started = System.nanoTime();
            for (int i = -warmup; i < orders; i++) {
                long t0 = System.nanoTime();
                gateway.place(order(i));
                long t1 = System.nanoTime();
                post(bare);
                long t2 = System.nanoTime();
                if (i >= 0) {
                    adapter.recordValue(t1 - t0);
                    raw.recordValue(t2 - t1);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            new BenchReport("exchange", (warmup + orders) / seconds).latency(adapter)
                    .put("bare_http_p50_ns", raw.getValueAtPercentile(50))
                    .put("bare_http_p99_ns", raw.getValueAtPercentile(99))
                    .put("adapter_cost_p50_ns", adapter.getValueAtPercentile(50) - raw.getValueAtPercentile(50))
                    .put("adapter_cost_p99_ns", adapter.getValueAtPercentile(99) - raw.getValueAtPercentile(99))
                    .put("orders", orders)
                    .print(System.out, json);
        } finally {
            server.stop(0);
        }
        return 0;
    }

    private static Order order(int i) {
        return new Order(new ClientOrderId("bench-" + (i + 1_000_000_000L)), Coin.of("BTC"), ExchangeId.BINANCE,
                InstrumentKind.SPOT, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, Quantity.of("0.001"),
                Optional.of(Price.of("27000.00")), false);
    }

    /** The same request shape XChange sends: a form body with the order's fields, timestamp and signature. */
    private static final byte[] BARE_BODY = ("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001"
            + "&price=27000.00&newClientOrderId=bench-1000000000&newOrderRespType=FULL&timestamp=1700000000000"
            + "&signature=c8db56825ae71d1d79670f2d4f7a7b4c3e2f3e36b5b8c1c7f6c9d4b1a2e3f4a5").getBytes(StandardCharsets.US_ASCII);

    private static void post(URL url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        connection.setRequestProperty("X-MBX-APIKEY", "bench-key");
        try (OutputStream out = connection.getOutputStream()) {
            out.write(BARE_BODY);
        }
        try (InputStream in = connection.getInputStream()) {
            in.readAllBytes();
        }
    }

    private static HttpServer stub() throws IOException {
        // the JDK server otherwise lets Nagle hold each response's body for the client's delayed ACK (~40 ms)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v3/exchangeInfo", exchange -> answer(exchange, EXCHANGE_INFO));
        server.createContext("/api/v3/order", exchange -> answer(exchange, NEW_ORDER));
        server.start();
        return server;
    }

    private static void answer(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
        exchange.getResponseHeaders().add("X-MBX-USED-WEIGHT-1M", "1");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static final byte[] EXCHANGE_INFO = ("{\"timezone\":\"UTC\",\"serverTime\":1565246363776,\"rateLimits\":["
            + "{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":100000000},"
            + "{\"rateLimitType\":\"ORDERS\",\"interval\":\"SECOND\",\"intervalNum\":10,\"limit\":100000000}],"
            + "\"exchangeFilters\":[],\"symbols\":[{\"symbol\":\"BTCUSDT\",\"status\":\"TRADING\",\"baseAsset\":\"BTC\","
            + "\"quoteAsset\":\"USDT\",\"orderTypes\":[\"LIMIT\",\"LIMIT_MAKER\",\"MARKET\"],\"filters\":["
            + "{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"0.01\",\"maxPrice\":\"1000000.00\",\"tickSize\":\"0.01\"},"
            + "{\"filterType\":\"LOT_SIZE\",\"minQty\":\"0.00001\",\"maxQty\":\"9000.0\",\"stepSize\":\"0.00001\"},"
            + "{\"filterType\":\"NOTIONAL\",\"minNotional\":\"5.0\"}],\"permissions\":[]}]}").getBytes(StandardCharsets.UTF_8);

    /** Binance's documented FULL response for a resting limit order (no fills yet). */
    private static final byte[] NEW_ORDER = ("{\"symbol\":\"BTCUSDT\",\"orderId\":28,\"orderListId\":-1,"
            + "\"clientOrderId\":\"bench-1000000000\",\"transactTime\":1507725176595,\"price\":\"27000.00000000\","
            + "\"origQty\":\"0.00100000\",\"executedQty\":\"0.00000000\",\"origQuoteOrderQty\":\"0.000000\","
            + "\"cummulativeQuoteQty\":\"0.00000000\",\"status\":\"NEW\",\"timeInForce\":\"GTC\",\"type\":\"LIMIT\","
            + "\"side\":\"BUY\",\"workingTime\":1507725176595,\"selfTradePreventionMode\":\"NONE\",\"fills\":[]}")
            .getBytes(StandardCharsets.UTF_8);
}

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
import io.huracan.ports.metrics.EngineMetrics;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Order;
import io.huracan.ports.order.OrderType;
import io.huracan.ports.order.TimeInForce;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code huracan bench exchange}: the XChange adapter's own cost per order on one venue. A local HTTP server answers
 * with the venue's documented payloads; each round places one order through the gateway (rules check, rate budget,
 * breaker, XChange signing and parsing, mapping, reports) and then makes the same HTTP requests bare, with
 * HttpURLConnection, bodies of the same size: Binance answers a placement in one round trip (its FULL response),
 * OKX and Bybit answer with ids only, so a placement there is the POST and one query of the order. The adapter's
 * cost is the difference of the two latency distributions, percentile by percentile; thread CPU time per order is
 * reported beside it (the machine's load disturbs it less than wall time).
 */
@Command(name = "exchange", mixinStandardHelpOptions = true,
        description = "Exchange adapter: cost per order through XChange over the bare HTTP round trips (local stub).")
final class ExchangeBench implements Callable<Integer> {
    @Option(names = "--venue", defaultValue = "binance", description = "binance, okx or bybit (default ${DEFAULT-VALUE}).")
    String venue;
    @Option(names = "--orders", defaultValue = "20000", description = "Orders measured (after --warmup).")
    int orders;
    @Option(names = "--warmup", defaultValue = "20000", description = "Orders placed before measuring.")
    int warmup;
    @Option(names = "--json", description = "Print one JSON object last.")
    boolean json;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BenchVenue bench = switch (venue) {
            case "binance" -> BINANCE;
            case "okx" -> OKX;
            case "bybit" -> BYBIT;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--venue: '" + venue + "' is unknown; allowed: binance, okx, bybit");
        };
        if (orders < 1 || warmup < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--orders " + orders + " --warmup " + warmup + " are invalid; allowed: orders >= 1, warmup >= 0");
        }
        HttpServer server = stub(bench);
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            ExchangeGateway gateway = Guice.createInjector(new XChangeExchangeModule(List.of(new XChangeVenueConfig(
                    bench.exchange, InstrumentKind.SPOT, "bench-key", "bench-secret", "bench-passphrase", base,
                    Duration.ofSeconds(2), Duration.ofSeconds(5), "USDT", 0, Duration.ofMillis(10), Duration.ofSeconds(1),
                    5, Duration.ofSeconds(1), 1000))),
                    binder -> binder.bind(EngineMetrics.class).toInstance(EngineMetrics.NONE))
                    .getInstance(ExchangeGateway.class);
            gateway.instruments();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            var adapter = new Histogram(3);
            var raw = new Histogram(3);
            long adapterCpu = 0;
            long rawCpu = 0;
            long started = System.nanoTime();
            for (int i = -warmup; i < orders; i++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                gateway.place(order(bench.exchange, i));
                long t1 = System.nanoTime();
                long c1 = threads.getCurrentThreadCpuTime();
                for (BareRequest request : bench.bare) {
                    request.send(base);
                }
                long t2 = System.nanoTime();
                long c2 = threads.getCurrentThreadCpuTime();
                if (i >= 0) {
                    adapter.recordValue(t1 - t0);
                    raw.recordValue(t2 - t1);
                    adapterCpu += c1 - c0;
                    rawCpu += c2 - c1;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            new BenchReport("exchange", (warmup + orders) / seconds).latency(adapter)
                    .put("venue", venue)
                    .put("round_trips_per_order", bench.bare.size())
                    .put("bare_http_p50_ns", raw.getValueAtPercentile(50))
                    .put("bare_http_p99_ns", raw.getValueAtPercentile(99))
                    .put("adapter_cost_p50_ns", adapter.getValueAtPercentile(50) - raw.getValueAtPercentile(50))
                    .put("adapter_cost_p99_ns", adapter.getValueAtPercentile(99) - raw.getValueAtPercentile(99))
                    .put("adapter_cpu_per_order_ns", (adapterCpu - rawCpu) / orders)
                    .put("orders", orders)
                    .print(System.out, json);
        } finally {
            server.stop(0);
        }
        return 0;
    }

    private static Order order(ExchangeId exchange, int i) {
        return new Order(new ClientOrderId("bench-" + (i + 1_000_000_000L)), Coin.of("BTC"), exchange,
                InstrumentKind.SPOT, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, Quantity.of("0.001"),
                Optional.of(Price.of("27000.00")), false);
    }

    private static HttpServer stub(BenchVenue bench) throws IOException {
        // the JDK server otherwise lets Nagle hold each response's body for the client's delayed ACK (~40 ms)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        bench.answers.forEach((path, answer) -> server.createContext(path, exchange -> answer(exchange, bench, answer)));
        server.start();
        return server;
    }

    private static void answer(HttpExchange exchange, BenchVenue bench, Map<String, byte[]> byMethod) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] body = byMethod.get(exchange.getRequestMethod());
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
        bench.headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(body == null ? 405 : 200, body == null ? -1 : body.length);
        if (body != null) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** One of the venue's requests made bare: method, path with its query, and a body of the adapter's size. */
    private record BareRequest(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        void send(String base) throws IOException {
            HttpURLConnection connection = (HttpURLConnection) new URL(base + pathAndQuery).openConnection();
            connection.setRequestMethod(method);
            headers.forEach(connection::setRequestProperty);
            if (body.length > 0) {
                connection.setDoOutput(true);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            try (InputStream in = connection.getInputStream()) {
                in.readAllBytes();
            }
        }
    }

    /** A venue's stub answers (path -> method -> body), the headers on every answer, and the bare requests. */
    private record BenchVenue(ExchangeId exchange, Map<String, Map<String, byte[]>> answers, Map<String, String> headers,
                              List<BareRequest> bare) {
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final BenchVenue BINANCE = new BenchVenue(ExchangeId.BINANCE, Map.of(
            "/api/v3/exchangeInfo", Map.of("GET", bytes("{\"timezone\":\"UTC\",\"serverTime\":1565246363776,\"rateLimits\":["
                    + "{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":100000000},"
                    + "{\"rateLimitType\":\"ORDERS\",\"interval\":\"SECOND\",\"intervalNum\":10,\"limit\":100000000}],"
                    + "\"exchangeFilters\":[],\"symbols\":[{\"symbol\":\"BTCUSDT\",\"status\":\"TRADING\",\"baseAsset\":\"BTC\","
                    + "\"quoteAsset\":\"USDT\",\"orderTypes\":[\"LIMIT\",\"LIMIT_MAKER\",\"MARKET\"],\"filters\":["
                    + "{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"0.01\",\"maxPrice\":\"1000000.00\",\"tickSize\":\"0.01\"},"
                    + "{\"filterType\":\"LOT_SIZE\",\"minQty\":\"0.00001\",\"maxQty\":\"9000.0\",\"stepSize\":\"0.00001\"},"
                    + "{\"filterType\":\"NOTIONAL\",\"minNotional\":\"5.0\"}],\"permissions\":[]}]}")),
            // Binance's documented FULL response for a resting limit order (no fills yet)
            "/api/v3/order", Map.of("POST", bytes("{\"symbol\":\"BTCUSDT\",\"orderId\":28,\"orderListId\":-1,"
                    + "\"clientOrderId\":\"bench-1000000000\",\"transactTime\":1507725176595,\"price\":\"27000.00000000\","
                    + "\"origQty\":\"0.00100000\",\"executedQty\":\"0.00000000\",\"origQuoteOrderQty\":\"0.000000\","
                    + "\"cummulativeQuoteQty\":\"0.00000000\",\"status\":\"NEW\",\"timeInForce\":\"GTC\",\"type\":\"LIMIT\","
                    + "\"side\":\"BUY\",\"workingTime\":1507725176595,\"selfTradePreventionMode\":\"NONE\",\"fills\":[]}"))),
            Map.of("X-MBX-USED-WEIGHT-1M", "1"),
            List.of(new BareRequest("POST", "/api/v3/order", Map.of("Content-Type", "application/x-www-form-urlencoded",
                    "X-MBX-APIKEY", "bench-key"), bytes("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001"
                    + "&price=27000.00&newClientOrderId=bench-1000000000&newOrderRespType=FULL&timestamp=1700000000000"
                    + "&signature=c8db56825ae71d1d79670f2d4f7a7b4c3e2f3e36b5b8c1c7f6c9d4b1a2e3f4a5"))));

    private static final Map<String, String> OKX_HEADERS = Map.of("Content-Type", "application/json",
            "OK-ACCESS-KEY", "bench-key", "OK-ACCESS-SIGN", "3Ks7dXz1eS8e0m+4q5D0e1f2g3h4i5j6k7l8m9n0o1p=",
            "OK-ACCESS-TIMESTAMP", "2026-11-24T06:00:00.000Z", "OK-ACCESS-PASSPHRASE", "bench-passphrase");

    /** OKX v5: the placement answers ids only (#order-book-trading-trade-post-place-order), then the order's details. */
    private static final BenchVenue OKX = new BenchVenue(ExchangeId.OKX, Map.of(
            "/api/v5/public/instruments", Map.of("GET", bytes("{\"code\":\"0\",\"msg\":\"\",\"data\":[{\"alias\":\"\",\"baseCcy\":\"BTC\","
                    + "\"category\":\"1\",\"ctMult\":\"\",\"ctType\":\"\",\"ctVal\":\"\",\"ctValCcy\":\"\",\"expTime\":\"\","
                    + "\"instFamily\":\"\",\"instId\":\"BTC-USDT\",\"instType\":\"SPOT\",\"lever\":\"10\",\"listTime\":\"1606468572000\","
                    + "\"lotSz\":\"0.00000001\",\"maxLmtSz\":\"9999999999\",\"minSz\":\"0.00001\",\"optType\":\"\",\"quoteCcy\":\"USDT\","
                    + "\"settleCcy\":\"\",\"state\":\"live\",\"stk\":\"\",\"tickSz\":\"0.1\",\"uly\":\"\"}]}")),
            "/api/v5/trade/order", Map.of(
                    "POST", bytes("{\"code\":\"0\",\"msg\":\"\",\"data\":[{\"clOrdId\":\"bench1000000000\",\"ordId\":\"312269865356374016\","
                            + "\"tag\":\"\",\"ts\":\"1695190491421\",\"sCode\":\"0\",\"sMsg\":\"Order placed\"}],"
                            + "\"inTime\":\"1695190491421339\",\"outTime\":\"1695190491423240\"}"),
                    "GET", bytes("{\"code\":\"0\",\"msg\":\"\",\"data\":[{\"accFillSz\":\"0\",\"avgPx\":\"0\",\"cTime\":\"1695190491421\","
                            + "\"cancelSource\":\"\",\"category\":\"normal\",\"ccy\":\"\",\"clOrdId\":\"bench1000000000\",\"fee\":\"0\","
                            + "\"feeCcy\":\"BTC\",\"fillPx\":\"\",\"fillSz\":\"0\",\"fillTime\":\"\",\"instId\":\"BTC-USDT\","
                            + "\"instType\":\"SPOT\",\"lever\":\"\",\"ordId\":\"312269865356374016\",\"ordType\":\"limit\",\"pnl\":\"0\","
                            + "\"posSide\":\"net\",\"px\":\"27000\",\"rebate\":\"0\",\"rebateCcy\":\"USDT\",\"reduceOnly\":\"false\","
                            + "\"side\":\"buy\",\"source\":\"\",\"state\":\"live\",\"stpMode\":\"cancel_maker\",\"sz\":\"0.001\",\"tag\":\"\","
                            + "\"tdMode\":\"cash\",\"tgtCcy\":\"\",\"tradeId\":\"\",\"uTime\":\"1695190491421\"}]}"))),
            Map.of(),
            List.of(new BareRequest("POST", "/api/v5/trade/order", OKX_HEADERS, bytes("{\"instId\":\"BTC-USDT\",\"tdMode\":\"cash\","
                            + "\"clOrdId\":\"bench1000000000\",\"side\":\"buy\",\"ordType\":\"limit\",\"sz\":\"0.001\",\"px\":\"27000\"}")),
                    new BareRequest("GET", "/api/v5/trade/order?instId=BTC-USDT&clOrdId=bench1000000000", OKX_HEADERS,
                            new byte[0])));

    private static final Map<String, String> BYBIT_HEADERS = Map.of("Content-Type", "application/json",
            "X-BAPI-API-KEY", "bench-key", "X-BAPI-SIGN", "3c8e2d1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d",
            "X-BAPI-TIMESTAMP", "1700000000000", "X-BAPI-RECV-WINDOW", "5000");

    /** Bybit v5: the placement answers ids only (docs/v5/order/create-order), then the order (docs/v5/order/open-order). */
    private static final BenchVenue BYBIT = new BenchVenue(ExchangeId.BYBIT, Map.of(
            "/v5/market/instruments-info", Map.of("GET", bytes("{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"category\":\"spot\","
                    + "\"list\":[{\"symbol\":\"BTCUSDT\",\"baseCoin\":\"BTC\",\"quoteCoin\":\"USDT\",\"innovation\":\"0\",\"status\":\"Trading\","
                    + "\"marginTrading\":\"utaOnly\",\"lotSizeFilter\":{\"basePrecision\":\"0.000001\",\"quotePrecision\":\"0.0000001\","
                    + "\"minOrderQty\":\"0.000011\",\"maxOrderQty\":\"83\",\"minOrderAmt\":\"5\",\"maxOrderAmt\":\"8000000\"},"
                    + "\"priceFilter\":{\"tickSize\":\"0.01\"}}]},\"retExtInfo\":{},\"time\":1760027412300}")),
            "/v5/order/create", Map.of("POST", bytes("{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"orderId\":\"1321003749386327552\","
                    + "\"orderLinkId\":\"bench-1000000000\"},\"retExtInfo\":{},\"time\":1672211918471}")),
            "/v5/order/realtime", Map.of("GET", bytes("{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"list\":[{\"orderId\":"
                    + "\"1321003749386327552\",\"orderLinkId\":\"bench-1000000000\",\"blockTradeId\":\"\",\"symbol\":\"BTCUSDT\","
                    + "\"price\":\"27000\",\"qty\":\"0.001\",\"side\":\"Buy\",\"isLeverage\":\"\",\"positionIdx\":0,\"orderStatus\":\"New\","
                    + "\"cancelType\":\"UNKNOWN\",\"rejectReason\":\"EC_NoError\",\"avgPrice\":\"0\",\"leavesQty\":\"0.001\","
                    + "\"leavesValue\":\"27\",\"cumExecQty\":\"0\",\"cumExecValue\":\"0\",\"cumExecFee\":\"0\",\"timeInForce\":\"GTC\","
                    + "\"orderType\":\"Limit\",\"stopOrderType\":\"UNKNOWN\",\"orderIv\":\"\",\"triggerPrice\":\"0.00\","
                    + "\"takeProfit\":\"0.00\",\"stopLoss\":\"0.00\",\"reduceOnly\":false,\"closeOnTrigger\":false,"
                    + "\"createdTime\":\"1684738540559\",\"updatedTime\":\"1684738540561\",\"cumFeeDetail\":{}}],"
                    + "\"nextPageCursor\":\"\",\"category\":\"spot\"},\"retExtInfo\":{},\"time\":1684765770483}"))),
            Map.of(),
            List.of(new BareRequest("POST", "/v5/order/create", BYBIT_HEADERS, bytes("{\"category\":\"spot\",\"symbol\":\"BTCUSDT\","
                            + "\"side\":\"Buy\",\"orderType\":\"Limit\",\"qty\":\"0.001\",\"price\":\"27000\",\"timeInForce\":\"GTC\","
                            + "\"orderLinkId\":\"bench-1000000000\"}")),
                    new BareRequest("GET", "/v5/order/realtime?category=spot&orderLinkId=bench-1000000000&symbol=BTCUSDT",
                            BYBIT_HEADERS, new byte[0])));
}

package io.huracan.adapter.xchange;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.huracan.adapter.micrometer.MetricsEndpointConfig;
import io.huracan.adapter.micrometer.MicrometerMetricsModule;
import io.huracan.ports.exchange.ExchangeException;
import io.huracan.ports.exchange.ExchangeGateway;
import io.huracan.ports.lifecycle.ManagedService;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.market.Price;
import io.huracan.ports.market.Quantity;
import io.huracan.ports.market.Side;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Order;
import io.huracan.ports.order.OrderStatus;
import io.huracan.ports.order.OrderType;
import io.huracan.ports.order.TimeInForce;
import io.huracan.testkit.net.FreePorts;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.huracan.adapter.xchange.StubVenue.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The exchange meters and health checks as an operator sees them: the gateway and the Micrometer metrics wired by their
 * Guice modules, calls against a venue stub, then /metrics and /health/ready read from the running endpoint.
 */
class ExchangeMetersTest {
    private static final Coin BTC = Coin.of("BTC");
    private static final Path CONFIG = Path.of("..", "..", "config").toAbsolutePath().normalize();

    private final HttpClient http = HttpClient.newHttpClient();
    private BybitStub bybit;
    private OkxStub okx;
    private Set<ManagedService> services;
    private ExchangeGateway gateway;
    private int port;

    @BeforeEach
    void start() throws Exception {
        bybit = new BybitStub();
        okx = new OkxStub();
        port = FreePorts.loopback();
        Injector injector = Guice.createInjector(new MicrometerMetricsModule(new MetricsEndpointConfig("127.0.0.1", port, "")),
                new XChangeExchangeModule(List.of(
                        BybitVenues.config(bybit, InstrumentKind.SPOT, 0, 5, StubVenues.PATIENT_READ_TIMEOUT),
                        OkxVenues.config(okx, InstrumentKind.SPOT, OkxStub.PASSPHRASE, 0, 5, StubVenues.PATIENT_READ_TIMEOUT))));
        services = injector.getInstance(Key.get(new TypeLiteral<Set<ManagedService>>() { }));
        for (ManagedService service : services) {
            service.start();
        }
        gateway = injector.getInstance(ExchangeGateway.class);
    }

    @AfterEach
    void stop() throws Exception {
        for (ManagedService service : services) {
            service.stop();
        }
        bybit.close();
        okx.close();
    }

    @Test
    void everyExchangeHasItsRequestsByOutcomeErrorsByClassHeadroomBanBreakerAndHealth() throws Exception {
        String before = scrape();
        for (String outcome : List.of("ok", "rejected", "error", "not_sent")) {
            assertThat(before).contains("huracan_exchange_requests_total{exchange=\"bybit\",outcome=\"" + outcome + "\"} 0.0")
                    .contains("huracan_exchange_requests_total{exchange=\"okx\",outcome=\"" + outcome + "\"} 0.0");
        }
        assertThat(before).contains("huracan_exchange_banned{exchange=\"okx\"} 0.0")
                .contains("huracan_exchange_rate_limit_headroom{exchange=\"okx\"} 1.0")
                .contains("huracan_exchange_breaker_state{exchange=\"bybit\"} 0.0");

        assertThat(gateway.place(buy("meter-1", "0.001")).status()).isEqualTo(OrderStatus.NEW); // instruments, create, query
        assertThat(gateway.place(buy("meter-2", "1")).status()).isEqualTo(OrderStatus.REJECTED); // 170131 balance
        bybit.inject("GET", "/v5/market/orderbook", new StubVenue.Fault.Respond(json(500, "oops")));
        assertThatThrownBy(() -> gateway.orderBook(BTC, ExchangeId.BYBIT, 5)).isInstanceOf(ExchangeException.class);
        bybit.inject("GET", "/v5/market/orderbook", new StubVenue.Fault.Respond(new MockResponse.Builder().code(403)
                .body("access too frequent").build()));
        assertThatThrownBy(() -> gateway.orderBook(BTC, ExchangeId.BYBIT, 5)).isInstanceOf(ExchangeException.class);
        assertThatThrownBy(() -> gateway.balances(ExchangeId.BYBIT)).isInstanceOf(ExchangeException.class);
        gateway.orderBook(BTC, ExchangeId.OKX, 5);

        String after = scrape();
        assertThat(after)
                .contains("huracan_exchange_requests_total{exchange=\"bybit\",outcome=\"ok\"} 3.0")
                .contains("huracan_exchange_requests_total{exchange=\"bybit\",outcome=\"rejected\"} 1.0")
                .contains("huracan_exchange_requests_total{exchange=\"bybit\",outcome=\"error\"} 2.0")
                .contains("huracan_exchange_requests_total{exchange=\"bybit\",outcome=\"not_sent\"} 1.0")
                .contains("huracan_exchange_errors_total{exchange=\"bybit\",reason=\"retryable\"} 2.0")
                .contains("huracan_exchange_errors_total{exchange=\"bybit\",reason=\"rejected\"} 1.0")
                .contains("huracan_exchange_errors_total{exchange=\"bybit\",reason=\"fatal\"} 0.0")
                .contains("huracan_exchange_banned{exchange=\"bybit\"} 1.0")
                .contains("huracan_exchange_rate_limit_headroom{exchange=\"bybit\"} 0.0")
                .contains("huracan_exchange_requests_total{exchange=\"okx\",outcome=\"ok\"} 2.0")
                .contains("huracan_exchange_banned{exchange=\"okx\"} 0.0")
                .doesNotContain("meter-1").doesNotContain("client_order_id");

        String health = get("/health/ready");
        assertThat(health).contains("\"status\":\"DOWN\"")
                .contains("\"exchange-bybit\":{\"status\":\"DOWN\",\"reason\":\"bybit has banned this IP until")
                .contains("\"exchange-okx\":{\"status\":\"UP\",\"reason\":\"okx answering;");
    }

    @Test
    void everyExchangeSeriesTheDashboardAndTheAlertsUseIsPublished() throws Exception {
        gateway.orderBook(BTC, ExchangeId.OKX, 5);
        String scrape = scrape();
        Set<String> used = new TreeSet<>();
        for (Path file : List.of(CONFIG.resolve("grafana/huracan.json"), CONFIG.resolve("prometheus/alerts.yml"))) {
            // the stream series come from the live feed, not the gateway: StreamSeriesTest checks them
            Matcher names = Pattern.compile("huracan_exchange_(?!stream_)[a-z_]+").matcher(Files.readString(file));
            while (names.find()) {
                used.add(names.group());
            }
        }

        assertThat(used).contains("huracan_exchange_requests_total", "huracan_exchange_errors_total",
                "huracan_exchange_rate_limit_headroom", "huracan_exchange_banned", "huracan_exchange_breaker_state");
        assertThat(used).allSatisfy(name -> assertThat(scrape).contains(name + "{exchange=\"okx\""));
    }

    private String scrape() throws Exception {
        return get("/metrics");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    private static Order buy(String id, String quantity) {
        return new Order(new ClientOrderId(id), BTC, ExchangeId.BYBIT, InstrumentKind.SPOT, Side.BUY, OrderType.LIMIT,
                TimeInForce.GTC, Quantity.of(quantity), Optional.of(Price.of("27000")), false);
    }
}

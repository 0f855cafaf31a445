package io.huracan.adapter.xchange;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.market.StreamState;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every stream series the Grafana dashboard and the alert rules use is one a running live feed publishes. */
class StreamSeriesTest {
    private static final Path CONFIG = Path.of("..", "..", "config").toAbsolutePath().normalize();

    @Test
    void everyStreamSeriesTheDashboardAndTheAlertsUseIsPublished() throws Exception {
        Set<String> used = new TreeSet<>();
        for (Path file : List.of(CONFIG.resolve("grafana/huracan.json"), CONFIG.resolve("prometheus/alerts.yml"))) {
            Matcher names = Pattern.compile("huracan_exchange_stream_[a-z_]+").matcher(Files.readString(file));
            while (names.find()) {
                used.add(names.group());
            }
        }
        assertThat(used).contains("huracan_exchange_stream_reconnects_total", "huracan_exchange_stream_down",
                "huracan_exchange_stream_live");

        try (var stub = new OkxStreamStub()) {
            stub.book("BTC-USDT", 100, "[[\"8476.97\",\"256\",\"0\",\"12\"]]", "[[\"8476.98\",\"415\",\"0\",\"13\"]]");
            var venue = StubVenues.config(ExchangeId.OKX, InstrumentKind.SPOT, stub, "", "", "", 0, 5,
                    StubVenues.PATIENT_READ_TIMEOUT);
            try (var fixture = new StreamFeedFixture(venue,
                    StreamFeedFixture.stream(ExchangeId.OKX, stub.streamUrl(), 10, Duration.ofSeconds(60)),
                    Set.of(Coin.of("BTC")))) {
                fixture.awaitState(Coin.of("BTC"), StreamState.LIVE);
                String scrape = fixture.scrape();
                assertThat(used).allSatisfy(name -> assertThat(scrape).contains(name + "{exchange=\"okx\""));
                assertThat(scrape).contains("huracan_exchange_stream_down{exchange=\"okx\"} 0.0")
                        .contains("huracan_exchange_stream_live{exchange=\"okx\"} 1.0");
            }
        }
    }
}

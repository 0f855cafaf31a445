package io.huracan.adapter.xchange;

import io.huracan.ports.market.ExchangeId;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XChangeStreamConfigTest {

    private static XChangeStreamConfig binance(String url, int coins, Duration backoff, Duration backoffMax,
                                               int maxReconnects, Duration staleAfter, int depth) {
        return new XChangeStreamConfig(ExchangeId.BINANCE, url, coins, Duration.ofSeconds(10), backoff, backoffMax,
                maxReconnects, staleAfter, depth);
    }

    @Test
    void eachBadValueIsOneLineNamingItsKey() {
        Duration s = Duration.ofSeconds(1);
        assertThatThrownBy(() -> binance("stream.binance.com", 10, s, s, 3, s, 100))
                .hasMessage("engine.exchanges.binance.stream.url: 'stream.binance.com' is invalid; allowed: empty (the"
                        + " venue's documented endpoint) or ws(s)://host[:port][/path]");
        assertThatThrownBy(() -> binance("", 513, s, s, 3, s, 100))
                .hasMessage("engine.exchanges.binance.stream.coins_per_connection: 513 is out of range [1, 512]"
                        + " (binance's streams per connection)");
        assertThatThrownBy(() -> binance("", 10, Duration.ZERO, s, 3, s, 100))
                .hasMessage("engine.exchanges.binance.stream.reconnect_backoff: PT0S is invalid; allowed: a duration > 0");
        assertThatThrownBy(() -> binance("", 10, Duration.ofSeconds(5), s, 3, s, 100))
                .hasMessage("engine.exchanges.binance.stream.reconnect_backoff_max: PT1S is below reconnect_backoff PT5S;"
                        + " allowed: >= reconnect_backoff");
        assertThatThrownBy(() -> binance("", 10, s, s, 0, s, 100))
                .hasMessage("engine.exchanges.binance.stream.max_reconnects: 0 is out of range [1, 1000]");
        assertThatThrownBy(() -> binance("", 10, s, s, 3, Duration.ofSeconds(-1), 100))
                .hasMessage("engine.exchanges.binance.stream.stale_after: PT-1S is invalid; allowed: a duration > 0");
        assertThatThrownBy(() -> binance("", 10, s, s, 3, s, 5001))
                .hasMessage("engine.exchanges.binance.stream.snapshot_depth: 5001 is out of range [1, 5000]");
    }

    @Test
    void bybitAndOkxConnectionsCarryAtMostTwoHundredCoins() {
        Duration s = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new XChangeStreamConfig(ExchangeId.OKX, "", 201, s, s, s, 3, s, 100))
                .hasMessage("engine.exchanges.okx.stream.coins_per_connection: 201 is out of range [1, 200]"
                        + " (okx's streams per connection)");
        assertThatThrownBy(() -> new XChangeStreamConfig(ExchangeId.BYBIT, "", 201, s, s, s, 3, s, 100))
                .hasMessage("engine.exchanges.bybit.stream.coins_per_connection: 201 is out of range [1, 200]"
                        + " (bybit's streams per connection)");
        assertThatThrownBy(() -> new XChangeStreamConfig(ExchangeId.PAPER, "", 10, s, s, s, 3, s, 100))
                .hasMessage("stream venue PAPER is invalid; allowed: binance, okx, bybit");
    }
}

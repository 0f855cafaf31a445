package io.huracan.adapter.xchange;

import com.fasterxml.jackson.databind.JsonNode;
import info.bitrich.xchangestream.binance.BinanceStreamingService;
import info.bitrich.xchangestream.binance.KlineSubscription;
import info.bitrich.xchangestream.core.ProductSubscription;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Side;
import io.huracan.ports.market.Trade;
import io.reactivex.rxjava3.disposables.CompositeDisposable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Binance combined-stream connection through xchange-stream's {@link BinanceStreamingService}: the diff depth
 * ({@code <symbol>@depth@100ms}) and trade ({@code <symbol>@trade}) streams of its coins named in the URL, as Binance
 * documents combined streams. xchange-stream's auto-reconnect is off: a drop reaches the sink once, and the
 * supervisor decides what follows. Payloads are read from the documented fields ({@code U}, {@code u}, {@code E},
 * {@code b}, {@code a}; {@code p}, {@code q}, {@code T}, {@code m}); a snapshot is {@code GET /api/v3/depth}.
 */
final class BinanceStreamConnection implements StreamConnection {
    /** Seconds without a frame after which the client pings (xchange-stream's default). */
    private static final int IDLE_PING_SECONDS = 15;

    private final BinanceStreamingService service;
    private final BinanceClient client;
    private final int snapshotDepth;
    private final StreamSink sink;
    private final Map<String, Coin> coinsBySymbol;
    private final CompositeDisposable subscriptions = new CompositeDisposable();
    private final AtomicBoolean closed = new AtomicBoolean();

    private BinanceStreamConnection(BinanceStreamingService service, BinanceClient client, int snapshotDepth,
                                    StreamSink sink, Map<String, Coin> coinsBySymbol) {
        this.service = service;
        this.client = client;
        this.snapshotDepth = snapshotDepth;
        this.sink = sink;
        this.coinsBySymbol = coinsBySymbol;
    }

    /** Connects to {@code base + "stream?streams=..."} and subscribes every coin's two streams. */
    static BinanceStreamConnection open(String base, List<Coin> coins, BinanceClient client, int snapshotDepth,
                                        StreamSink sink, Duration timeout) throws Exception {
        Map<String, Coin> coinsBySymbol = new HashMap<>();
        List<String> streams = new ArrayList<>(coins.size() * 2);
        for (Coin coin : coins) {
            String symbol = client.symbols().symbol(coin);
            coinsBySymbol.put(symbol, coin);
            String name = symbol.toLowerCase(Locale.ROOT);
            streams.add(name + "@depth@100ms");
            streams.add(name + "@trade");
        }
        BinanceStreamingService service = new BinanceStreamingService(base + "stream?streams=" + String.join("/", streams),
                ProductSubscription.create().build(), new KlineSubscription(Map.of()), Integer.MAX_VALUE, timeout,
                timeout, IDLE_PING_SECONDS);
        service.setAutoReconnect(false);
        BinanceStreamConnection connection = new BinanceStreamConnection(service, client, snapshotDepth, sink, coinsBySymbol);
        try {
            if (!service.connect().blockingAwait(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TimeoutException("binance websocket did not open within " + timeout.toMillis() + " ms");
            }
            connection.subscribe(streams);
        } catch (Exception e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private void subscribe(List<String> streams) {
        subscriptions.add(service.subscribeDisconnect().subscribe(event -> lost("closed", null)));
        for (String stream : streams) {
            boolean depth = stream.endsWith("@depth@100ms");
            subscriptions.add(service.subscribeChannel(stream).subscribe(
                    message -> {
                        if (depth) {
                            sink.onBook(diff(message.get("data")));
                        } else {
                            sink.onTrade(trade(message.get("data")));
                        }
                    },
                    error -> lost("stream " + stream + " failed", error)));
        }
    }

    @Override
    public void resync(Coin coin) {
        sink.onBook(client.depthSnapshot(coin, snapshotDepth));
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            subscriptions.dispose();
            service.disconnect().subscribe(() -> { }, error -> { }); // shuts the connection's event loop down
        }
    }

    private void lost(String reason, Throwable error) {
        if (!closed.get()) {
            sink.onLost(reason, error);
        }
    }

    /** A {@code depthUpdate} event: {@code U} and {@code u} the first and last update id, {@code E} the event time. */
    private BookUpdate diff(JsonNode data) {
        return BookUpdate.diff(coin(data), data.get("U").asLong(), data.get("u").asLong(), data.get("E").asLong() * 1000,
                JsonBookLevels.of(data.get("b")), JsonBookLevels.of(data.get("a")));
    }

    /** A {@code trade} event; {@code m} true: the buyer was the maker, so the seller took liquidity. */
    private Trade trade(JsonNode data) {
        return new Trade(coin(data), ExchangeId.BINANCE, data.get("T").asLong() * 1000,
                Double.parseDouble(data.get("p").asText()), Double.parseDouble(data.get("q").asText()),
                data.get("m").asBoolean() ? Side.SELL : Side.BUY);
    }

    private Coin coin(JsonNode data) {
        Coin coin = coinsBySymbol.get(data.get("s").asText());
        if (coin == null) {
            throw new IllegalArgumentException("binance sent symbol " + data.get("s").asText()
                    + " on a connection that streams " + coinsBySymbol.keySet());
        }
        return coin;
    }
}

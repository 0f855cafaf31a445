package io.huracan.bootstrap.cluster;

import io.huracan.adapter.paper.MarketSimulator;
import io.huracan.bootstrap.engine.EngineObserver;
import io.huracan.bootstrap.engine.HuracanEngine;
import io.huracan.ports.exchange.ExecutionReport;
import io.huracan.ports.market.Coin;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One engine process of {@link ThreeProcessClusterTest}: the engine exactly as an application embeds it, built
 * from the config file given (the member name and ports come from HURACAN_ENGINE__ variables), started, and
 * stopped gracefully on SIGTERM. Besides the engine's own models it submits a signal of its own ten times a
 * second for each coin it trades (an application's model, through {@link HuracanEngine#submitSignal}), so that
 * orders flow from every member within seconds. It reports on stdout, one line each, with wall-clock micros:
 * {@code OWN t coin token}, {@code DROP t coin token lost}, {@code MID marketMicros coin mid} for a few coins once
 * per market second, {@code STARTED t}, and on stop {@code STATS t orders executions}.
 */
public final class ClusterMemberProcess {
    static final String MARK = "CLUSTER-TEST ";
    static final List<Coin> MID_COINS = List.of(Coin.of("BTC"), Coin.of("ETH"), Coin.of("ADA"));

    private ClusterMemberProcess() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1); // Redisson's threads would keep a failed process alive
        }
    }

    private static void run(String[] args) throws Exception {
        PrintStream out = System.out;
        var executions = new AtomicLong();
        MarketSimulator[] simulator = new MarketSimulator[1];
        long[] lastSecond = {0};
        HuracanEngine engine = HuracanEngine.builder().configFiles(List.of(Path.of(args[0])))
                .onMarketStep(micros -> {
                    long second = micros / 1_000_000;
                    if (second != lastSecond[0] && simulator[0] != null) {
                        lastSecond[0] = second;
                        for (Coin coin : MID_COINS) {
                            report(out, "MID " + micros + " " + coin + " " + simulator[0].midPrice(coin));
                        }
                    }
                })
                .build();
        simulator[0] = engine.instance(MarketSimulator.class);
        engine.observe(new EngineObserver() {
            @Override
            public void onCoinAcquired(Coin coin, long fencingToken) {
                report(out, "OWN " + now() + " " + coin + " " + fencingToken);
            }

            @Override
            public void onCoinReleased(Coin coin, long fencingToken, boolean lost) {
                report(out, "DROP " + now() + " " + coin + " " + fencingToken + " " + lost);
            }

            @Override
            public void onExecution(ExecutionReport report) {
                if (report.lastFill().isPresent()) {
                    executions.incrementAndGet();
                }
            }
        });
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            engine.stop();
            report(out, "STATS " + now() + " " + engine.stats().ordersSent() + " " + executions.get());
            stopped.countDown();
        }));
        engine.start();
        report(out, "STARTED " + now());
        long round = 0;
        while (!stopped.await(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            round++;
            long second = round / 10;
            for (Coin coin : engine.ownedCoins()) { // often enough to outweigh the models' weaker signals
                engine.submitSignal(coin, (second + coin.symbol().length()) % 2 == 0 ? 40.0 : -40.0);
            }
            if (round % 10 != 0) {
                continue;
            }
            var stats = engine.stats();
            report(out, "STATUS " + now() + " owned=" + engine.ownedCoins().size() + " events=" + stats.events()
                    + " signals=" + stats.signals() + " inactive=" + stats.notActive() + " orders="
                    + stats.ordersSent() + " fills=" + stats.fills() + " rejects=" + stats.riskRejects()
                    + " skips=" + stats.costSkips() + " active=" + engine.activeCoins().size() + " ranking="
                    + engine.rankingSkips());
        }
    }

    private static long now() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    private static void report(PrintStream out, String line) {
        synchronized (out) {
            out.println(MARK + line);
            out.flush();
        }
    }
}

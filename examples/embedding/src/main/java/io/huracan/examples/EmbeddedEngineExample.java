package io.huracan.examples;

import io.huracan.bootstrap.engine.EngineObserver;
import io.huracan.bootstrap.engine.HuracanEngine;
import io.huracan.ports.exchange.ExecutionReport;
import io.huracan.ports.market.Coin;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An application embedding Huracan: it builds the engine from the bundled defaults plus its own config file,
 * watches the fills, trades a signal of its own, reads positions and P&amp;L, trips the kill switch, and stops.
 *
 * <p>Run it from the project root (after {@code ./huracan --version} has built the engine once):
 * {@code java -cp "examples/embedding/target/classes:benchmarks/target/lib/*" io.huracan.examples.EmbeddedEngineExample}
 */
public final class EmbeddedEngineExample {
    private EmbeddedEngineExample() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> configs = args.length > 0 ? List.of(Path.of(args[0])) : List.of();
        AtomicInteger fills = new AtomicInteger();

        try (HuracanEngine engine = HuracanEngine.builder().configFiles(configs).speed(10).build()) {
            engine.observe(new EngineObserver() {
                @Override
                public void onExecution(ExecutionReport report) {
                    report.lastFill().ifPresent(fill -> fills.incrementAndGet());
                }
            });
            engine.start();
            System.out.println("engine started; trading " + engine.config().universe().activeCoins() + " coins");

            Thread.sleep(2_000);                           // twenty seconds of market at speed 10
            engine.setActiveCoins(40);                     // widen the active set at run time
            engine.submitSignal(Coin.of("ETH"), 60.0);     // our own model says ETH +60 bps
            Thread.sleep(2_000);

            System.out.printf("fills so far: %d, equity %.2f, positions %s%n", fills.get(), engine.risk().equity(),
                    engine.positions());
            engine.killSwitch();                           // cancel, flatten, and stop new entries
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!engine.positions().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            System.out.printf("after the kill switch: positions %s, equity %.2f%n", engine.positions(),
                    engine.risk().equity());
        }
        System.out.println("engine stopped");
    }
}

package io.huracan.benchmarks;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.bootstrap.config.ObservabilitySection;
import io.huracan.bootstrap.wiring.AdapterSelection;
import io.huracan.ports.lifecycle.ManagedService;
import io.huracan.ports.metrics.EngineMetrics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's metrics in a benchmark, as {@code engine.observability} says: when enabled, the Micrometer meters,
 * the endpoint, and a scraper reading {@code /metrics} once a second as Prometheus would, so the measured
 * overhead includes recording and scraping; when disabled, meters that record nothing.
 */
final class BenchMetrics implements AutoCloseable {
    private final EngineMetrics metrics;
    private final List<ManagedService> services;
    private final Thread scraper;
    private final AtomicLong scrapes = new AtomicLong();
    private final AtomicLong scrapeNanos = new AtomicLong();
    private volatile boolean closed;

    private BenchMetrics(EngineConfig config, Map<String, String> environment) throws Exception {
        ObservabilitySection section = config.observability();
        Injector injector = Guice.createInjector(AdapterSelection.observability(section, environment));
        this.metrics = injector.getInstance(EngineMetrics.class);
        this.services = section.enabled()
                ? new ArrayList<>(injector.getInstance(Key.get(new TypeLiteral<Set<ManagedService>>() { })))
                : List.of();
        for (ManagedService service : services) {
            service.start();
        }
        this.scraper = section.enabled() ? scraper(section, environment) : null;
    }

    static BenchMetrics start(EngineConfig config, Map<String, String> environment) {
        try {
            return new BenchMetrics(config, environment);
        } catch (Exception e) {
            throw new IllegalStateException("metrics endpoint did not start: " + e.getMessage(), e);
        }
    }

    EngineMetrics metrics() {
        return metrics;
    }

    long scrapes() {
        return scrapes.get();
    }

    /** Mean wall time of one scrape (render and transfer), milliseconds; 0 before the first. */
    double meanScrapeMillis() {
        long count = scrapes.get();
        return count == 0 ? 0 : scrapeNanos.get() / 1e6 / count;
    }

    private Thread scraper(ObservabilitySection section, Map<String, String> environment) {
        var request = HttpRequest.newBuilder(URI.create("http://" + section.bindAddress() + ":" + section.port()
                + "/metrics"));
        if (section.bearerToken().isConfigured()) {
            request.header("Authorization", "Bearer " + environment.get(section.bearerToken().environmentVariable()));
        }
        HttpRequest get = request.build();
        HttpClient http = HttpClient.newHttpClient();
        Thread thread = new Thread(() -> {
            while (!closed) {
                try {
                    long began = System.nanoTime();
                    if (http.send(get, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                        scrapeNanos.addAndGet(System.nanoTime() - began);
                        scrapes.incrementAndGet();
                    }
                    Thread.sleep(TimeUnit.SECONDS.toMillis(1));
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    throw new IllegalStateException("scraping /metrics failed: " + e, e);
                }
            }
        }, "bench-metrics-scraper");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void close() throws Exception {
        closed = true;
        if (scraper != null) {
            scraper.interrupt();
            scraper.join();
        }
        for (ManagedService service : services) {
            service.stop();
        }
    }
}

package io.huracan.bootstrap.lifecycle;

import io.huracan.ports.lifecycle.ManagedService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Starts services in order and stops them in reverse. If one fails to start, those already started are
 * stopped (in reverse) and an {@link EngineStartException} names the one that failed.
 */
public final class ServiceRunner {
    private static final Logger log = LoggerFactory.getLogger(ServiceRunner.class);

    private final List<ManagedService> services;
    private final Deque<ManagedService> started = new ArrayDeque<>();

    public ServiceRunner(List<ManagedService> services) {
        this.services = List.copyOf(services);
    }

    public synchronized void start() {
        for (ManagedService service : services) {
            try {
                log.debug("starting {}", service.name());
                service.start();
                started.push(service);
            } catch (Exception e) {
                List<String> stopFailures = stopStarted();
                String message = "engine failed to start: " + service.name() + ": " + describe(e)
                        + (stopFailures.isEmpty() ? "" : "; while stopping the rest: " + String.join("; ", stopFailures));
                throw new EngineStartException(message, e);
            }
        }
    }

    /** Stops every started service in reverse order; a failing stop is logged and the others still stop. */
    public synchronized void stop() {
        stopStarted().forEach(failure -> log.warn("stop failed: {}", failure));
    }

    private List<String> stopStarted() {
        List<String> failures = new ArrayList<>();
        while (!started.isEmpty()) {
            ManagedService service = started.pop();
            try {
                log.debug("stopping {}", service.name());
                service.stop();
            } catch (Exception e) {
                failures.add(service.name() + ": " + describe(e));
            }
        }
        return failures;
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

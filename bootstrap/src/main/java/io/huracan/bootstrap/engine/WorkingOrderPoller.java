package io.huracan.bootstrap.engine;

import io.huracan.ports.exchange.ExchangeGateway;
import io.huracan.ports.exchange.ExecutionListener;
import io.huracan.ports.exchange.ExecutionReport;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Order;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Asks live venues about the engine's own working orders, because nothing else reports the fills of an order that
 * rests: it learns which orders work from the execution reports ({@code NEW} or {@code PARTIALLY_FILLED} until a
 * terminal one), and every venue's interval it asks the gateway about them together. The gateway delivers a
 * report only when the order changed, with one fill for the growth of its filled quantity, so a fill seen here and
 * again in a later answer (the settlement's cancel) counts once; its budgets and breaker pace the queries.
 *
 * <p>The queries run on a thread of their own: a slow or failing venue delays the next poll, never the session's
 * clock. A failed round is logged and counted ({@link #errors()}); the next round tries again.
 */
final class WorkingOrderPoller implements ExecutionListener {
    private static final Logger log = LoggerFactory.getLogger(WorkingOrderPoller.class);

    private final ExchangeGateway gateway;
    private final Map<ExchangeId, Duration> intervals;
    private final Predicate<Order> ours;
    private final Map<ClientOrderId, Order> working = new ConcurrentHashMap<>();
    private final AtomicLong queries = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    /** Failed rounds in a row per venue; touched only by the polling thread. */
    private final Map<ExchangeId, Integer> failingRounds = new ConcurrentHashMap<>();
    private ScheduledExecutorService executor;

    /**
     * @param intervals how often to ask each polled venue; venues not in it (the paper venue) are not asked
     * @param ours      which orders are the session's: another program's open orders, which a list of the open orders
     *                  also reports, are not followed
     */
    WorkingOrderPoller(ExchangeGateway gateway, Map<ExchangeId, Duration> intervals, Predicate<Order> ours) {
        this.gateway = gateway;
        this.intervals = Map.copyOf(intervals);
        this.ours = ours;
    }

    @Override
    public void onExecution(ExecutionReport report) {
        if (!intervals.containsKey(report.order().exchange()) || !ours.test(report.order())) {
            return;
        }
        if (report.status().isTerminal()) {
            working.remove(report.clientOrderId());
        } else {
            working.put(report.clientOrderId(), report.order());
        }
    }

    synchronized void start() {
        if (executor != null || intervals.isEmpty()) {
            return;
        }
        gateway.addExecutionListener(this);
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "huracan-order-poll");
            thread.setDaemon(true);
            return thread;
        });
        intervals.forEach((venue, interval) -> executor.scheduleWithFixedDelay(() -> poll(venue),
                interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** Stops asking; a query under way is given a few seconds to return its answer. */
    synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("a working-order query was still under way when polling stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        gateway.removeExecutionListener(this);
        executor = null;
    }

    /**
     * One round on a venue: its working orders asked about together ({@link ExchangeGateway#queryOrders}: one list
     * of the open orders where the venue's limits favour it, not a query per order). A failure ends the round (the
     * venue's budget or breaker is the likely cause). The first failure of a run is logged, the rest only counted (a
     * venue backing off for a minute would log every round).
     */
    void poll(ExchangeId venue) {
        Map<ClientOrderId, Order> asked = new HashMap<>();
        working.values().forEach(order -> {
            if (order.exchange() == venue) {
                asked.put(order.clientOrderId(), order);
            }
        });
        if (asked.isEmpty() || Thread.currentThread().isInterrupted()) {
            return;
        }
        try {
            queries.addAndGet(asked.size());
            // a changed order reaches the listeners (the coins, and this poller) from inside the query
            for (ExecutionReport report : gateway.queryOrders(venue, asked.values())) {
                asked.remove(report.clientOrderId());
            }
            asked.keySet().forEach(working::remove); // the venue does not know them
        } catch (RuntimeException e) {
            errors.incrementAndGet();
            if (failingRounds.merge(venue, 1, Integer::sum) == 1) {
                log.warn("polling working orders on {} failed, trying again every {} (further failures counted in"
                        + " huracan.order_poll.errors): {}", venue.key(), intervals.get(venue), e.getMessage());
            }
            return;
        }
        Integer failed = failingRounds.remove(venue);
        if (failed != null) {
            log.info("polling working orders on {} works again after {} failed rounds", venue.key(), failed);
        }
    }

    /** Order queries asked (or tried) so far: one per working order per round, several may share a request. */
    long queries() {
        return queries.get();
    }

    /** Poll rounds that failed so far. */
    long errors() {
        return errors.get();
    }

    /** Working orders being polled now. */
    int workingOrders() {
        return working.size();
    }
}

package io.huracan.adapter.xchange;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedSupplier;
import io.huracan.ports.exchange.ExchangeErrorClass;
import io.huracan.ports.exchange.ExchangeException;
import io.huracan.ports.exchange.Instrument;
import io.huracan.ports.market.Coin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One venue's client behind its circuit breaker, with bounded retries (exponential backoff with jitter) for safe
 * calls only, and its instruments cached after the first load. Orders go through {@link #once} (no retry): the
 * gateway decides what happens after an ambiguous failure.
 */
final class VenueConnection {
    private final VenueClient client;
    private final XChangeVenueConfig config;
    private final CircuitBreaker<Object> breaker;
    private final FailsafeExecutor<Object> safe;
    private final FailsafeExecutor<Object> once;
    private final AtomicLong failures = new AtomicLong();
    private volatile List<Instrument> instruments;

    VenueConnection(VenueClient client, XChangeVenueConfig config) {
        this.client = client;
        this.config = config;
        this.breaker = CircuitBreaker.builder()
                .handleIf(VenueConnection::venueFailure)
                .withFailureThreshold(config.breakerFailures())
                .withDelay(config.breakerOpenFor())
                .withSuccessThreshold(1)
                .onFailure(e -> failures.incrementAndGet())
                .build();
        RetryPolicy<Object> retry = RetryPolicy.builder()
                .handleIf(failure -> failure instanceof ExchangeException e && e.errorClass() == ExchangeErrorClass.RETRYABLE
                        && !RequestNotSent.causes(e))
                .withBackoff(config.retryBackoff(), config.retryBackoff().multipliedBy(16))
                .withJitter(0.25)
                .withMaxRetries(config.maxRetries())
                .build();
        this.safe = Failsafe.with(retry, breaker);
        this.once = Failsafe.with(breaker);
    }

    VenueClient client() {
        return client;
    }

    XChangeVenueConfig config() {
        return config;
    }

    /** A read or an idempotent call: retried while RETRYABLE, up to the configured count. */
    <T> T safe(CheckedSupplier<T> call) {
        return run(safe, call);
    }

    /** A call that must not be repeated blindly (an order): one attempt through the breaker. */
    <T> T once(CheckedSupplier<T> call) {
        return run(once, call);
    }

    List<Instrument> instruments() {
        List<Instrument> loaded = instruments;
        if (loaded == null) {
            loaded = List.copyOf(safe(client::loadInstruments));
            instruments = loaded;
        }
        return loaded;
    }

    Optional<Instrument> instrument(Coin coin) {
        return instruments().stream().filter(i -> i.coin().equals(coin)).findFirst();
    }

    VenueHealth health() {
        VenueHealth.Breaker state = switch (breaker.getState()) {
            case CLOSED -> VenueHealth.Breaker.CLOSED;
            case HALF_OPEN -> VenueHealth.Breaker.HALF_OPEN;
            case OPEN -> VenueHealth.Breaker.OPEN;
        };
        RequestBudget budget = client.calls().budget();
        return new VenueHealth(client.exchange(), state, budget.isBanned(), budget.pausedUntil(), budget.headroom(),
                failures.get());
    }

    private <T> T run(FailsafeExecutor<Object> executor, CheckedSupplier<T> call) {
        try {
            return executor.get(call);
        } catch (CircuitBreakerOpenException e) {
            client.calls().counters().notSent();
            throw new ExchangeException(ExchangeErrorClass.RETRYABLE, null, client.exchange().key()
                    + " circuit breaker is open after " + config.breakerFailures() + " failures in a row; no request sent"
                    + " until " + Instant.now().plus(breaker.getRemainingDelay()), e);
        }
    }

    /** Failures that say the venue (or the path to it) is unwell; a refused order says nothing about that. */
    private static boolean venueFailure(Throwable failure) {
        return !(failure instanceof ExchangeException e)
                || e.errorClass() != ExchangeErrorClass.REJECTED && !RequestNotSent.causes(e);
    }
}

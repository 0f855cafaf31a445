package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.ExchangeException;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * The one way a venue client sends a request: take the endpoint's permits from the {@link RequestBudget}, send once,
 * and on failure let the venue's {@link FailureObserver} read what the answer says about its rate limits before the
 * venue's {@link ErrorClassifier} turns it into a classified {@link ExchangeException}. Every request is counted.
 */
final class VenueCalls {
    /** What a failed response says about the venue's limits (a 429's Retry-After, a ban, the remaining counts). */
    @FunctionalInterface
    interface FailureObserver {
        void observe(Throwable failure, RequestBudget budget);
    }

    static {
        // XChange talks HTTP through HttpURLConnection, which by default silently sends a POST again when the
        // connection drops before the answer: a duplicate order. Effective only if set before the JDK's HTTP client
        // class loads, so here, where every venue client starts; launchers also pass -Dsun.net.http.retryPost=false.
        System.setProperty("sun.net.http.retryPost", "false");
    }

    private final RequestBudget budget;
    private final ErrorClassifier classifier;
    private final FailureObserver observer;
    private final RequestCounters counters = new RequestCounters();

    VenueCalls(RequestBudget budget, ErrorClassifier classifier, FailureObserver observer) {
        this.budget = budget;
        this.classifier = classifier;
        this.observer = observer;
    }

    RequestBudget budget() {
        return budget;
    }

    RequestCounters counters() {
        return counters;
    }

    <T> T call(String action, List<RequestBudget.Charge> charges, Callable<T> request) {
        try {
            budget.acquire(charges);
        } catch (ExchangeException notSent) {
            counters.notSent();
            throw notSent;
        }
        try {
            T answer = request.call();
            counters.ok();
            return answer;
        } catch (Exception failure) {
            observer.observe(failure, budget);
            ExchangeException classified = classifier.classify(action, failure);
            counters.failed(classified.errorClass());
            throw classified;
        }
    }
}

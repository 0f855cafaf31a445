package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.ExchangeErrorClass;

import java.util.concurrent.atomic.LongAdder;

/**
 * What happened to one venue's requests, counted as they end: answered, refused by the venue, failed, or never sent
 * (the rate budget, a pause, a ban or the open breaker held them back); failures also by class. Read by the metrics.
 */
final class RequestCounters {
    enum Outcome {
        OK,
        REJECTED,
        ERROR,
        NOT_SENT;

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final LongAdder[] outcomes = adders(Outcome.values().length);
    private final LongAdder[] classes = adders(ExchangeErrorClass.values().length);

    void ok() {
        outcomes[Outcome.OK.ordinal()].increment();
    }

    void notSent() {
        outcomes[Outcome.NOT_SENT.ordinal()].increment();
    }

    /** A request the venue answered with a failure, or that failed in transit. */
    void failed(ExchangeErrorClass errorClass) {
        outcomes[(errorClass == ExchangeErrorClass.REJECTED ? Outcome.REJECTED : Outcome.ERROR).ordinal()].increment();
        classes[errorClass.ordinal()].increment();
    }

    long count(Outcome outcome) {
        return outcomes[outcome.ordinal()].sum();
    }

    long errors(ExchangeErrorClass errorClass) {
        return classes[errorClass.ordinal()].sum();
    }

    static LongAdder[] adders(int n) {
        LongAdder[] adders = new LongAdder[n];
        for (int i = 0; i < n; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }
}

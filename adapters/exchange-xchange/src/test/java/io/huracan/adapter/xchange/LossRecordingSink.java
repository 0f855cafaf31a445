package io.huracan.adapter.xchange;

import io.huracan.ports.market.Trade;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sink for a connection opened without the supervisor, where only its losses matter: each as "reason error". */
final class LossRecordingSink implements StreamSink {
    final List<String> lost = new CopyOnWriteArrayList<>();

    @Override
    public void onBook(BookUpdate update) {
    }

    @Override
    public void onTrade(Trade trade) {
    }

    @Override
    public void onLost(String reason, Throwable error) {
        lost.add(reason + " " + error);
    }
}

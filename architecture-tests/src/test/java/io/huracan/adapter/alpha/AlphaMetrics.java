package io.huracan.adapter.alpha;

import io.micrometer.core.instrument.MeterRegistry;

/** Planted violation: a vendor library (Micrometer) used outside its own adapter. */
public final class AlphaMetrics {
    public void count(MeterRegistry registry) {
        registry.counter("planted").increment();
    }
}

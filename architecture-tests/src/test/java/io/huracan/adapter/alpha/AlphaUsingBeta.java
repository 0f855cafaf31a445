package io.huracan.adapter.alpha;

import io.huracan.adapter.beta.BetaThing;

/** Planted violation: one adapter depending on another. */
public final class AlphaUsingBeta {
    public String name(BetaThing thing) {
        return thing.name();
    }
}

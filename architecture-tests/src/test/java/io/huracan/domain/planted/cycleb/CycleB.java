package io.huracan.domain.planted.cycleb;

import io.huracan.domain.planted.cyclea.CycleA;

/** Planted violation: the other half of a package cycle. */
public final class CycleB {
    public CycleA partner() {
        return new CycleA();
    }
}

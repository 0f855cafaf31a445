package io.huracan.domain.planted.cyclea;

import io.huracan.domain.planted.cycleb.CycleB;

/** Planted violation: half of a package cycle. */
public final class CycleA {
    public CycleB partner() {
        return new CycleB();
    }
}

package io.huracan.ports.market;

/** Spot pairs settle the asset; perpetual swaps settle in the quote currency and pay funding. */
public enum InstrumentKind {
    SPOT,
    PERPETUAL
}

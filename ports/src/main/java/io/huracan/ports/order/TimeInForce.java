package io.huracan.ports.order;

/** GTC rests; IOC fills what it can at once and cancels the rest; POST_ONLY is rejected if it would take. */
public enum TimeInForce {
    GTC,
    IOC,
    POST_ONLY
}

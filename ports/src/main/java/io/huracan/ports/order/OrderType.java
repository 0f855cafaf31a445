package io.huracan.ports.order;

public enum OrderType {
    MARKET,
    LIMIT
}

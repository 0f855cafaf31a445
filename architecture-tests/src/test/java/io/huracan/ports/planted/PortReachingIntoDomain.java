package io.huracan.ports.planted;

import io.huracan.domain.risk.TradeLimits;

/** Planted violation: a port type that depends on the domain. */
public record PortReachingIntoDomain(TradeLimits limits) {
}

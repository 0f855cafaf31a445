package io.huracan.domain.planted;

import io.huracan.bootstrap.config.EngineConfig;

/** Planted violation: domain code that depends on bootstrap. */
public final class DomainUsingBootstrap {
    public int activeCoins(EngineConfig config) {
        return config.universe().activeCoins();
    }
}

package io.huracan.adapter.micrometer;

import java.util.Objects;

/**
 * Where the metrics and health endpoint listens.
 *
 * @param bindAddress an address of this machine, {@code 127.0.0.1} by default
 * @param port        the TCP port, 9464 by default (0 picks a free one, for tests)
 * @param bearerToken the token every request must carry as {@code Authorization: Bearer <token>}; empty means
 *                    none is asked (allowed only on a loopback address, which the engine's config checks)
 */
public record MetricsEndpointConfig(String bindAddress, int port, String bearerToken) {
    public static final int DEFAULT_PORT = 9464;

    public MetricsEndpointConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(bearerToken, "bearerToken");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("metrics port " + port + " is out of range [0, 65535]");
        }
    }
}

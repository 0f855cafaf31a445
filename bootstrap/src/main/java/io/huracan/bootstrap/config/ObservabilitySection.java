package io.huracan.bootstrap.config;

import io.huracan.ports.config.InvalidConfigException;
import io.huracan.ports.config.Secret;

import static io.huracan.ports.config.ConfigChecks.inClosedRange;
import static io.huracan.ports.config.ConfigChecks.notBlank;
import static io.huracan.ports.config.ConfigChecks.required;

/**
 * {@code engine.observability}: the metrics and health endpoint. Binding anywhere but loopback exposes it to
 * the network, so it then needs a bearer token.
 */
public record ObservabilitySection(boolean enabled, String bindAddress, int port, Secret bearerToken) {
    public ObservabilitySection {
        notBlank("bind_address", bindAddress);
        inClosedRange("port", port, 1, 65535);
        required("bearer_token", bearerToken);
        if (!isLoopback(bindAddress) && !bearerToken.isConfigured()) {
            throw new InvalidConfigException("bearer_token", "is empty while bind_address is " + bindAddress
                    + "; a non-loopback address needs a token reference such as ${env:HURACAN_METRICS_TOKEN}");
        }
    }

    static boolean isLoopback(String address) {
        return address.equals("localhost") || address.equals("::1") || address.startsWith("127.");
    }
}

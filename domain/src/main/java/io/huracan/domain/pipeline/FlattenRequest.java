package io.huracan.domain.pipeline;

import io.huracan.ports.market.Coin;

/**
 * Asks a coin's loop to cancel its working order and close its position now (the kill switch, or an operator
 * winding a coin down). The close is reduce-only, so it passes risk whatever breaker is tripped.
 */
public record FlattenRequest(Coin coin) {
}

package io.huracan.adapter.beta;

/** The other adapter a planted violation reaches into. */
public record BetaThing(String name) {
}

package io.huracan.domain.risk;

import static io.huracan.ports.config.ConfigChecks.required;

/** Drawdown breakers per coin and for the whole book. */
public record DrawdownBreakers(DrawdownLimit perCoin, DrawdownLimit global) {
    public DrawdownBreakers {
        required("per_coin", perCoin);
        required("global", global);
    }
}

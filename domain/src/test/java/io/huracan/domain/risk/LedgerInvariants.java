package io.huracan.domain.risk;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The limit invariant read from the controller: every counter at or below its limit, and all of them at zero. */
final class LedgerInvariants {
    private LedgerInvariants() {
    }

    /** Every counter that is above its limit, named; empty when the invariant holds. */
    static List<String> breaches(RiskController risk) {
        return breaches(risk, true);
    }

    /**
     * As {@link #breaches(RiskController)}; {@code withNet = false} leaves out the two net sides, which reduce-only
     * orders may push past the net limit by rule (they always pass; docs/risk.md).
     */
    static List<String> breaches(RiskController risk, boolean withNet) {
        var limits = risk.limits().limits();
        var universe = risk.universe();
        List<String> breaches = new ArrayList<>();
        for (int c = 0; c < universe.coinCount(); c++) {
            over(breaches, "coin " + universe.coin(c), risk.exposure(ExposureScope.COIN, c), limits.perCoin());
        }
        for (int s = 0; s < universe.sectorCount(); s++) {
            over(breaches, "sector " + universe.sector(s), risk.exposure(ExposureScope.SECTOR, s), limits.perSector());
        }
        for (int e = 0; e < RiskUniverse.EXCHANGES; e++) {
            over(breaches, "exchange " + e, risk.exposure(ExposureScope.EXCHANGE, e), limits.perExchange());
        }
        over(breaches, "global gross", risk.exposure(ExposureScope.GLOBAL_GROSS, 0), limits.globalGross());
        if (withNet) {
            over(breaches, "net long", risk.exposure(ExposureScope.NET_LONG, 0), limits.globalNet());
            over(breaches, "net short", risk.exposure(ExposureScope.NET_SHORT, 0), limits.globalNet());
        }
        if (risk.openTrades() > risk.tradeLimits().maxConcurrentTrades()) {
            breaches.add("open trades " + risk.openTrades());
        }
        return breaches;
    }

    static void assertAllZero(RiskController risk) {
        var universe = risk.universe();
        for (int c = 0; c < universe.coinCount(); c++) {
            assertThat(risk.exposure(ExposureScope.COIN, c)).as("coin %s", universe.coin(c)).isZero();
        }
        for (int s = 0; s < universe.sectorCount(); s++) {
            assertThat(risk.exposure(ExposureScope.SECTOR, s)).as("sector %s", universe.sector(s)).isZero();
        }
        for (int e = 0; e < RiskUniverse.EXCHANGES; e++) {
            assertThat(risk.exposure(ExposureScope.EXCHANGE, e)).as("exchange %s", e).isZero();
        }
        assertThat(risk.exposure(ExposureScope.GLOBAL_GROSS, 0)).isZero();
        assertThat(risk.exposure(ExposureScope.NET_LONG, 0)).isZero();
        assertThat(risk.exposure(ExposureScope.NET_SHORT, 0)).isZero();
        assertThat(risk.openTrades()).isZero();
    }

    private static void over(List<String> breaches, String scope, double used, double limit) {
        if (used > limit) {
            breaches.add(scope + ": " + used + " > " + limit);
        }
    }
}

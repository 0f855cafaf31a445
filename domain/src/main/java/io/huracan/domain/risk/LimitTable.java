package io.huracan.domain.risk;

/**
 * One immutable snapshot of the limits in the ledger's fixed-point units, swapped whole when limits are replaced
 * at run time: a check reads the snapshot once, so it never mixes old and new limits.
 */
final class LimitTable {
    final RiskLimits limits;
    final TradeLimits trades;
    final double softRatio;
    final long coinUnits;
    final long sectorUnits;
    final long exchangeUnits;
    final long globalGrossUnits;
    final long globalNetUnits;
    final long staleMicros;
    final long coolDownMicros;
    final double minOrderUnits;

    LimitTable(RiskLimits limits, TradeLimits trades) {
        this.limits = limits;
        this.trades = trades;
        ExposureLimits caps = limits.limits();
        softRatio = limits.softThrottleRatio();
        coinUnits = ExposureLedger.units(caps.perCoin());
        sectorUnits = ExposureLedger.units(caps.perSector());
        exchangeUnits = ExposureLedger.units(caps.perExchange());
        globalGrossUnits = ExposureLedger.units(caps.globalGross());
        globalNetUnits = ExposureLedger.units(caps.globalNet());
        staleMicros = limits.stalePriceThreshold().toNanos() / 1000;
        coolDownMicros = limits.coolDown().toNanos() / 1000;
        minOrderUnits = limits.minOrderNotional() * ExposureLedger.UNITS_PER_QUOTE;
    }
}

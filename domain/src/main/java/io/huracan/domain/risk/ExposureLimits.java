package io.huracan.domain.risk;

import static io.huracan.ports.config.ConfigChecks.positive;

/**
 * Exposure caps in quote-currency notional. Per coin, sector and exchange caps bound the gross exposure
 * (sum of absolute positions plus reservations) of that scope; the global caps bound gross and net exposure
 * over the whole book.
 */
public record ExposureLimits(double perCoin, double perSector, double perExchange, double globalGross, double globalNet) {
    public ExposureLimits {
        positive("per_coin", perCoin);
        positive("per_sector", perSector);
        positive("per_exchange", perExchange);
        positive("global_gross", globalGross);
        positive("global_net", globalNet);
    }
}

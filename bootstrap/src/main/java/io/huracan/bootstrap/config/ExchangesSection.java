package io.huracan.bootstrap.config;

import static io.huracan.ports.config.ConfigChecks.required;

/** {@code engine.exchanges}: the paper venue and the live ones, each enabled or not. */
public record ExchangesSection(PaperExchangeSection paper, VenueSection binance, VenueSection okx, VenueSection bybit) {
    public ExchangesSection {
        required("paper", paper);
        required("binance", binance);
        required("okx", okx);
        required("bybit", bybit);
    }
}

package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.Instrument;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An instrument as one venue names and sizes it: its symbol there ({@code BTC-USDT-SWAP}, {@code BTCUSDT}), how many
 * coins one unit of its order size is ({@code contractSize}: OKX swaps trade contracts of {@code ctVal} coins; spot
 * and Bybit trade coins, size 1), and the smallest order it takes, in coins. Quantities cross the port in coins.
 */
record VenueListing(Instrument instrument, String symbol, BigDecimal contractSize, BigDecimal minQuantity) {

    /** The venue's order size for a quantity in coins (exact: the quantity is on the instrument's lot). */
    BigDecimal toVenueSize(BigDecimal coins) {
        return coins.divide(contractSize, 16, RoundingMode.UNNECESSARY).stripTrailingZeros();
    }

    /** Coins for a size in the venue's unit. */
    BigDecimal toCoins(BigDecimal venueSize) {
        return venueSize.multiply(contractSize).stripTrailingZeros();
    }
}

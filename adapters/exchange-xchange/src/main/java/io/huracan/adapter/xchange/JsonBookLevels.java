package io.huracan.adapter.xchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.huracan.ports.market.BookLevel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Book levels as the venues' streams send them: an array of arrays whose first two elements are the price and the
 * size as decimal strings (Binance {@code ["0.0024","10"]}, Bybit {@code ["16493.50","0.006"]}; OKX adds a deprecated "0" and the order count). Size 0
 * removes the level.
 */
final class JsonBookLevels {
    private JsonBookLevels() {
    }

    /** Sizes in coins already (spot, Bybit linear). */
    static List<BookLevel> of(JsonNode levels) {
        List<BookLevel> parsed = new ArrayList<>(levels.size());
        for (JsonNode level : levels) {
            parsed.add(new BookLevel(Double.parseDouble(level.get(0).asText()), Double.parseDouble(level.get(1).asText())));
        }
        return parsed;
    }

    /** Sizes in contracts of {@code contractSize} coins (OKX swaps), turned into coins exactly before the double. */
    static List<BookLevel> of(JsonNode levels, BigDecimal contractSize) {
        if (contractSize.compareTo(BigDecimal.ONE) == 0) {
            return of(levels);
        }
        List<BookLevel> parsed = new ArrayList<>(levels.size());
        for (JsonNode level : levels) {
            parsed.add(new BookLevel(Double.parseDouble(level.get(0).asText()),
                    new BigDecimal(level.get(1).asText()).multiply(contractSize).doubleValue()));
        }
        return parsed;
    }
}

package io.huracan.ports.exchange;

import java.math.BigDecimal;

/**
 * One asset of an account: {@code total} held, of which {@code locked} is reserved by open orders or used as
 * margin; {@code free} is what a new order may use.
 */
public record Balance(String asset, BigDecimal total, BigDecimal locked) {
    public Balance {
        if (asset == null || total == null || locked == null) {
            throw new IllegalArgumentException("a balance needs an asset, a total and a locked amount");
        }
    }

    public BigDecimal free() {
        return total.subtract(locked);
    }
}

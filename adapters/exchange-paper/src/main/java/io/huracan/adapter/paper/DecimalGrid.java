package io.huracan.adapter.paper;

import java.math.BigDecimal;

/**
 * A power-of-ten grid (a tick or lot size of {@code 10^-scale}) and conversions between whole units on it and
 * doubles or exact decimals. Dividing a long by an exact power of ten gives the double nearest the decimal, so
 * prices such as 0.3 print as 0.3.
 */
record DecimalGrid(int scale) {
    private static final double[] POWERS = new double[23];

    static {
        double power = 1;
        for (int i = 0; i < POWERS.length; i++) {
            POWERS[i] = power;
            power *= 10;
        }
    }

    DecimalGrid {
        if (scale < -22 || scale > 22) {
            throw new IllegalArgumentException("grid scale " + scale + " is out of range [-22, 22]");
        }
    }

    /** The coarsest grid whose step is below {@code 10^(exponent - digits)}: {@code digits} significant digits. */
    static DecimalGrid significantDigits(double value, int digits) {
        return new DecimalGrid(digits - decimalExponent(value));
    }

    /** floor(log10(value)) for a positive value, computed exactly by comparison. */
    static int decimalExponent(double value) {
        int exponent = 0;
        double scaled = value;
        while (scaled >= 10) {
            scaled /= 10;
            exponent++;
        }
        while (scaled < 1) {
            scaled *= 10;
            exponent--;
        }
        return exponent;
    }

    BigDecimal step() {
        return BigDecimal.ONE.scaleByPowerOfTen(-scale);
    }

    double toDouble(long units) {
        return scale >= 0 ? units / POWERS[scale] : units * POWERS[-scale];
    }

    BigDecimal toDecimal(long units) {
        return BigDecimal.valueOf(units, scale);
    }

    /** Units below or at {@code value}. */
    long floorUnits(double value) {
        return (long) Math.floor(scale >= 0 ? value * POWERS[scale] : value / POWERS[-scale]);
    }

    /** Units at or above {@code value}. */
    long ceilUnits(double value) {
        return (long) Math.ceil(scale >= 0 ? value * POWERS[scale] : value / POWERS[-scale]);
    }

    /** The nearest whole number of units to {@code value}. */
    long roundUnits(double value) {
        return Math.round(scale >= 0 ? value * POWERS[scale] : value / POWERS[-scale]);
    }

    /** Whole units of an exact decimal, or -1 when it is not on the grid. */
    long exactUnits(BigDecimal value) {
        BigDecimal units = value.scaleByPowerOfTen(scale);
        try {
            return units.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException notWhole) {
            return -1;
        }
    }
}

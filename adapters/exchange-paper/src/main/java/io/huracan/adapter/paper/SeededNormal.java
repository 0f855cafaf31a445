package io.huracan.adapter.paper;

import java.util.SplittableRandom;

/**
 * Standard normal draws from a seeded {@link SplittableRandom} by Marsaglia's polar method. StrictMath keeps
 * every draw identical across JVMs and JIT tiers, so a seed always replays the same session.
 */
final class SeededNormal {
    private final SplittableRandom random;
    private double spare;
    private boolean hasSpare;

    SeededNormal(SplittableRandom random) {
        this.random = random;
    }

    double next() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u;
        double v;
        double s;
        do {
            u = random.nextDouble() * 2 - 1;
            v = random.nextDouble() * 2 - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double factor = Math.sqrt(-2 * StrictMath.log(s) / s);
        spare = v * factor;
        hasSpare = true;
        return u * factor;
    }

    double uniform() {
        return random.nextDouble();
    }

    double uniform(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }
}

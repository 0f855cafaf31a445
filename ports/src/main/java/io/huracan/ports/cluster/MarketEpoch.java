package io.huracan.ports.cluster;

/**
 * The simulated market every member of a cluster trades, so that each process sees the same prices for the coins it
 * owns: the same seed and step, started at the same market time and paced at the same speed. The first member
 * proposes it; the others receive it back, with how much time has passed since it was agreed (by the store's clock).
 *
 * @param seed          the market simulator's seed
 * @param stepMicros    the simulator's update interval
 * @param speed         market time per real time
 * @param startMicros   the market time the cluster's session started at (epoch micros)
 * @param elapsedMicros real time since the epoch was agreed, as the store measured it when it answered (0 in a
 *                      proposal)
 */
public record MarketEpoch(long seed, long stepMicros, double speed, long startMicros, long elapsedMicros) {
    public MarketEpoch {
        if (stepMicros < 1 || !(speed > 0) || Double.isInfinite(speed) || elapsedMicros < 0) {
            throw new IllegalArgumentException("market epoch step " + stepMicros + " us, speed " + speed
                    + ", elapsed " + elapsedMicros + " us is invalid; allowed: step >= 1 us, a finite speed > 0 "
                    + "(a cluster paces its market against real time), elapsed >= 0");
        }
    }

    /** True when both describe the same market (seed, step and speed); the start and the elapsed time aside. */
    public boolean sameMarketAs(MarketEpoch other) {
        return seed == other.seed && stepMicros == other.stepMicros && speed == other.speed;
    }
}

package io.huracan.domain.cluster;

import io.huracan.ports.config.InvalidConfigException;

import java.time.Duration;

import static io.huracan.ports.config.ConfigChecks.positive;

/**
 * How fast a cluster notices a member gone, and how much slack a live member has ({@code engine.cluster}).
 *
 * @param leaseTtl      a coin lease and a member's registration last this long after their last renewal; a killed
 *                      member's coins are free after at most this, and taken over within one more renew interval
 * @param renewInterval how often a member heartbeats, renews its leases and rebalances; also the admission margin
 *                      (an order goes out only while its coin's lease has at least this much left)
 */
public record ClusterTimings(Duration leaseTtl, Duration renewInterval) {
    public static final ClusterTimings DEFAULTS = new ClusterTimings(Duration.ofSeconds(5), Duration.ofSeconds(1));

    public ClusterTimings {
        positive("lease_ttl", leaseTtl);
        positive("renew_interval", renewInterval);
        if (renewInterval.multipliedBy(3).compareTo(leaseTtl) > 0) {
            throw new InvalidConfigException("renew_interval", renewInterval + " is too long for lease_ttl "
                    + leaseTtl + "; allowed: at most a third of lease_ttl (a lease must survive two missed renewals "
                    + "and keep the admission margin)");
        }
    }

    /** The longest a killed member's coins wait for a new holder: expiry, then the next rebalance. */
    public Duration takeoverBound() {
        return leaseTtl.plus(renewInterval);
    }
}

package io.huracan.bootstrap.config;

import io.huracan.domain.cluster.ClusterTimings;
import io.huracan.ports.config.InvalidConfigException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import static io.huracan.ports.config.ConfigChecks.required;

/**
 * {@code engine.cluster}: several engine processes sharing the coin universe through Redis (docs/scale-out.md).
 * They coordinate on {@code engine.message_bus.redis_uri} under {@code <stream_prefix>:cluster}.
 *
 * @param memberId this process's name in the cluster; empty for {@code <host>-<pid>}
 */
public record ClusterSection(boolean enabled, String memberId, Duration leaseTtl, Duration renewInterval) {
    public ClusterSection {
        required("member_id", memberId);
        if (!memberId.isEmpty() && !memberId.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new InvalidConfigException("member_id", "'" + memberId
                    + "' is invalid; allowed: empty (host and pid) or 1-64 of A-Z a-z 0-9 _ . -");
        }
        required("lease_ttl", leaseTtl);
        required("renew_interval", renewInterval);
        new ClusterTimings(leaseTtl, renewInterval);
    }

    public ClusterTimings timings() {
        return new ClusterTimings(leaseTtl, renewInterval);
    }

    /** The configured name, or {@code <host>-<pid>}. */
    public String member() {
        if (!memberId.isEmpty()) {
            return memberId;
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9_.-]", "");
        } catch (UnknownHostException e) {
            host = "";
        }
        return (host.isEmpty() ? "huracan" : host) + "-" + ProcessHandle.current().pid();
    }
}

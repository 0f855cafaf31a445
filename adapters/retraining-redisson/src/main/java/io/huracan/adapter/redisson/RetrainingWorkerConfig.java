package io.huracan.adapter.redisson;

import io.huracan.ports.config.InvalidConfigException;
import io.huracan.ports.retraining.RetrainingJob;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static io.huracan.ports.config.ConfigChecks.positive;

/**
 * What one worker process takes and how much at once.
 *
 * @param tags        the jobs it takes are those whose required tags are all among these (none: untagged jobs only)
 * @param parallelism jobs it runs at once
 * @param name        what it registers as; empty: {@code <host>-<pid>}
 */
public record RetrainingWorkerConfig(Set<String> tags, int parallelism, String name) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** A worker serves one queue per subset of its tags: 2^6 = 64 queues at most. */
    static final int MAX_TAGS = 6;

    public RetrainingWorkerConfig {
        tags = Set.copyOf(new TreeSet<>(tags));
        if (tags.size() > MAX_TAGS) {
            throw new InvalidConfigException("tags", tags.size() + " tags are too many; allowed: at most " + MAX_TAGS);
        }
        for (String tag : tags) {
            try {
                RetrainingJob.checkTag(tag);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException("tags", e.getMessage());
            }
        }
        positive("parallelism", parallelism);
        name = name == null ? "" : name;
        if (!name.isEmpty() && !NAME.matcher(name).matches()) {
            throw new InvalidConfigException("name", "'" + name
                    + "' is invalid; allowed: 1-64 of letters, digits, '.', '_', '-', starting with a letter or digit");
        }
    }
}

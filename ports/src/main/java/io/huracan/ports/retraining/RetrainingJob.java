package io.huracan.ports.retraining;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.TrainingWindow;

import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One retraining: fit a model for {@code regime} on the {@code coins}' stored features over {@code window}, evaluate
 * it walk-forward, register it and apply the promotion policy.
 *
 * @param id           unique per job; recorded as the model's {@code trained_by} and the key results are made
 *                     idempotent on
 * @param regime       the regime whose rows are trained on
 * @param coins        the coins whose rows are pooled (at least one)
 * @param window       the market-data interval read
 * @param requiredTags worker tags a job needs (e.g. {@code gpu}); empty means any worker
 * @param trigger      why it was started
 */
public record RetrainingJob(String id, Regime regime, SortedSet<Coin> coins, TrainingWindow window,
                            Set<String> requiredTags, RetrainingTrigger trigger) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    public RetrainingJob {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("job id '" + id + "' is invalid; allowed: 1-128 of letters, digits, '.', '_', ':', '-'");
        }
        Objects.requireNonNull(regime, "regime");
        coins = new TreeSet<>(coins);
        if (coins.isEmpty()) {
            throw new IllegalArgumentException("job " + id + " has no coins; allowed: at least one");
        }
        Objects.requireNonNull(window, "window");
        requiredTags = Set.copyOf(requiredTags);
        requiredTags.forEach(RetrainingJob::checkTag);
        Objects.requireNonNull(trigger, "trigger");
    }

    /** Checks a worker tag (e.g. {@code gpu}) and returns it. */
    public static String checkTag(String tag) {
        if (tag == null || !TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("tag '" + tag + "' is invalid; allowed: 1-32 of a-z, 0-9, '_', '-'"
                    + ", starting with a letter or digit");
        }
        return tag;
    }

    /** A sorted copy: the set inside a record is mutable. */
    @Override
    public SortedSet<Coin> coins() {
        return new TreeSet<>(coins);
    }

    /** What at most one job may be working on at a time: the regime and the coin set, e.g. {@code ranging/BTC,ETH}. */
    public String key() {
        return regime.key() + "/" + coins.stream().map(Coin::symbol).collect(Collectors.joining(","));
    }
}

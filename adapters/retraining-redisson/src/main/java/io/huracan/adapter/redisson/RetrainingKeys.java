package io.huracan.adapter.redisson;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Redis names, all under one prefix P: {@code P:job:<id>} (a hash per job), {@code P:jobs} (every job by last
 * change), {@code P:finished} (finished jobs by end, for trimming), {@code P:busy} (job key to the job working on
 * it), {@code P:lock:<key>}, {@code P:done} (a topic of finished job ids), {@code P:workers} and
 * {@code P:worker:<id>} (live workers), and one Redisson executor per required tag set, {@code P:exec:any} or
 * {@code P:exec:cpu+gpu}.
 */
final class RetrainingKeys {
    private final String prefix;

    RetrainingKeys(String prefix) {
        this.prefix = prefix;
    }

    String job(String id) {
        return prefix + ":job:" + id;
    }

    String jobs() {
        return prefix + ":jobs";
    }

    String finished() {
        return prefix + ":finished";
    }

    String busy() {
        return prefix + ":busy";
    }

    String lock(String jobKey) {
        return prefix + ":lock:" + jobKey;
    }

    String doneTopic() {
        return prefix + ":done";
    }

    String workers() {
        return prefix + ":workers";
    }

    String worker(String id) {
        return prefix + ":worker:" + id;
    }

    /** The executor that carries jobs needing exactly {@code tags}. */
    String executor(Set<String> tags) {
        return prefix + ":exec:" + (tags.isEmpty() ? "any" : String.join("+", new TreeSet<>(tags)));
    }

    /** Every subset of {@code tags}, the empty one first: a worker with these tags serves each one's executor. */
    static List<Set<String>> subsets(Set<String> tags) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(tags));
        List<Set<String>> subsets = new ArrayList<>();
        for (int mask = 0; mask < 1 << sorted.size(); mask++) {
            Set<String> subset = new TreeSet<>();
            for (int i = 0; i < sorted.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    subset.add(sorted.get(i));
                }
            }
            subsets.add(subset);
        }
        return subsets;
    }
}

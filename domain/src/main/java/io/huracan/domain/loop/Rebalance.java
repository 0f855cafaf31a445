package io.huracan.domain.loop;

/**
 * The outcome of a change of the active coin set.
 *
 * @param completed every handover finished within the timeout (otherwise the rest finishes in the background,
 *                  and the coins involved take no events until it has)
 */
public record Rebalance(int loops, int added, int removed, int moved, boolean completed) {
}

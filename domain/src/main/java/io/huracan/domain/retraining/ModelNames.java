package io.huracan.domain.retraining;

import io.huracan.ports.market.Coin;
import io.huracan.ports.retraining.RetrainingJob;

import java.util.Locale;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * The registry name of the model a job trains: {@code lin-<regime>-<coin>} for one coin, {@code lin-<regime>-all<N>-<hash>}
 * for a pooled set (a stable hash of the symbols, so the same set always versions the same name).
 */
public final class ModelNames {
    private ModelNames() {
    }

    public static String of(RetrainingJob job) {
        return "lin-" + job.regime().key().replace('_', '-') + "-" + coinLabel(job.coins());
    }

    /** {@code btc} for one coin, {@code all<N>-<hash>} for several. */
    public static String coinLabel(SortedSet<Coin> coins) {
        if (coins.size() == 1) {
            return coins.first().symbol().toLowerCase(Locale.ROOT);
        }
        String joined = coins.stream().map(Coin::symbol).collect(Collectors.joining(","));
        long hash = 1125899906842597L;
        for (int i = 0; i < joined.length(); i++) {
            hash = 31 * hash + joined.charAt(i);
        }
        return "all" + coins.size() + "-" + Long.toHexString(hash);
    }
}

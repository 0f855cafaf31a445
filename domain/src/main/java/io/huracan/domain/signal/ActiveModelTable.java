package io.huracan.domain.signal;

import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.ModelQuery;
import io.huracan.ports.registry.ModelStatus;
import io.huracan.ports.registry.ModelStore;
import io.huracan.ports.registry.ModelVersion;

import java.util.ArrayList;
import java.util.List;

/**
 * The signal models active per regime, as the event loops see them. The engine calls {@link #refresh} now and
 * then (after a promotion, on a timer); it reads the store, builds every model, and swaps in the new table in one
 * volatile write, so loops read a consistent table without locks. {@link #predictBps} averages the active models
 * of a regime with equal weights, reads the volatile field once and allocates nothing.
 */
public final class ActiveModelTable {
    private static final SignalModel[][] EMPTY = new SignalModel[Regime.values().length][0];

    private volatile SignalModel[][] byRegime = EMPTY;

    /** What a refresh loaded, and the active versions it could not run (with why), which it leaves out. */
    public record RefreshReport(int loaded, List<String> rejected) {
        public RefreshReport {
            rejected = List.copyOf(rejected);
        }
    }

    public RefreshReport refresh(ModelStore store) {
        List<List<SignalModel>> models = new ArrayList<>();
        for (int i = 0; i < Regime.values().length; i++) {
            models.add(new ArrayList<>());
        }
        List<String> rejected = new ArrayList<>();
        int loaded = 0;
        for (ModelVersion version : store.find(ModelQuery.ALL.withStatus(ModelStatus.ACTIVE))) {
            try {
                models.get(version.regime().ordinal()).add(SignalModels.load(version));
                loaded++;
            } catch (IllegalArgumentException e) {
                rejected.add(e.getMessage());
            }
        }
        SignalModel[][] table = new SignalModel[models.size()][];
        for (int i = 0; i < table.length; i++) {
            table[i] = models.get(i).toArray(new SignalModel[0]);
        }
        byRegime = table;
        return new RefreshReport(loaded, rejected);
    }

    /** The models active in {@code regime}, a copy for inspection (not for the hot path). */
    public List<SignalModel> models(Regime regime) {
        return List.of(byRegime[regime.ordinal()]);
    }

    /** The mean prediction, in bps, of the models active in {@code regime}; NaN when none is. */
    public double predictBps(Regime regime, double[] features) {
        SignalModel[] models = byRegime[regime.ordinal()];
        if (models.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (SignalModel model : models) {
            sum += model.predictBps(features);
        }
        return sum / models.length;
    }
}

package io.huracan.bootstrap.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import io.huracan.bootstrap.SystemEngineClock;
import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.bootstrap.config.RetrainingExecutorKind;
import io.huracan.ports.time.EngineClock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parts a process that only retrains needs ({@code huracan retrain}, {@code huracan worker}, the retrain
 * benchmark): the configured registry, the job runner and the executor {@code kind}, on the system clock.
 */
public final class RetrainingProcess {
    private RetrainingProcess() {
    }

    public static Injector injector(EngineConfig config, RetrainingExecutorKind kind, Map<String, String> environment) {
        List<Module> modules = new ArrayList<>();
        modules.add(AdapterSelection.registry(config.registry(), environment));
        modules.addAll(AdapterSelection.retraining(config, kind));
        modules.add(binder -> binder.bind(EngineClock.class).toInstance(new SystemEngineClock()));
        return Guice.createInjector(modules);
    }
}

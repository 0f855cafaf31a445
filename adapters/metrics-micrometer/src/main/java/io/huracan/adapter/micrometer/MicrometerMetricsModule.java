package io.huracan.adapter.micrometer;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.huracan.ports.lifecycle.ManagedService;
import io.huracan.ports.metrics.EngineMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Binds {@link EngineMetrics} to Micrometer's Prometheus registry and adds the metrics and health endpoint to the
 * engine's services (the {@code Set<ManagedService>} the engine starts first and stops last).
 */
public final class MicrometerMetricsModule extends AbstractModule {
    private final MetricsEndpointConfig endpoint;

    public MicrometerMetricsModule(MetricsEndpointConfig endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    protected void configure() {
        bind(MetricsEndpointConfig.class).toInstance(endpoint);
        bind(MicrometerEngineMetrics.class).in(Singleton.class);
        bind(EngineMetrics.class).to(MicrometerEngineMetrics.class);
        bind(MetricsEndpoint.class).in(Singleton.class);
        Multibinder.newSetBinder(binder(), ManagedService.class).addBinding().to(MetricsEndpoint.class);
    }

    @Provides
    @Singleton
    PrometheusMeterRegistry registry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }
}

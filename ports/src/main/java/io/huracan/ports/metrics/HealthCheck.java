package io.huracan.ports.metrics;

/** Tells whether a component is ready, and why not; called when the health endpoint is asked, not per event. */
@FunctionalInterface
public interface HealthCheck {
    ComponentHealth check();
}

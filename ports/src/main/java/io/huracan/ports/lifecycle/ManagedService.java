package io.huracan.ports.lifecycle;

/**
 * A part of the engine with a start and a stop (a bus connection, an exchange session, the event loops, an
 * HTTP endpoint). The engine starts its services in order and stops them in reverse; a failing start stops
 * what was already started.
 */
public interface ManagedService {

    /** A short name for logs and errors, e.g. {@code message-bus[redis]}. */
    String name();

    /** Starts the service; returns once it is ready. Throws if it cannot start. */
    void start() throws Exception;

    /** Stops the service and releases what it holds; must be safe to call on a service that failed to start. */
    void stop() throws Exception;
}

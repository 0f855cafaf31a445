package io.huracan.bootstrap.config;

/** {@code engine.registry.adapter}: JSON files under a directory, or PostgreSQL. */
public enum RegistryAdapter {
    FILE,
    POSTGRES
}

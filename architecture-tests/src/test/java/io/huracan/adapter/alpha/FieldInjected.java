package io.huracan.adapter.alpha;

/** Planted violation: field injection. */
public final class FieldInjected {
    @jakarta.inject.Inject
    Object dependency;

    @com.google.inject.Inject
    Object another;
}

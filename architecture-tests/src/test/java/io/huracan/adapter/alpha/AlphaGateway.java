package io.huracan.adapter.alpha;

import com.google.inject.Injector;

/** Planted violation: Guice used by an adapter class that is not its module. */
public final class AlphaGateway {
    public Object lookup(Injector injector) {
        return injector.getInstance(Object.class);
    }
}

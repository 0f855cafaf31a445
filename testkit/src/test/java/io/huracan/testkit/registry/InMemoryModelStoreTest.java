package io.huracan.testkit.registry;

import io.huracan.ports.registry.ModelKey;
import io.huracan.ports.registry.ModelStore;

/** Holds the test fake to the same contract as the real stores. */
class InMemoryModelStoreTest extends ModelStoreContract {
    private InMemoryModelStore state;

    @Override
    protected ModelStore openFreshStore() {
        state = new InMemoryModelStore();
        return state;
    }

    @Override
    protected ModelStore openSameStore() {
        return state;
    }

    @Override
    protected void corrupt(ModelKey key) {
        state.damage(key);
    }
}

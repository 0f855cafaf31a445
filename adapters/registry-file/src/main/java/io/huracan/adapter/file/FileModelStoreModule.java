package io.huracan.adapter.file;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.huracan.ports.registry.ModelStore;

/** Binds {@link ModelStore} to JSON documents under {@link FileModelStoreConfig#root()}; touches no file itself. */
public final class FileModelStoreModule extends AbstractModule {
    private final FileModelStoreConfig config;

    public FileModelStoreModule(FileModelStoreConfig config) {
        this.config = config;
    }

    @Provides
    @Singleton
    ModelStore modelStore() {
        return new FileModelStore(config);
    }
}

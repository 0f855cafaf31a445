package io.huracan.adapter.file;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The file registry's configuration ({@code engine.registry.path}).
 *
 * @param root the directory holding one sub-directory per model name; created on first write
 */
public record FileModelStoreConfig(Path root) {
    public FileModelStoreConfig {
        Objects.requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
    }
}

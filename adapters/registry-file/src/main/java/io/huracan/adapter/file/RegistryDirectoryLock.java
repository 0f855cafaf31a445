package io.huracan.adapter.file;

import io.huracan.ports.registry.ModelStoreException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises every operation on one registry directory across threads and processes. An OS file lock on
 * {@code .lock} keeps other processes out; since the JVM holds such locks per process (a second overlapping
 * lock in the same JVM fails rather than waits), threads and store instances in this JVM first queue on one
 * in-process lock per directory.
 */
final class RegistryDirectoryLock {
    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path root;
    private final Path lockFile;
    private final ReentrantLock inProcess;

    RegistryDirectoryLock(Path root) {
        this.root = root;
        this.lockFile = root.resolve(".lock");
        this.inProcess = IN_PROCESS.computeIfAbsent(root, path -> new ReentrantLock());
    }

    <T> T underLock(Supplier<T> action) {
        inProcess.lock();
        try {
            Files.createDirectories(root);
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw new ModelStoreException(ModelStoreException.Kind.STORAGE_FAILURE,
                    "model registry " + root + " cannot be locked: " + e, e);
        } finally {
            inProcess.unlock();
        }
    }
}

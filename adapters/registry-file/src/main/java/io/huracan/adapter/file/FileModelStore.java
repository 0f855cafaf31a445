package io.huracan.adapter.file;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.huracan.ports.registry.ModelDefinition;
import io.huracan.ports.registry.ModelKey;
import io.huracan.ports.registry.ModelQuery;
import io.huracan.ports.registry.ModelStatus;
import io.huracan.ports.registry.ModelStore;
import io.huracan.ports.registry.ModelStoreException;
import io.huracan.ports.registry.ModelVersion;
import io.huracan.ports.registry.PromotionDecider;
import io.huracan.ports.registry.PromotionPlan;
import io.huracan.ports.registry.PromotionResult;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The embedded registry: {@code <root>/<name>/<version>.json}, one pretty-printed JSON document per version
 * (version zero-padded to six digits so a listing sorts). Every operation, reads included, runs under
 * {@link RegistryDirectoryLock}, so a reader never sees half a promotion. A document is written to a temporary
 * file, forced to disk and renamed over the old one, so it is always either the old or the new version; a
 * promotion writes the displaced models first, so a crash between files leaves fewer models active, never more.
 */
final class FileModelStore implements ModelStore {
    private static final Pattern DOCUMENT = Pattern.compile("(\\d{6})\\.json");

    private final Path root;
    private final RegistryDirectoryLock lock;
    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    FileModelStore(FileModelStoreConfig config) {
        this.root = config.root();
        this.lock = new RegistryDirectoryLock(root);
    }

    @Override
    public ModelVersion register(ModelDefinition definition) {
        return lock.underLock(() -> {
            int next = versionsOf(definition.name()).stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
            var model = new ModelVersion(definition, next, ModelStatus.CANDIDATE, List.of());
            write(model);
            return model;
        });
    }

    @Override
    public ModelVersion get(ModelKey key) {
        return lock.underLock(() -> read(key));
    }

    @Override
    public ModelVersion latest(String name) {
        return lock.underLock(() -> {
            List<Integer> versions = versionsOf(name);
            if (versions.isEmpty()) {
                throw ModelStoreException.unknown(name);
            }
            return read(new ModelKey(name, versions.get(versions.size() - 1)));
        });
    }

    @Override
    public List<ModelVersion> find(ModelQuery query) {
        return lock.underLock(() -> findLocked(query));
    }

    @Override
    public PromotionResult promote(ModelKey candidate, PromotionDecider decider, Instant at) {
        return lock.underLock(() -> {
            ModelVersion model = read(candidate);
            PromotionPlan plan = PromotionPlan.decide(model, findLocked(ModelQuery.active(model.regime())), decider, at);
            plan.changes().forEach(this::write);
            return plan.result();
        });
    }

    @Override
    public ModelVersion changeStatus(ModelKey key, ModelStatus to, String reason, Instant at) {
        return lock.underLock(() -> {
            ModelVersion changed = PromotionPlan.manualChange(read(key), to, reason, at);
            write(changed);
            return changed;
        });
    }

    private List<ModelVersion> findLocked(ModelQuery query) {
        List<String> names = query.name().map(List::of).orElseGet(this::names);
        List<ModelVersion> found = new ArrayList<>();
        for (String name : names) {
            for (int version : versionsOf(name)) {
                ModelVersion model = read(new ModelKey(name, version));
                if (query.matches(model)) {
                    found.add(model);
                }
            }
        }
        return found;
    }

    private List<String> names() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory).map(path -> path.getFileName().toString())
                    .filter(name -> !name.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw failure("cannot list " + root, e);
        }
    }

    /** The stored versions of {@code name}, ascending. */
    private List<Integer> versionsOf(String name) {
        Path directory = root.resolve(ModelKey.checkName(name));
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> DOCUMENT.matcher(path.getFileName().toString())).filter(Matcher::matches)
                    .map(matcher -> Integer.parseInt(matcher.group(1))).sorted().toList();
        } catch (IOException e) {
            throw failure("cannot list " + directory, e);
        }
    }

    private Path pathOf(ModelKey key) {
        return root.resolve(key.name()).resolve(String.format(Locale.ROOT, "%06d.json", key.version()));
    }

    private ModelVersion read(ModelKey key) {
        Path path = pathOf(key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw ModelStoreException.unknown(key);
        } catch (IOException e) {
            throw failure("cannot read " + path, e);
        }
        ModelVersion model;
        try {
            model = json.readValue(bytes, ModelDocument.class).toModel();
        } catch (JacksonException e) {
            throw corrupt(key, path, e.getOriginalMessage());
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw corrupt(key, path, e.getMessage());
        }
        if (!model.key().equals(key)) {
            throw corrupt(key, path, "it holds " + model.key());
        }
        return model;
    }

    private void write(ModelVersion model) {
        Path path = pathOf(model.key());
        Path temporary = path.resolveSibling("." + path.getFileName() + ".tmp");
        try {
            Files.createDirectories(path.getParent());
            byte[] bytes = json.writeValueAsBytes(ModelDocument.of(model));
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw failure("the file system under " + root + " cannot rename atomically", e);
            }
        } catch (IOException e) {
            throw failure("cannot write " + path, e);
        }
    }

    private static ModelStoreException corrupt(ModelKey key, Path path, String problem) {
        String firstLine = problem == null ? "unreadable" : problem.lines().findFirst().orElse("unreadable");
        return new ModelStoreException(ModelStoreException.Kind.CORRUPT_DOCUMENT,
                "model " + key + " in " + path + " is corrupt: " + firstLine);
    }

    private static ModelStoreException failure(String what, IOException e) {
        return new ModelStoreException(ModelStoreException.Kind.STORAGE_FAILURE, "model registry: " + what + ": " + e, e);
    }
}

package io.huracan.bootstrap.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.huracan.ports.config.InvalidConfigException;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Loads the engine configuration as DESIGN.md section 4 says: the bundled base.yaml, then each {@code --config}
 * file in order (maps merge, later wins, lists replace), then {@code HURACAN_ENGINE__...} environment variables,
 * bound onto validated records. Every failure becomes one {@link ConfigException} line naming the key path,
 * the value and what is allowed.
 */
public final class ConfigLoader {
    static final String BASE_RESOURCE = "/io/huracan/bootstrap/base.yaml";
    private static final String ENV_PREFIX = "HURACAN_";
    private static final String ROOT_KEY = "engine";

    private final YAMLMapper yaml = ConfigJackson.yamlReader();
    private final ObjectMapper binder = ConfigJackson.binder();
    private final Map<String, String> environment;

    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** A loader that reads the process environment. */
    public static ConfigLoader fromSystemEnvironment() {
        return new ConfigLoader(System.getenv());
    }

    public EngineConfig load(List<Path> files) {
        return load(files, List.of());
    }

    /**
     * Loads as {@link #load(List)} does, then applies {@code overrides} (command-line options such as
     * {@code --coins}) last of all.
     */
    public EngineConfig load(List<Path> files, List<ConfigOverride> overrides) {
        ObjectNode merged = readBase();
        for (Path file : files) {
            merge(merged, readFile(file));
        }
        List<ConfigOverride> all = new ArrayList<>(environmentOverrides());
        all.addAll(overrides);
        Map<String, String> sources = new TreeMap<>();
        for (ConfigOverride override : all) {
            apply(merged, override);
            sources.put(override.path(), override.source());
        }
        return bind(merged, sources);
    }

    private ObjectNode readBase() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(BASE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled " + BASE_RESOURCE + " is missing from the class path");
            }
            return (ObjectNode) yaml.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode readFile(Path file) {
        JsonNode tree;
        try {
            tree = yaml.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such config file");
        } catch (JacksonException e) {
            throw new ConfigException(file + malformedYaml(e));
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage());
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!tree.isObject() || tree.size() != 1 || !tree.has(ROOT_KEY)) {
            throw new ConfigException(file + ": the top level must be the single key '" + ROOT_KEY + "'; found: "
                    + (tree.isObject() ? String.join(", ", iterable(tree.fieldNames())) : tree.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        return (ObjectNode) tree;
    }

    /** Deep-merges {@code layer} into {@code base}: objects merge key by key, anything else replaces. */
    private static void merge(ObjectNode base, JsonNode layer) {
        layer.fields().forEachRemaining(entry -> {
            JsonNode existing = base.get(entry.getKey());
            if (existing instanceof ObjectNode existingObject && entry.getValue().isObject()) {
                merge(existingObject, entry.getValue());
            } else {
                base.set(entry.getKey(), entry.getValue());
            }
        });
    }

    /** {@code HURACAN_ENGINE__A__B=value} becomes the override of {@code engine.a.b}, in name order. */
    private List<ConfigOverride> environmentOverrides() {
        List<ConfigOverride> overrides = new ArrayList<>();
        for (var entry : new TreeMap<>(environment).entrySet()) {
            String name = entry.getKey();
            if (!name.startsWith(ENV_PREFIX + ROOT_KEY.toUpperCase(Locale.ROOT) + "__")) {
                continue;
            }
            List<String> path = Arrays.stream(name.substring(ENV_PREFIX.length()).split("__"))
                    .map(part -> part.toLowerCase(Locale.ROOT)).toList();
            if (path.stream().anyMatch(String::isEmpty)) {
                throw new ConfigException(name + ": malformed variable name; allowed: HURACAN_ENGINE__KEY__SUBKEY");
            }
            overrides.add(new ConfigOverride(String.join(".", path), entry.getValue(), name));
        }
        return overrides;
    }

    /** Sets one key path to a value read as a YAML scalar or flow collection. */
    private void apply(ObjectNode root, ConfigOverride override) {
        JsonNode value;
        try {
            value = override.value().isEmpty() ? JsonNodeFactory.instance.textNode("") : yaml.readTree(override.value());
        } catch (JacksonException e) {
            throw new ConfigException(override.source() + ": malformed value: " + firstLine(e.getOriginalMessage()));
        }
        List<String> path = List.of(override.path().split("\\."));
        ObjectNode parent = root;
        for (String key : path.subList(0, path.size() - 1)) {
            JsonNode child = parent.get(key);
            if (!(child instanceof ObjectNode)) {
                child = parent.putObject(key);
            }
            parent = (ObjectNode) child;
        }
        parent.set(path.get(path.size() - 1), value);
    }

    private EngineConfig bind(ObjectNode merged, Map<String, String> overridden) {
        try {
            return binder.treeToValue(merged.get(ROOT_KEY), EngineConfig.class);
        } catch (JsonMappingException e) {
            String path = pathOf(e);
            throw new ConfigException(withSource(describe(path, e), path, overridden));
        } catch (JacksonException e) {
            throw new ConfigException(ROOT_KEY + ": " + firstLine(e.getOriginalMessage()));
        }
    }

    private static String describe(String path, JsonMappingException e) {
        Throwable cause = e.getCause();
        if (cause instanceof InvalidConfigException invalid) {
            // the path names the record whose constructor refused the value; the exception names the key in it
            return path + "." + invalid.key() + ": " + invalid.problem();
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String allowed = unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            return path + ": unknown key; allowed here: " + allowed;
        }
        if (e instanceof InvalidFormatException format) {
            return path + ": '" + format.getValue() + "' is not " + expected(format.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && firstLine(mismatch.getOriginalMessage()).startsWith("Missing required creator property")) {
            return path + ": is missing; a value is required";
        }
        if (e instanceof MismatchedInputException mismatch && firstLine(mismatch.getOriginalMessage()).contains("Null value")) {
            return path + ": is empty; a value is required";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return path + ": has the wrong shape; expected " + expected(mismatch.getTargetType());
        }
        if (cause instanceof IllegalArgumentException illegal) {
            return path + ": " + illegal.getMessage();
        }
        return path + ": " + firstLine(e.getOriginalMessage());
    }

    /** A user-facing name for what a key of this type holds. */
    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "allowed; allowed: " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        if (type == String.class || type == java.time.Duration.class) {
            return "a single value";
        }
        if (List.class.isAssignableFrom(type) || java.util.Set.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping of keys";
    }

    private static String pathOf(JsonMappingException e) {
        var path = new StringBuilder(ROOT_KEY);
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String withSource(String message, String path, Map<String, String> overridden) {
        for (var entry : overridden.entrySet()) {
            String key = entry.getKey();
            if (path.equals(key) || path.startsWith(key + ".") || message.startsWith(key + ":")) {
                return message + " (set by " + entry.getValue() + ")";
            }
        }
        return message;
    }

    /** ":line:column: malformed YAML: problem (context)", from the YAML parser's own diagnosis where it has one. */
    private static String malformedYaml(JacksonException e) {
        if (e.getCause() instanceof MarkedYAMLException yamlError && yamlError.getProblemMark() != null) {
            var mark = yamlError.getProblemMark();
            String context = yamlError.getContext() == null ? "" : " (" + yamlError.getContext() + ")";
            return ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1) + ": malformed YAML: "
                    + firstLine(yamlError.getProblem()) + context;
        }
        return locationOf(e.getLocation()) + ": malformed YAML: " + firstLine(e.getOriginalMessage());
    }

    private static String locationOf(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return ":" + location.getLineNr() + ":" + location.getColumnNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }
}

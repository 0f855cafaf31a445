package io.huracan.bootstrap.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.huracan.ports.config.Secret;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Sector;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/** The Jackson set-up that reads YAML layers into trees and binds the merged tree onto config records. */
final class ConfigJackson {
    private ConfigJackson() {
    }

    /** Parses YAML text into a tree; duplicate keys are an error rather than a silent overwrite. */
    static YAMLMapper yamlReader() {
        return YAMLMapper.builder(YAMLFactory.builder().build())
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** Binds a tree onto the records: snake_case keys, nothing unknown, nothing missing, no nulls. */
    static ObjectMapper binder() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .addModule(valueTypes())
                .build();
    }

    /** Writes records back as YAML in the config's own vocabulary, for {@code huracan config show}. */
    static ObjectMapper yamlWriter() {
        return YAMLMapper.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(valueTypes())
                .build();
    }

    private static SimpleModule valueTypes() {
        var module = new SimpleModule("huracan-config");
        module.addDeserializer(Duration.class, new DurationDeserializer());
        module.addSerializer(Duration.class, toText(DurationText::format));
        module.addDeserializer(Coin.class, fromText(Coin::new));
        module.addSerializer(Coin.class, toText(Coin::symbol));
        module.addDeserializer(Sector.class, fromText(Sector::new));
        module.addSerializer(Sector.class, toText(Sector::name));
        module.addDeserializer(ExchangeId.class, fromText(ExchangeId::fromKey));
        module.addSerializer(ExchangeId.class, toText(ExchangeId::key));
        module.addDeserializer(Secret.class, fromText(Secret::new));
        // a secret prints as its reference; its value is never resolved here, so it cannot be shown
        module.addSerializer(Secret.class, toText(Secret::reference));
        module.addSerializer(Enum.class, toText(e -> e.name().toLowerCase(Locale.ROOT)));
        return module;
    }

    private static <T> JsonDeserializer<T> fromText(Function<String, T> parse) {
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (!parser.currentToken().isScalarValue()) {
                    return (T) context.handleUnexpectedToken(String.class, parser);
                }
                return parse.apply(parser.getValueAsString());
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> JsonSerializer<T> toText(Function<T, String> format) {
        return (JsonSerializer) new JsonSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(format.apply(value));
            }
        };
    }

    private static final class DurationDeserializer extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (Duration) context.handleUnexpectedToken(Duration.class, parser);
            }
            Duration duration = DurationText.parse(parser.getText());
            if (duration == null) {
                throw new IllegalArgumentException("'" + parser.getText() + "' is not a duration; allowed: "
                        + DurationText.ALLOWED);
            }
            return duration;
        }
    }
}

package io.orgscan.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads scenario files (docs/SIMULATOR.md) into a {@link ScenarioFile} with Jackson, then into a
 * {@link Scenario}. Every problem becomes a {@link ScenarioException} whose one-line message names
 * the file and what is wrong: the line and column of a JSON syntax error, or the JSON path of a field
 * that breaks the format.
 */
public final class ScenarioLoader {
    /**
     * Comments are allowed because the documented example is commented; duplicate keys are an error.
     * Nothing is coerced (a number where a string belongs is a mistake in the file, not a string), a
     * null inside an array or map is an error, and unknown fields are errors except notes.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.ALLOW_COMMENTS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
            .addHandler(new NotesAreFree())
            .build();

    private ScenarioLoader() {
    }

    public static Scenario load(Path file) throws ScenarioException {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file + ": scenario file not found");
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read scenario file: " + e.getMessage(), e);
        }
        return parse(json, file.toString());
    }

    public static Scenario parse(String json, String sourceName) throws ScenarioException {
        JsonNode root;
        try {
            // The whole tree first, so that a syntax error anywhere is reported before any field.
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String position = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw new ScenarioException(sourceName + ": invalid JSON" + position + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ScenarioException(sourceName + ": empty scenario file");
        }
        if (!root.isObject()) {
            throw new ScenarioException(sourceName + ": a scenario must be a JSON object");
        }
        try {
            return MAPPER.treeToValue(root, ScenarioFile.class).toScenario();
        } catch (JsonMappingException e) {
            throw new ScenarioException(sourceName + ": " + problem(e), e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ScenarioException(sourceName + ": " + e.getMessage(), e);
        }
    }

    /** Jackson's complaint in the scenario's words: the field's path, then what it must be. */
    private static String problem(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            TreeSet<String> known = new TreeSet<>();
            unknown.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
            return path + " unknown field (known: " + String.join(", ", known) + ")";
        }
        Class<?> expected = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType()
                : e.getCause() instanceof InputCoercionException outOfRange ? outOfRange.getTargetType() : null;
        if (expected != null && expected.isEnum()) {
            Object value = e instanceof InvalidFormatException format ? format.getValue() : null;
            @SuppressWarnings("unchecked")
            Class<? extends Enum<?>> type = (Class<? extends Enum<?>>) expected;
            return path + (value instanceof String text ? " " + ScenarioFile.notOneOf(text, type) : " must be a string");
        }
        return path + " " + mustBe(expected, e);
    }

    private static String mustBe(Class<?> expected, JsonMappingException e) {
        if (expected == String.class) {
            return "must be a string";
        }
        if (expected == Integer.class || expected == int.class) {
            return "must be an integer";
        }
        if (expected != null && Collection.class.isAssignableFrom(expected)) {
            return "must be a JSON array";
        }
        if (expected != null && (Map.class.isAssignableFrom(expected) || expected.isRecord())) {
            return "must be a JSON object";
        }
        return e.getOriginalMessage();
    }

    /**
     * Fields whose names start with {@code _}, and {@code description} and {@code comment}, are free
     * for notes in any object of the format; other unknown fields stay errors (typos would otherwise
     * be ignored).
     */
    private static final class NotesAreFree extends DeserializationProblemHandler {
        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                                             JsonDeserializer<?> deserializer, Object bean, String name) throws IOException {
            if (name.startsWith("_") || name.equals("description") || name.equals("comment")) {
                parser.skipChildren();
                return true;
            }
            return false;
        }
    }
}

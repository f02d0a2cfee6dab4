package io.orgscan.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed, path-aware access to one JSON object of a scenario, so that every complaint names where in
 * the file it is ({@code accounts[3].analyzers.us-east-1[0].type}). Null values count as absent, so
 * {@code "credentialLifetimeSeconds": null} means "not set".
 */
final class JsonObjectReader {
    private final ObjectNode node;
    private final String path;

    private JsonObjectReader(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    static JsonObjectReader of(JsonNode node, String path) throws InvalidScenarioField {
        if (node == null || !node.isObject()) {
            throw new InvalidScenarioField(path, "must be a JSON object");
        }
        return new JsonObjectReader((ObjectNode) node, path);
    }

    String path() {
        return path;
    }

    String child(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** Rejects fields the format does not define (typos would otherwise be silently ignored). */
    void allowOnly(Set<String> known) throws InvalidScenarioField {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name) && !name.startsWith("_") && !name.equals("description") && !name.equals("comment")) {
                throw new InvalidScenarioField(child(name), "unknown field (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
    }

    boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    /** True when the field is present with an explicit JSON null. */
    boolean isExplicitNull(String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNull();
    }

    String text(String field) throws InvalidScenarioField {
        if (!has(field)) {
            throw new InvalidScenarioField(child(field), "is required");
        }
        return textOr(field, null);
    }

    String textOr(String field, String fallback) throws InvalidScenarioField {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw new InvalidScenarioField(child(field), "must be a string");
        }
        return value.textValue();
    }

    int intOr(String field, int fallback) throws InvalidScenarioField {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidScenarioField(child(field), "must be an integer");
        }
        return value.intValue();
    }

    Integer optionalInt(String field) throws InvalidScenarioField {
        return has(field) ? intOr(field, 0) : null;
    }

    int requiredInt(String field) throws InvalidScenarioField {
        if (!has(field)) {
            throw new InvalidScenarioField(child(field), "is required");
        }
        return intOr(field, 0);
    }

    <E extends Enum<E>> E enumOr(String field, Class<E> type, E fallback) throws InvalidScenarioField {
        String value = textOr(field, null);
        if (value == null) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            allowed.add(constant.name());
        }
        throw new InvalidScenarioField(child(field), "\"" + value + "\" is not one of " + String.join(" | ", allowed));
    }

    List<String> textList(String field) throws InvalidScenarioField {
        List<String> result = new ArrayList<>();
        int i = 0;
        for (JsonNode element : array(field)) {
            if (!element.isTextual()) {
                throw new InvalidScenarioField(child(field) + "[" + i + "]", "must be a string");
            }
            result.add(element.textValue());
            i++;
        }
        return result;
    }

    /** The elements of an array field; empty when absent. */
    List<JsonNode> array(String field) throws InvalidScenarioField {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new InvalidScenarioField(child(field), "must be a JSON array");
        }
        List<JsonNode> result = new ArrayList<>(value.size());
        value.forEach(result::add);
        return result;
    }

    /** Reads each element of an array field as an object. */
    <T> List<T> objects(String field, ObjectParser<T> parser) throws InvalidScenarioField {
        List<T> result = new ArrayList<>();
        List<JsonNode> elements = array(field);
        for (int i = 0; i < elements.size(); i++) {
            result.add(parser.parse(of(elements.get(i), child(field) + "[" + i + "]")));
        }
        return result;
    }

    /** The entries of an object field, in file order; empty when absent. */
    List<Map.Entry<String, JsonNode>> entries(String field) throws InvalidScenarioField {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isObject()) {
            throw new InvalidScenarioField(child(field), "must be a JSON object");
        }
        List<Map.Entry<String, JsonNode>> result = new ArrayList<>();
        result.addAll(value.properties());
        return result;
    }

    JsonObjectReader object(String field) throws InvalidScenarioField {
        return of(node.get(field), child(field));
    }

    <T> T parse(Function<String, T> parser, String field, String value, String expectation) throws InvalidScenarioField {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new InvalidScenarioField(child(field), "\"" + value + "\" is not " + expectation);
        }
    }

    /** Reads one object. */
    @FunctionalInterface
    interface ObjectParser<T> {
        T parse(JsonObjectReader reader) throws InvalidScenarioField;
    }

    /** A field that breaks the format; the loader adds the source name. */
    static final class InvalidScenarioField extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidScenarioField(String path, String problem) {
            super(path + " " + problem);
        }
    }
}

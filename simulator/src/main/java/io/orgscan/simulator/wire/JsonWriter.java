package io.orgscan.simulator.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;

/** Builds JSON bodies for the two JSON protocols with one shared, thread-safe mapper. */
public final class JsonWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonWriter() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** awsJson timestamps are epoch seconds; fractions only when the instant has them. */
    public static void putEpochSeconds(ObjectNode node, String field, Instant instant) {
        if (instant.getNano() == 0) {
            node.put(field, instant.getEpochSecond());
        } else {
            node.put(field, BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9)).stripTrailingZeros());
        }
    }
}

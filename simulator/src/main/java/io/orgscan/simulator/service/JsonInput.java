package io.orgscan.simulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orgscan.simulator.wire.AwsError;
import io.orgscan.simulator.wire.JsonWriter;
import io.orgscan.simulator.wire.Protocol;
import java.io.IOException;

/** Reads a JSON request body, turning malformed input into the protocol's parse error. */
final class JsonInput {
    private final ObjectNode body;
    private final Protocol protocol;

    private JsonInput(ObjectNode body, Protocol protocol) {
        this.body = body;
        this.protocol = protocol;
    }

    /** An empty body counts as {@code {}}, as the SDKs send for operations without input. */
    static JsonInput parse(byte[] bytes, Protocol protocol) throws AwsError {
        if (bytes.length == 0) {
            return new JsonInput(JsonWriter.object(), protocol);
        }
        JsonNode node;
        try {
            node = JsonWriter.mapper().readTree(bytes);
        } catch (IOException e) {
            throw protocol.malformedRequest("Request body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw protocol.malformedRequest("Request body must be a JSON object");
        }
        return new JsonInput((ObjectNode) node, protocol);
    }

    String string(String field) throws AwsError {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw protocol.malformedRequest("STRING_VALUE can not be converted to " + field);
        }
        return value.textValue();
    }

    Integer integer(String field) throws AwsError {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw protocol.malformedRequest("NUMBER_VALUE can not be converted to an Integer for " + field);
        }
        return value.intValue();
    }
}

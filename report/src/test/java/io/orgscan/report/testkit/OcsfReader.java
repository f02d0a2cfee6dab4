package io.orgscan.report.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one reader of findings.ocsf.json in tests: parses the file as one JSON document (a reader that
 * knows nothing of how it was written) and validates events against the JSON Schema derived from the
 * OCSF 1.6.0 source ({@code ocsf/compliance_finding-1.6.0.schema.json}, see its README) with
 * networknt's validator.
 */
public final class OcsfReader {
    /** The derived schema of OCSF 1.6.0 Compliance Finding (class_uid 2003) with the cloud profile. */
    public static final String SCHEMA_RESOURCE = "/ocsf/compliance_finding-1.6.0.schema.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Schema SCHEMA = loadSchema();

    private OcsfReader() {
    }

    /** The events of a findings.ocsf.json file, in file order; fails unless it is one JSON array. */
    public static List<JsonNode> events(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (root == null || !root.isArray()) {
            throw new AssertionError(file + " is not a JSON array");
        }
        List<JsonNode> events = new ArrayList<>();
        root.forEach(events::add);
        return events;
    }

    /** What the schema finds wrong with {@code event}, one line per error; empty when it is valid. */
    public static List<String> errors(JsonNode event) {
        List<String> lines = new ArrayList<>();
        for (Error error : SCHEMA.validate(event)) {
            lines.add(error.getInstanceLocation() + ": " + error.getMessage());
        }
        return lines;
    }

    /** The derived JSON Schema itself, as a tree. */
    public static JsonNode schema() {
        try (InputStream in = OcsfReader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema loadSchema() {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema());
    }
}

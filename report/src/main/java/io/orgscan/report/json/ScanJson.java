package io.orgscan.report.json;

import static io.orgscan.report.json.ScanJsonSchema.ACCOUNTS;
import static io.orgscan.report.json.ScanJsonSchema.CELLS;
import static io.orgscan.report.json.ScanJsonSchema.ERRORS;
import static io.orgscan.report.json.ScanJsonSchema.EXCEPTION_REGISTER;
import static io.orgscan.report.json.ScanJsonSchema.OBSERVATIONS;
import static io.orgscan.report.json.ScanJsonSchema.REGIONS;
import static io.orgscan.report.json.ScanJsonSchema.SCAN;
import static io.orgscan.report.json.ScanJsonSchema.SCHEMA_VERSION;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.orgscan.model.AccountRef;
import io.orgscan.model.Cell;
import io.orgscan.model.CoverageMatrix;
import io.orgscan.model.Observations;
import io.orgscan.model.ErrorRecord;
import io.orgscan.model.ExceptionRegister;
import io.orgscan.model.ScanMetadata;
import io.orgscan.model.ScanResult;
import io.orgscan.report.json.ScanJsonSchema.AccountJson;
import io.orgscan.report.json.ScanJsonSchema.CellJson;
import io.orgscan.report.json.ScanJsonSchema.ErrorJson;
import io.orgscan.report.json.ScanJsonSchema.InvalidValue;
import io.orgscan.report.json.ScanJsonSchema.MetadataJson;
import io.orgscan.report.json.ScanJsonSchema.ObservationsJson;
import io.orgscan.report.json.ScanJsonSchema.RegisterJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * scan.json, the evidence of record: the whole {@link ScanResult} in an explicit, versioned JSON
 * schema (docs/OUTPUTS.md describes every field). {@code orgscan report} re-renders every other
 * output from it without touching AWS.
 *
 * <p>Writing is deterministic: the same ScanResult gives the same bytes (fields in a fixed order,
 * two-space indentation, {@code \n} line ends, UTF-8, a final newline). Reading is strict: the
 * {@code schema_version} must be the one this build reads, every field that may not be null must be
 * present, unknown or duplicate fields are rejected, scalars are not coerced, and every value goes
 * through the model's validating constructors; {@code read(write(x))} equals {@code x}. Both
 * directions stream the top-level arrays, so memory holds the model and not a second copy of the
 * document.
 */
public final class ScanJson {
    /** The scan.json {@code schema_version} this build writes and reads. */
    public static final int SCHEMA = ScanResult.SCHEMA_VERSION;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            // Characters outside the BMP (an emoji in an account name) as UTF-8, not as escaped surrogate pairs.
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .withCoercionConfig(LogicalType.Textual, c -> c
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private ScanJson() {
    }

    /** Writes {@code result} as scan.json to {@code out}; flushes but does not close it. */
    public static void write(ScanResult result, OutputStream out) throws IOException {
        try (JsonGenerator gen = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            gen.setPrettyPrinter(PRETTY.createInstance());
            gen.writeStartObject();
            gen.writeNumberField(SCHEMA_VERSION, SCHEMA);
            gen.writeFieldName(SCAN);
            MAPPER.writeValue(gen, MetadataJson.of(result.metadata()));
            writeArray(gen, ACCOUNTS, result.matrix().accounts(), AccountJson::of);
            gen.writeArrayFieldStart(REGIONS);
            for (String region : result.matrix().regions()) {
                gen.writeString(region);
            }
            gen.writeEndArray();
            writeArray(gen, CELLS, result.matrix().cells(), CellJson::of);
            writeArray(gen, ERRORS, result.errors(), ErrorJson::of);
            if (result.observations() != null) {
                gen.writeFieldName(OBSERVATIONS);
                MAPPER.writeValue(gen, ObservationsJson.of(result.observations()));
            }
            if (result.exceptions() != null) {
                gen.writeFieldName(EXCEPTION_REGISTER);
                MAPPER.writeValue(gen, RegisterJson.of(result.exceptions()));
            }
            gen.writeEndObject();
            gen.writeRaw('\n');
        }
        out.flush();
    }

    private static <M> void writeArray(JsonGenerator gen, String name, Collection<M> values, Function<M, ?> toJson)
            throws IOException {
        gen.writeArrayFieldStart(name);
        for (M value : values) {
            MAPPER.writeValue(gen, toJson.apply(value));
        }
        gen.writeEndArray();
    }

    /**
     * Reads a scan.json.
     *
     * @throws ScanFileException if the file is missing or unreadable, is not JSON, has another or no
     *                           {@code schema_version}, or holds a value the model rejects; the
     *                           message is one line naming the file
     */
    public static ScanResult read(Path file) throws ScanFileException {
        if (Files.isDirectory(file)) {
            throw new ScanFileException(file, "is a folder, not a scan file", null);
        }
        checkSchemaVersion(file);
        return readDocument(file);
    }

    /** A first, cheap pass: the version decides how to read the rest, wherever it sits in the object. */
    private static void checkSchemaVersion(Path file) throws ScanFileException {
        String version = null;
        try (InputStream in = Files.newInputStream(file); JsonParser p = MAPPER.createParser(in)) {
            JsonToken token = p.nextToken();
            if (token == null) {
                throw new ScanFileException(file, "empty file, not JSON", null);
            }
            if (token != JsonToken.START_OBJECT) {
                throw new ScanFileException(file, "not a scan file: the JSON is not an object", null);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                token = p.nextToken();
                if (SCHEMA_VERSION.equals(name)) {
                    version = switch (token) {
                        case VALUE_NUMBER_INT -> p.getText();
                        case VALUE_STRING -> "\"" + p.getText() + "\"";
                        default -> token.isScalarValue() ? p.getText() : token.asString();
                    };
                }
                p.skipChildren();
            }
            if (p.nextToken() != null) {
                throw new ScanFileException(file, "not valid JSON at line " + p.currentTokenLocation().getLineNr()
                        + ": more than one JSON value", null);
            }
        } catch (StreamReadException e) {
            throw notJson(file, e);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        if (version == null) {
            throw new ScanFileException(file, "no schema_version: not an orgscan scan file? (this build reads schema_version "
                    + SCHEMA + ")", null);
        }
        if (!version.equals(Integer.toString(SCHEMA))) {
            throw new ScanFileException(file, "schema_version " + version + " is not supported: this build of orgscan reads "
                    + "schema_version " + SCHEMA, null);
        }
    }

    private static ScanResult readDocument(Path file) throws ScanFileException {
        ScanMetadata metadata = null;
        List<AccountRef> accounts = null;
        List<String> regions = null;
        List<Cell> cells = null;
        List<ErrorRecord> errors = null;
        Observations observations = null;
        ExceptionRegister exceptions = null;
        try (InputStream in = Files.newInputStream(file); JsonParser p = MAPPER.createParser(in)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case SCHEMA_VERSION -> p.skipChildren();
                    case SCAN -> metadata = entry(file, p, SCAN, MetadataJson.class, MetadataJson::toModel);
                    case ACCOUNTS -> accounts = array(file, p, ACCOUNTS, AccountJson.class, AccountJson::toModel);
                    case REGIONS -> regions = array(file, p, REGIONS, String.class, region -> region);
                    case CELLS -> cells = array(file, p, CELLS, CellJson.class, CellJson::toModel);
                    case ERRORS -> errors = array(file, p, ERRORS, ErrorJson.class, ErrorJson::toModel);
                    case OBSERVATIONS -> observations = entry(file, p, OBSERVATIONS, ObservationsJson.class,
                            ObservationsJson::toModel);
                    case EXCEPTION_REGISTER -> exceptions = entry(file, p, EXCEPTION_REGISTER, RegisterJson.class,
                            RegisterJson::toModel);
                    default -> throw new ScanFileException(file, "unknown top-level field \"" + name + "\" (line "
                            + p.currentTokenLocation().getLineNr() + ")", null);
                }
            }
        } catch (StreamReadException e) {
            throw notJson(file, e);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        requirePresent(file, metadata, SCAN);
        requirePresent(file, accounts, ACCOUNTS);
        requirePresent(file, regions, REGIONS);
        requirePresent(file, cells, CELLS);
        requirePresent(file, errors, ERRORS);
        CoverageMatrix matrix;
        try {
            matrix = new CoverageMatrix(accounts, regions, cells);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ScanFileException(file, "invalid matrix: " + e.getMessage(), e);
        }
        return new ScanResult(metadata, matrix, errors, observations, exceptions);
    }

    private static void requirePresent(Path file, Object value, String name) throws ScanFileException {
        if (value == null) {
            throw new ScanFileException(file, "missing top-level field \"" + name + "\"", null);
        }
    }

    private static <J, M> List<M> array(Path file, JsonParser p, String name, Class<J> type, Function<J, M> toModel)
            throws IOException, ScanFileException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new ScanFileException(file, name + " (line " + p.currentTokenLocation().getLineNr()
                    + "): expected an array", null);
        }
        List<M> values = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            values.add(entry(file, p, name + "[" + values.size() + "]", type, toModel));
        }
        return values;
    }

    /** Binds the value at the parser to {@code type} and converts it, naming {@code path} in any problem. */
    private static <J, M> M entry(Path file, JsonParser p, String path, Class<J> type, Function<J, M> toModel)
            throws IOException, ScanFileException {
        JsonLocation start = p.currentTokenLocation();
        String where = " (entry at line " + start.getLineNr() + ")";
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            throw new ScanFileException(file, path + where + ": null", null);
        }
        J json;
        try {
            json = MAPPER.readValue(p, type);
        } catch (DatabindException e) {
            throw bindingProblem(file, path, e);
        }
        try {
            return toModel.apply(json);
        } catch (InvalidValue e) {
            InvalidValue located = e.under(path);
            throw new ScanFileException(file, located.path() + where + ": " + located.problem(), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ScanFileException(file, path + where + ": " + e.getMessage(), e);
        }
    }

    private static ScanFileException bindingProblem(Path file, String path, DatabindException e) {
        StringBuilder at = new StringBuilder(path);
        if (e instanceof JsonMappingException mapping) {
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    at.append('.').append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    at.append('[').append(ref.getIndex()).append(']');
                }
            }
        }
        String problem;
        if (e instanceof UnrecognizedPropertyException) {
            problem = "unknown field";
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            problem = "expected " + describe(mismatch.getTargetType());
        } else {
            problem = firstLine(e.getOriginalMessage());
        }
        JsonLocation location = e.getLocation();
        String line = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return new ScanFileException(file, at + line + ": " + problem, e);
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static ScanFileException notJson(Path file, StreamReadException e) {
        JsonLocation location = e.getLocation();
        String at = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return new ScanFileException(file, "not valid JSON" + at + ": " + firstLine(e.getOriginalMessage()), e);
    }

    private static ScanFileException unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new ScanFileException(file, "no such file", e);
        }
        if (e instanceof AccessDeniedException) {
            return new ScanFileException(file, "cannot read: permission denied", e);
        }
        return new ScanFileException(file, "cannot read: " + firstLine(e.getMessage()), e);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}

package io.orgscan.report.asff;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;

/**
 * The layout of findings.asff.json: compact JSON, except that each batch and each finding starts a
 * line, so that line tools ({@code grep}, {@code wc -l}, a diff) see one finding per line while the
 * file stays small (10,000 accounts x 35 regions make 350,000 findings). Arrays at depth 1 (the
 * batches) and 3 (each batch's {@code Findings}) break lines; every other value is written compact.
 */
final class BatchLayout implements PrettyPrinter {
    private static final int DEEPEST_BROKEN_ARRAY = 3;

    private static boolean breaksLines(JsonGenerator g) {
        JsonStreamContext context = g.getOutputContext();
        return context.inArray() && context.getNestingDepth() <= DEEPEST_BROKEN_ARRAY;
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
        g.writeRaw('{');
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
        g.writeRaw('}');
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(':');
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
        g.writeRaw('[');
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
        g.writeRaw(values > 0 && breaksLines(g) ? "\n]" : "]");
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(breaksLines(g) ? ",\n" : ",");
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
        if (breaksLines(g)) {
            g.writeRaw('\n');
        }
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) {
        // nothing: an object's entries follow its brace on the same line
    }
}

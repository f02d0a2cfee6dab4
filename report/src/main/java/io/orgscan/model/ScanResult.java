package io.orgscan.model;

import java.util.List;
import java.util.Objects;

/** A finished scan: its metadata, the judged matrix, and every AWS call that failed. */
public record ScanResult(ScanMetadata metadata, CoverageMatrix matrix, List<ErrorRecord> errors) {
    /** The version of the scan.json schema this build writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    public ScanResult {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(matrix, "matrix");
        errors = List.copyOf(errors);
    }
}

package io.orgscan.model;

import java.util.List;
import java.util.Objects;

/**
 * A finished scan: its metadata, the judged matrix, every AWS call that failed, and the observations
 * the matrix was judged from (null for a scan file written before they were recorded).
 */
public record ScanResult(ScanMetadata metadata, CoverageMatrix matrix, List<ErrorRecord> errors, Observations observations) {
    /** The version of the scan.json schema this build writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    public ScanResult {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(matrix, "matrix");
        errors = List.copyOf(errors);
    }

    /** A result without recorded observations. */
    public ScanResult(ScanMetadata metadata, CoverageMatrix matrix, List<ErrorRecord> errors) {
        this(metadata, matrix, errors, null);
    }
}

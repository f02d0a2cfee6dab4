package io.orgscan.model;

import java.util.List;
import java.util.Objects;

/**
 * A finished scan: its metadata, the judged matrix, every AWS call that failed, the observations
 * the matrix was judged from (null for a scan file written before they were recorded), and the
 * exceptions register its reports apply (null when none was given). The register never changes a
 * cell: it annotates the reports.
 */
public record ScanResult(ScanMetadata metadata, CoverageMatrix matrix, List<ErrorRecord> errors, Observations observations,
                         ExceptionRegister exceptions) {
    /** The version of the scan.json schema this build writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    public ScanResult {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(matrix, "matrix");
        errors = List.copyOf(errors);
    }

    /** A result without an exceptions register. */
    public ScanResult(ScanMetadata metadata, CoverageMatrix matrix, List<ErrorRecord> errors, Observations observations) {
        this(metadata, matrix, errors, observations, null);
    }

    /** This result with {@code register} (null for none) instead of its own. */
    public ScanResult withExceptions(ExceptionRegister register) {
        return new ScanResult(metadata, matrix, errors, observations, register);
    }

    /** A result without recorded observations. */
    public ScanResult(ScanMetadata metadata, CoverageMatrix matrix, List<ErrorRecord> errors) {
        this(metadata, matrix, errors, null);
    }
}

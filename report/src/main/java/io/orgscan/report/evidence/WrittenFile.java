package io.orgscan.report.evidence;

import java.util.Objects;

/**
 * A file of the run folder as written: what run_manifest.json, SHA256SUMS and the Cover sheet list.
 *
 * @param rows   data rows (header excluded) for a CSV, events for findings.ocsf.json, findings for
 *               findings.asff.json, test cases for junit.xml, null for other files
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 */
public record WrittenFile(String name, long bytes, Long rows, String sha256) {
    public WrittenFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
    }

    public WrittenFile withRows(long count) {
        return new WrittenFile(name, bytes, count, sha256);
    }
}

package io.orgscan.report.evidence;

import io.orgscan.model.ScanResult;
import io.orgscan.model.Sha256;
import io.orgscan.report.json.ScanFileException;
import io.orgscan.report.json.ScanJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An earlier scan to compare with ({@code orgscan report --previous OLD_SCAN.json}), with what
 * identifies the file it came from: its name and SHA-256, recorded in run_manifest.json and on the
 * Parameters sheet so the comparison itself is evidence.
 */
public record PreviousScan(ScanResult result, String fileName, String sha256) {
    public PreviousScan {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** Reads and hashes a scan.json. */
    public static PreviousScan read(Path file) throws ScanFileException {
        ScanResult result = ScanJson.read(file);
        try {
            return new PreviousScan(result, file.getFileName().toString(), Sha256.of(file));
        } catch (IOException e) {
            throw new ScanFileException(file, "cannot read: " + e.getMessage(), e);
        }
    }

}

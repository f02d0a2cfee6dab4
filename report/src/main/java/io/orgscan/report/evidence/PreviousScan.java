package io.orgscan.report.evidence;

import io.orgscan.model.ScanResult;
import io.orgscan.report.json.ScanFileException;
import io.orgscan.report.json.ScanJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
        MessageDigest digest = newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
            return new PreviousScan(result, file.getFileName().toString(), HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw new ScanFileException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

package io.orgscan.report.exceptions;

import io.orgscan.model.ExceptionEntry;
import io.orgscan.model.ExceptionRegister;
import io.orgscan.model.Sha256;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads an exceptions register ({@code --exceptions FILE}): a CSV ({@link CsvRegister}) or a workbook
 * whose Exceptions sheet people filled in ({@link WorkbookRegister}), told apart by the file's first
 * bytes (an xlsx is a zip), not by its name. The SHA-256 is of exactly the bytes parsed, read once.
 */
public final class RegisterFile {
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    /**
     * Far above any real register (a finding id per cell of 10,000 accounts x 35 regions is about
     * 50 MB as a CSV), and well below what would exhaust a small heap when read whole.
     */
    static final long MAX_BYTES = 128L * 1024 * 1024;

    private RegisterFile() {
    }

    /**
     * The register in {@code file}.
     *
     * @throws RegisterException if the file cannot be read or breaks a rule; nothing is partly read
     */
    public static ExceptionRegister read(Path file) throws RegisterException {
        if (Files.isDirectory(file)) {
            throw new RegisterException(file, "is a folder, not an exceptions register", null);
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new RegisterException(file, size / (1024 * 1024) + " MiB: larger than any exceptions register ("
                        + MAX_BYTES / (1024 * 1024) + " MiB at most); is it the right file?", null);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new RegisterException(file, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new RegisterException(file, "cannot read: permission denied", e);
        } catch (IOException e) {
            throw new RegisterException(file, "cannot read: " + e.getMessage(), e);
        }
        List<ExceptionEntry> entries = isZip(bytes) ? WorkbookRegister.entries(file, bytes) : CsvRegister.entries(file, bytes);
        try {
            return new ExceptionRegister(file.getFileName().toString(), Sha256.of(bytes), entries);
        } catch (IllegalArgumentException e) {
            // Two entries with one selector: the register names the later row.
            throw new RegisterException(file, e.getMessage(), e);
        }
    }

    private static boolean isZip(byte[] bytes) {
        if (bytes.length < ZIP_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < ZIP_MAGIC.length; i++) {
            if (bytes[i] != ZIP_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

}

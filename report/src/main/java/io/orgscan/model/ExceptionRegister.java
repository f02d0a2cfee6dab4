package io.orgscan.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The exceptions register a scan or render was given ({@code --exceptions FILE}): the file's name and
 * the SHA-256 of its bytes (so the evidence says which register it used), and its entries. scan.json
 * records it whole, so a re-render applies the same entries without the file.
 *
 * <p>No two entries have the same selector (the same finding id, or the same account and region
 * patterns): which one applies would otherwise depend on their order.
 */
public record ExceptionRegister(String fileName, String sha256, List<ExceptionEntry> entries) {
    public ExceptionRegister {
        Objects.requireNonNull(fileName, "fileName");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a register's SHA-256 is 64 lowercase hex digits: " + sha256);
        }
        entries = List.copyOf(entries);
        Set<String> selectors = new HashSet<>();
        for (ExceptionEntry entry : entries) {
            if (!selectors.add(entry.selector())) {
                throw new IllegalArgumentException("row " + entry.row() + ": " + entry.selector()
                        + " is already an entry of an earlier row");
            }
        }
    }
}

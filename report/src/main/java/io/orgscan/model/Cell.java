package io.orgscan.model;

import java.util.List;
import java.util.Objects;

/**
 * The judgement of one account x region.
 *
 * @param regionOptStatus the region's opt-in status for the account, UNKNOWN when it was not read
 * @param detail          human-readable detail: the failure's code and message, the inactive
 *                        analyzer's status and reason, or why the cell is not applicable
 * @param analyzers       the analyzers the account owns in the region, as seen
 * @param coveredByArn    the analyzer that makes the cell compliant, or null
 * @param failure         the failed call that left the cell undecided, or null
 */
public record Cell(
        CellKey key,
        RegionOptStatus regionOptStatus,
        Reason reason,
        String detail,
        List<Analyzer> analyzers,
        String coveredByArn,
        Failure failure) {
    public Cell {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(regionOptStatus, "regionOptStatus");
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
        analyzers = List.copyOf(analyzers);
        if (reason.status() == ComplianceStatus.COMPLIANT && coveredByArn == null) {
            throw new IllegalArgumentException("a compliant cell names the analyzer that covers it: " + key);
        }
        if (reason.status() == ComplianceStatus.INSUFFICIENT_DATA && failure == null) {
            throw new IllegalArgumentException("an undecided cell carries the failure that left it so: " + key);
        }
    }

    public ComplianceStatus status() {
        return reason.status();
    }
}

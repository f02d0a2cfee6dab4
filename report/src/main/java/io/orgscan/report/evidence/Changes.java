package io.orgscan.report.evidence;

import io.orgscan.model.AccountRef;
import io.orgscan.model.Cell;
import io.orgscan.model.CellKey;
import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.ScanResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What changed since a previous scan of the same organization, finding by finding (a finding is an
 * account x region: its {@code finding_id} is the same in every run).
 *
 * <ul>
 *   <li>newly non-compliant: NON_COMPLIANT now, anything else or absent before;</li>
 *   <li>resolved: NON_COMPLIANT before, COMPLIANT now;</li>
 *   <li>still non-compliant: NON_COMPLIANT in both;</li>
 *   <li>new and removed accounts: listed in one scan only.</li>
 * </ul>
 */
public final class Changes {
    private final PreviousScan previous;
    private final Map<CellKey, ComplianceStatus> before = new HashMap<>();
    private final long newlyNonCompliant;
    private final long resolved;
    private final long stillNonCompliant;
    private final long changedRows;
    private final List<AccountRef> newAccounts;
    private final List<AccountRef> removedAccounts;

    private Changes(PreviousScan previous, ScanResult current) {
        this.previous = previous;
        for (Cell cell : previous.result().matrix().cells()) {
            before.put(cell.key(), cell.status());
        }
        long newly = 0;
        long fixed = 0;
        long still = 0;
        long changed = 0;
        for (Cell cell : current.matrix().cells()) {
            ComplianceStatus was = before.get(cell.key());
            ComplianceStatus now = cell.status();
            if (was != now) {
                changed++;
            }
            if (now == ComplianceStatus.NON_COMPLIANT) {
                if (was == ComplianceStatus.NON_COMPLIANT) {
                    still++;
                } else {
                    newly++;
                }
            } else if (was == ComplianceStatus.NON_COMPLIANT && now == ComplianceStatus.COMPLIANT) {
                fixed++;
            }
        }
        newlyNonCompliant = newly;
        resolved = fixed;
        stillNonCompliant = still;
        changedRows = changed;
        Set<String> nowIds = current.matrix().accounts().stream().map(AccountRef::id).collect(Collectors.toSet());
        Set<String> thenIds = previous.result().matrix().accounts().stream().map(AccountRef::id).collect(Collectors.toSet());
        newAccounts = current.matrix().accounts().stream().filter(a -> !thenIds.contains(a.id())).toList();
        removedAccounts = previous.result().matrix().accounts().stream().filter(a -> !nowIds.contains(a.id())).toList();
    }

    /**
     * Compares {@code current} with {@code previous}.
     *
     * @throws IllegalArgumentException if the scans are of different organizations or partitions, or
     *                                  the previous scan did not start before the current one
     */
    public static Changes between(PreviousScan previous, ScanResult current) {
        requireComparable(previous, current);
        return new Changes(previous, current);
    }

    /**
     * Checks that {@code previous} can be compared with {@code current}.
     *
     * @throws IllegalArgumentException naming the problem, if it cannot
     */
    public static void requireComparable(PreviousScan previous, ScanResult current) {
        var then = previous.result().metadata();
        var now = current.metadata();
        if (!then.organizationId().equals(now.organizationId()) || !then.partition().equals(now.partition())) {
            throw new IllegalArgumentException("the previous scan is of organization " + then.organizationId()
                    + " (" + then.partition() + "), this scan is of " + now.organizationId() + " (" + now.partition() + ")");
        }
        if (!then.startedAt().isBefore(now.startedAt())) {
            throw new IllegalArgumentException("the previous scan (started " + then.startedAt()
                    + ") did not start before this scan (started " + now.startedAt() + ")");
        }
    }

    public PreviousScan previous() {
        return previous;
    }

    /** The finding's status in the previous scan; empty if the account x region was not in it. */
    public Optional<ComplianceStatus> previousStatus(CellKey key) {
        return Optional.ofNullable(before.get(key));
    }

    /** True if the status differs from the previous scan's, or the finding is new. */
    public boolean changed(Cell cell) {
        return before.get(cell.key()) != cell.status();
    }

    public long newlyNonCompliant() {
        return newlyNonCompliant;
    }

    public long resolved() {
        return resolved;
    }

    public long stillNonCompliant() {
        return stillNonCompliant;
    }

    /** Findings whose status changed or that are new. */
    public long changedRows() {
        return changedRows;
    }

    public List<AccountRef> newAccounts() {
        return newAccounts;
    }

    public List<AccountRef> removedAccounts() {
        return removedAccounts;
    }
}

package io.orgscan.report.exceptions;

import io.orgscan.model.Cell;
import io.orgscan.model.CellKey;
import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.CoverageMatrix;
import io.orgscan.model.ExceptionEntry;
import io.orgscan.model.ExceptionRegister;
import io.orgscan.model.ScanResult;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which register entry applies to which finding of a scan. Pure, and judged against the scan's end
 * ({@code finished_at}, UTC), never the wall clock, so rendering the same scan.json again gives the
 * same files.
 *
 * <ul>
 *   <li>An entry is <b>expired</b> when its {@code expires} day is before the day the scan finished;
 *       an expired entry applies to nothing (the review lists it).</li>
 *   <li>An entry is an <b>orphan</b> when it matches no finding of the scan: its account is not in the
 *       organization, its region not in the matrix, or its finding id of another partition.</li>
 *   <li>Of the unexpired entries matching a finding, the most specific applies: its finding id, then
 *       its account and region, then its account with {@code *}, then {@code *} with its region, then
 *       {@code *} with {@code *}. Selectors are unique, so there is never a tie.</li>
 * </ul>
 * Whatever applies, a finding's status, reason and the exit code stay as the scan judged them.
 */
public final class ExceptionMatches {
    private static final ExceptionMatches NONE = new ExceptionMatches(null, null, List.of(), null);

    private final ExceptionRegister register;
    private final LocalDate scanDay;
    private final Map<CellKey, ExceptionEntry> exact = new HashMap<>();
    private final Map<String, ExceptionEntry> accountWide = new HashMap<>();
    private final Map<String, ExceptionEntry> regionWide = new HashMap<>();
    private ExceptionEntry everywhere;
    private final List<ExceptionEntry> expired = new ArrayList<>();
    private final List<ExceptionEntry> orphans = new ArrayList<>();
    private long nonCompliantWith;
    private long nonCompliantWithout;

    private ExceptionMatches(ExceptionRegister register, LocalDate scanDay, List<ExceptionEntry> entries,
                             ScanResult scan) {
        this.register = register;
        this.scanDay = scanDay;
        if (scan == null) {
            return;
        }
        CoverageMatrix matrix = scan.matrix();
        String partition = scan.metadata().partition();
        Set<String> accounts = new HashSet<>();
        matrix.accounts().forEach(a -> accounts.add(a.id()));
        Set<String> regions = new HashSet<>(matrix.regions());
        // Finding-id entries first, so that one outranks an account-and-region entry of the same finding.
        List<ExceptionEntry> ordered = new ArrayList<>(entries.stream().filter(e -> e.findingId() != null).toList());
        ordered.addAll(entries.stream().filter(e -> e.findingId() == null).toList());
        for (ExceptionEntry entry : ordered) {
            boolean accountKnown = entry.account().equals(ExceptionEntry.ANY) || accounts.contains(entry.account());
            boolean regionKnown = entry.region().equals(ExceptionEntry.ANY) || regions.contains(entry.region());
            boolean partitionKnown = entry.partition() == null || entry.partition().equals(partition);
            boolean orphan = !accountKnown || !regionKnown || !partitionKnown;
            if (orphan) {
                orphans.add(entry);
            }
            if (entry.expiredOn(scanDay)) {
                expired.add(entry);
            } else if (!orphan) {
                index(entry);
            }
        }
        orphans.sort(Comparator.comparingInt(ExceptionEntry::row));
        expired.sort(Comparator.comparingInt(ExceptionEntry::row));
        for (Cell cell : matrix.cells()) {
            if (cell.status() == ComplianceStatus.NON_COMPLIANT) {
                if (applying(cell.key()).isPresent()) {
                    nonCompliantWith++;
                } else {
                    nonCompliantWithout++;
                }
            }
        }
    }

    private void index(ExceptionEntry entry) {
        boolean anyAccount = entry.account().equals(ExceptionEntry.ANY);
        boolean anyRegion = entry.region().equals(ExceptionEntry.ANY);
        if (!anyAccount && !anyRegion) {
            exact.putIfAbsent(new CellKey(entry.account(), entry.region()), entry);
        } else if (!anyAccount) {
            accountWide.put(entry.account(), entry);
        } else if (!anyRegion) {
            regionWide.put(entry.region(), entry);
        } else {
            everywhere = entry;
        }
    }

    /** The matches of the register {@code scan} carries; none when it carries none. */
    public static ExceptionMatches of(ScanResult scan) {
        ExceptionRegister register = scan.exceptions();
        if (register == null) {
            return NONE;
        }
        LocalDate day = LocalDate.ofInstant(scan.metadata().finishedAt(), ZoneOffset.UTC);
        return new ExceptionMatches(register, day, register.entries(), scan);
    }

    /** The register, if the render has one. */
    public Optional<ExceptionRegister> register() {
        return Optional.ofNullable(register);
    }

    /** The day expiry is judged on: the scan's end, UTC; null without a register. */
    public LocalDate scanDay() {
        return scanDay;
    }

    /** The unexpired entry that applies to the finding, if any. */
    public Optional<ExceptionEntry> applying(CellKey key) {
        if (register == null) {
            return Optional.empty();
        }
        ExceptionEntry entry = exact.get(key);
        if (entry == null) {
            entry = accountWide.get(key.accountId());
        }
        if (entry == null) {
            entry = regionWide.get(key.region());
        }
        return Optional.ofNullable(entry == null ? everywhere : entry);
    }

    /** Entries whose {@code expires} day is before the scan's, in register order. */
    public List<ExceptionEntry> expired() {
        return List.copyOf(expired);
    }

    /** Entries that match no finding of the scan, in register order. */
    public List<ExceptionEntry> orphans() {
        return List.copyOf(orphans);
    }

    /** NON_COMPLIANT findings to which an unexpired entry applies. */
    public long nonCompliantWithException() {
        return nonCompliantWith;
    }

    /** NON_COMPLIANT findings to which no unexpired entry applies. */
    public long nonCompliantWithoutException() {
        return nonCompliantWithout;
    }
}

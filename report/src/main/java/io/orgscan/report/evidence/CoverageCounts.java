package io.orgscan.report.evidence;

import io.orgscan.model.AccountRef;
import io.orgscan.model.Cell;
import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.CoverageMatrix;
import io.orgscan.model.Reason;
import io.orgscan.model.ScanResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The counts an auditor reconciles and the summaries report: accounts by scope, cells by status,
 * coverage, per account, per OU and per region. Computed once from a scan; every output reads the
 * same numbers.
 *
 * <p>Coverage is {@code compliant / (compliant + non-compliant + insufficient data)} in percent with
 * two decimals (half up): not-applicable cells are left out, undecided cells count against it.
 */
public final class CoverageCounts {
    /** Why an account is or is not part of the evaluated population. */
    public enum Scope {
        /** ACTIVE and not left out: its regions were evaluated. */
        IN_SCOPE,
        /** SUSPENDED, PENDING_CLOSURE, CLOSED, PENDING_ACTIVATION or unknown: not contacted. */
        ACCOUNT_NOT_ACTIVE,
        /** ACTIVE but left out by the scope parameters (every cell EXCLUDED). */
        EXCLUDED
    }

    /** Cells counted by status under one key (an account, an OU path, a region). */
    public record Tally(String key, long accounts, Map<ComplianceStatus, Long> cells) {
        public Tally {
            EnumMap<ComplianceStatus, Long> copy = new EnumMap<>(ComplianceStatus.class);
            for (ComplianceStatus status : ComplianceStatus.values()) {
                copy.put(status, cells.getOrDefault(status, 0L));
            }
            cells = Collections.unmodifiableMap(copy);
        }

        public long count(ComplianceStatus status) {
            return cells.get(status);
        }

        public long total() {
            return cells.values().stream().mapToLong(Long::longValue).sum();
        }

        public Optional<BigDecimal> coverage() {
            return CoverageCounts.coverage(count(ComplianceStatus.COMPLIANT), count(ComplianceStatus.NON_COMPLIANT),
                    count(ComplianceStatus.INSUFFICIENT_DATA));
        }

        public ComplianceStatus result() {
            return ComplianceStatus.overall(cells);
        }
    }

    /** One account: its scope and its cells. */
    public record AccountSummary(AccountRef account, Scope scope, Tally cells) {
        /** In scope, nothing non-compliant or undecided, at least one compliant region. */
        public boolean fullyCovered() {
            return scope == Scope.IN_SCOPE && cells.count(ComplianceStatus.NON_COMPLIANT) == 0
                    && cells.count(ComplianceStatus.INSUFFICIENT_DATA) == 0
                    && cells.count(ComplianceStatus.COMPLIANT) > 0;
        }
    }

    private final List<AccountSummary> accounts;
    private final Tally all;
    private final List<Tally> byOu;
    private final List<Tally> byRegion;
    private final int regions;
    private final long accountsNotActive;
    private final long accountsExcluded;
    private final long accountsEvaluated;
    private final int errors;
    private final Optional<String> nothingChecked;

    private CoverageCounts(ScanResult result) {
        CoverageMatrix matrix = result.matrix();
        regions = matrix.regions().size();
        errors = result.errors().size();
        List<AccountSummary> summaries = new ArrayList<>(matrix.accounts().size());
        Map<String, long[]> ouCells = new TreeMap<>();
        Map<String, Long> ouAccounts = new TreeMap<>();
        Map<String, long[]> regionCells = new TreeMap<>();
        long[] allCells = new long[ComplianceStatus.values().length];
        long notActive = 0;
        long excluded = 0;
        long evaluated = 0;
        List<Cell> cells = matrix.cells();
        for (int a = 0; a < matrix.accounts().size(); a++) {
            AccountRef account = matrix.accounts().get(a);
            long[] counts = new long[ComplianceStatus.values().length];
            boolean anyEvaluated = false;
            boolean allExcluded = true;
            long[] ou = ouCells.computeIfAbsent(account.ouPath(), k -> new long[counts.length]);
            ouAccounts.merge(account.ouPath(), 1L, Long::sum);
            // Cells are sorted by account then region: this account's are the a-th run of `regions`.
            for (Cell cell : cells.subList(a * regions, (a + 1) * regions)) {
                int status = cell.status().ordinal();
                counts[status]++;
                ou[status]++;
                allCells[status]++;
                regionCells.computeIfAbsent(cell.key().region(), k -> new long[counts.length])[status]++;
                anyEvaluated |= cell.reason() != Reason.ACCOUNT_NOT_ACTIVE && cell.reason() != Reason.EXCLUDED;
                allExcluded &= cell.reason() == Reason.EXCLUDED;
            }
            // Counted from different facts on purpose (state, then cells), so that an inconsistent
            // scan shows up in the reconciliation instead of being absorbed by one definition.
            if (!account.state().isActive()) {
                notActive++;
            } else if (allExcluded) {
                excluded++;
            }
            if (anyEvaluated) {
                evaluated++;
            }
            Scope scope = !account.state().isActive() ? Scope.ACCOUNT_NOT_ACTIVE
                    : allExcluded ? Scope.EXCLUDED : Scope.IN_SCOPE;
            summaries.add(new AccountSummary(account, scope, tally(account.id(), 1, counts)));
        }
        accounts = List.copyOf(summaries);
        all = tally("", matrix.accounts().size(), allCells);
        byOu = ouCells.entrySet().stream().map(e -> tally(e.getKey(), ouAccounts.get(e.getKey()), e.getValue())).toList();
        byRegion = regionCells.entrySet().stream().map(e -> tally(e.getKey(), matrix.accounts().size(), e.getValue()))
                .toList();
        accountsNotActive = notActive;
        accountsExcluded = excluded;
        accountsEvaluated = evaluated;
        nothingChecked = NothingChecked.why(result);
    }

    public static CoverageCounts of(ScanResult result) {
        return new CoverageCounts(result);
    }

    /** {@code compliant / (compliant + nonCompliant + insufficientData)} in percent, two decimals; empty if nothing applies. */
    public static Optional<BigDecimal> coverage(long compliant, long nonCompliant, long insufficientData) {
        long applicable = compliant + nonCompliant + insufficientData;
        if (applicable == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(compliant).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(applicable), 2, RoundingMode.HALF_UP));
    }

    /** The coverage as CSVs write it: {@code 87.50}, or empty when nothing applies. */
    public static String coverageText(Optional<BigDecimal> coverage) {
        return coverage.map(BigDecimal::toPlainString).orElse("");
    }

    private static Tally tally(String key, long accounts, long[] counts) {
        EnumMap<ComplianceStatus, Long> map = new EnumMap<>(ComplianceStatus.class);
        for (ComplianceStatus status : ComplianceStatus.values()) {
            map.put(status, counts[status.ordinal()]);
        }
        return new Tally(key, accounts, map);
    }

    /** Every account, in the matrix's order (by id). */
    public List<AccountSummary> accounts() {
        return accounts;
    }

    public long accountsListed() {
        return accounts.size();
    }

    /** Accounts whose state is not ACTIVE. */
    public long accountsNotActive() {
        return accountsNotActive;
    }

    /** ACTIVE accounts whose every cell is EXCLUDED. */
    public long accountsExcluded() {
        return accountsExcluded;
    }

    /** Accounts with at least one cell judged on what the scan read (not ACCOUNT_NOT_ACTIVE, not EXCLUDED). */
    public long accountsEvaluated() {
        return accountsEvaluated;
    }

    public long accountsFullyCovered() {
        return accounts.stream().filter(AccountSummary::fullyCovered).count();
    }

    /** The region universe's size: columns of the matrix. */
    public int regions() {
        return regions;
    }

    /** Every cell: findings.csv's rows. */
    public Tally cells() {
        return all;
    }

    public long rows() {
        return all.total();
    }

    public long rows(ComplianceStatus status) {
        return all.count(status);
    }

    public Optional<BigDecimal> coverage() {
        return all.coverage();
    }

    /**
     * The control-level result of the run: {@link ComplianceStatus#overall} of every cell, except that
     * a run that checked nothing it could pass on ({@link #controlResultReason}) is INSUFFICIENT_DATA,
     * never the NOT_APPLICABLE or COMPLIANT its cells roll up to: no evidence is not a pass.
     */
    public ComplianceStatus controlResult() {
        return nothingChecked.isPresent() ? ComplianceStatus.INSUFFICIENT_DATA : all.result();
    }

    /** Why the control result is INSUFFICIENT_DATA although the cells say otherwise ({@link NothingChecked}), or empty. */
    public Optional<String> controlResultReason() {
        return nothingChecked;
    }

    /** Failed AWS calls recorded by the scan. */
    public int errors() {
        return errors;
    }

    /** True when no cell is undecided, no AWS call failed and the run checked something it could pass on. */
    public boolean scanComplete() {
        return rows(ComplianceStatus.INSUFFICIENT_DATA) == 0 && errors == 0 && nothingChecked.isEmpty();
    }

    /** Per OU path, sorted by path. */
    public List<Tally> byOu() {
        return byOu;
    }

    /** Per region, sorted by name. */
    public List<Tally> byRegion() {
        return byRegion;
    }
}

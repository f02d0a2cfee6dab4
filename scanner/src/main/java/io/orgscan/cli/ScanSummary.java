package io.orgscan.cli;

import io.orgscan.evaluate.FailureKind;
import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.ErrorRecord;
import io.orgscan.model.ScanMetadata;
import io.orgscan.model.ScanResult;
import io.orgscan.report.evidence.CoverageCounts;
import io.orgscan.report.exceptions.ExceptionMatches;
import io.orgscan.report.evidence.RunFile;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The few lines on stdout after a scan or a render: counts, coverage and the control's result (the
 * same numbers as the reports: {@link CoverageCounts}), the files written, how to verify them, the verdict.
 */
final class ScanSummary {
    private ScanSummary() {
    }

    static void print(PrintStream out, ScanResult result, List<Path> written) {
        counts(out, result);
        out.println("wrote:");
        for (Path path : written) {
            out.println("  " + path);
        }
        written.stream().filter(p -> p.getFileName().toString().equals(RunFile.SHA256SUMS.fileName())).findFirst()
                .ifPresent(sums -> out.println("verify: cd " + sums.getParent() + " && sha256sum -c "
                        + RunFile.SHA256SUMS.fileName()));
        out.println("result: " + ExitCodes.nothingChecked(result)
                .map(why -> "INCOMPLETE: " + why + " (exit " + ExitCodes.INSUFFICIENT_DATA + ")")
                .orElse(verdict(ExitCodes.of(result))));
    }

    /**
     * The summary of a scan whose run folder could not be written: the counts, and where the scan was
     * saved instead ({@code saved}, or null if it could not be).
     */
    static void printNotWritten(PrintStream out, ScanResult result, Path saved) {
        counts(out, result);
        out.println("wrote: no report (the run folder could not be written)");
        if (saved != null) {
            out.println("saved: " + saved);
        }
        out.println("result: " + verdict(ExitCodes.of(result)).replaceFirst(" \\(exit \\d+\\)$", "")
                + "; no report was written (exit " + ExitCodes.USAGE + ")");
    }

    private static void counts(PrintStream out, ScanResult result) {
        ScanMetadata meta = result.metadata();
        CoverageCounts counts = CoverageCounts.of(result);
        out.printf("scan %s of organization %s (management account %s), policy %s%n",
                meta.scanId(), meta.organizationId(), meta.managementAccountId(), meta.policy().name().toLowerCase(Locale.ROOT));
        out.printf("accounts: %d listed, %d in scope; regions: %d%n", counts.accountsListed(),
                counts.accountsEvaluated(), counts.regions());
        out.printf("cells: %d = %d COMPLIANT, %d NON_COMPLIANT, %d NOT_APPLICABLE, %d INSUFFICIENT_DATA%n",
                counts.rows(), counts.rows(ComplianceStatus.COMPLIANT), counts.rows(ComplianceStatus.NON_COMPLIANT),
                counts.rows(ComplianceStatus.NOT_APPLICABLE), counts.rows(ComplianceStatus.INSUFFICIENT_DATA));
        out.printf("coverage: %s of applicable cells (compliant / (compliant + non-compliant + insufficient data))%n",
                counts.coverage().map(c -> c.toPlainString() + "%").orElse("n/a"));
        out.printf("accounts fully covered: %d of %d in scope%n", counts.accountsFullyCovered(),
                counts.accountsEvaluated());
        out.printf("control result: %s%n", counts.controlResult());
        if (!result.errors().isEmpty()) {
            out.printf("failed AWS calls: %d (each undecided cell says why)%n", result.errors().size());
        }
        scpDeniedRegions(out, result);
        exceptions(out, result);
    }

    /** With a register: what it covered and what needs people (the Summary sheet lists them). */
    private static void exceptions(PrintStream out, ScanResult result) {
        ExceptionMatches matches = ExceptionMatches.of(result);
        matches.register().ifPresent(register -> out.printf("exceptions: %s, %d entries; NON_COMPLIANT cells with an "
                        + "exception in force %d, without %d; %d entries expired, %d match no cell (Summary sheet)%n",
                register.fileName(), register.entries().size(), matches.nonCompliantWithException(),
                matches.nonCompliantWithoutException(), matches.expired().size(), matches.orphans().size()));
    }

    /**
     * Without {@code --scp-denied-regions not-applicable}: how many NON_COMPLIANT or INSUFFICIENT_DATA
     * cells lie in regions where a service control policy refused some call of the scan, and the
     * option that would read the SCPs and judge those regions. Nothing when there are none.
     */
    private static void scpDeniedRegions(PrintStream out, ScanResult result) {
        if (result.metadata().serviceControlPolicies() != null) {
            return; // the SCPs were read: the regions they deny are judged already
        }
        Set<String> regions = new TreeSet<>();
        for (ErrorRecord error : result.errors()) {
            if (error.region() != null && FailureKind.deniedByScp(error.failure())) {
                regions.add(error.region());
            }
        }
        long cells = result.matrix().cells().stream()
                .filter(c -> regions.contains(c.key().region()))
                .filter(c -> c.status() == ComplianceStatus.NON_COMPLIANT || c.status() == ComplianceStatus.INSUFFICIENT_DATA)
                .count();
        if (cells > 0) {
            out.printf("SCP-denied regions: %d NON_COMPLIANT or INSUFFICIENT_DATA cells lie in regions where a service "
                    + "control policy denied a call (%s); --scp-denied-regions not-applicable reads the SCPs and marks "
                    + "those a region-deny statement denies NOT_APPLICABLE%n", cells, String.join(", ", regions));
        }
    }

    static String verdict(int exitCode) {
        return switch (exitCode) {
            case ExitCodes.OK -> "COMPLIANT (exit 0)";
            case ExitCodes.NON_COMPLIANT -> "NON_COMPLIANT cells found (exit 3)";
            case ExitCodes.INSUFFICIENT_DATA -> "INCOMPLETE: some cells are INSUFFICIENT_DATA or AWS calls failed (exit 4)";
            default -> "exit " + exitCode;
        };
    }
}

package io.orgscan.cli;

import io.orgscan.model.AccountRef;
import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.CoverageMatrix;
import io.orgscan.model.ScanMetadata;
import io.orgscan.model.ScanResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The few lines on stdout after a scan or a render: counts, coverage, the files written, the verdict. */
final class ScanSummary {
    private ScanSummary() {
    }

    static void print(PrintStream out, ScanResult result, List<Path> written) {
        ScanMetadata meta = result.metadata();
        CoverageMatrix matrix = result.matrix();
        long compliant = matrix.count(ComplianceStatus.COMPLIANT);
        long nonCompliant = matrix.count(ComplianceStatus.NON_COMPLIANT);
        long unknown = matrix.count(ComplianceStatus.INSUFFICIENT_DATA);
        long applicable = compliant + nonCompliant + unknown;
        long active = matrix.accounts().stream().filter(a -> a.state().isActive()).count();
        out.printf("scan %s of organization %s (management account %s), policy %s%n",
                meta.scanId(), meta.organizationId(), meta.managementAccountId(), meta.policy().name().toLowerCase(Locale.ROOT));
        out.printf("accounts: %d listed, %d active; regions: %d%n", matrix.accounts().size(), active, matrix.regions().size());
        out.printf("cells: %d = %d COMPLIANT, %d NON_COMPLIANT, %d NOT_APPLICABLE, %d INSUFFICIENT_DATA%n",
                matrix.cells().size(), compliant, nonCompliant, matrix.count(ComplianceStatus.NOT_APPLICABLE), unknown);
        out.printf(Locale.ROOT, "coverage: %s of applicable cells (compliant / (compliant + non-compliant + insufficient data))%n",
                applicable == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * compliant / applicable));
        long fullyCovered = matrix.accounts().stream().filter(a -> a.state().isActive() && fullyCovered(matrix, a)).count();
        out.printf("accounts fully covered: %d of %d active%n", fullyCovered, active);
        if (!result.errors().isEmpty()) {
            out.printf("failed AWS calls: %d (each undecided cell says why)%n", result.errors().size());
        }
        out.println("wrote:");
        for (Path path : written) {
            out.println("  " + path);
        }
        out.println("result: " + verdict(ExitCodes.of(result)));
    }

    private static boolean fullyCovered(CoverageMatrix matrix, AccountRef account) {
        return matrix.cellsOf(account.id()).stream()
                .allMatch(c -> c.status() == ComplianceStatus.COMPLIANT || c.status() == ComplianceStatus.NOT_APPLICABLE)
                && matrix.cellsOf(account.id()).stream().anyMatch(c -> c.status() == ComplianceStatus.COMPLIANT);
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

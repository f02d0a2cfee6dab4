package io.orgscan.report.evidence;

import io.orgscan.model.Cell;
import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.CoverageMatrix;
import io.orgscan.model.Reason;
import io.orgscan.model.RegionOptStatus;
import io.orgscan.model.ScanResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a run proves nothing it could pass on, and why, in one line. Such a run's control result is
 * INSUFFICIENT_DATA whatever its cells roll up to (an all-NOT_APPLICABLE or all-COMPLIANT matrix would
 * otherwise read as a pass), and it exits 4, never 0: one answer for the reports and the exit code.
 */
public final class NothingChecked {
    private NothingChecked() {
    }

    /**
     * Why the run checked nothing it could pass on, or empty. Regions of the matrix that no account's
     * DescribeRegions listed although some account's answered without them (a --regions typo such as
     * us-eest-1: their cells are REGION_NOT_ENABLED with no opt-in status), first; else no applicable
     * cell at all (every cell NOT_APPLICABLE: a scope that leaves everything out,
     * --accounts X --exclude-accounts X).
     */
    public static Optional<String> why(ScanResult result) {
        CoverageMatrix matrix = result.matrix();
        Set<String> listed = new HashSet<>();
        Set<String> answeredWithout = new HashSet<>();
        boolean anyApplicable = false;
        for (Cell cell : matrix.cells()) {
            String region = cell.key().region();
            if (cell.regionOptStatus() != RegionOptStatus.UNKNOWN) {
                listed.add(region);
            } else if (cell.reason() == Reason.REGION_NOT_ENABLED) {
                answeredWithout.add(region);
            }
            anyApplicable |= cell.status() != ComplianceStatus.NOT_APPLICABLE;
        }
        List<String> unlisted = new ArrayList<>();
        for (String region : matrix.regions()) {
            if (answeredWithout.contains(region) && !listed.contains(region)) {
                unlisted.add(region);
            }
        }
        if (!unlisted.isEmpty()) {
            return Optional.of(String.join(", ", unlisted) + (unlisted.size() == 1 ? " is not a region" : " are not regions")
                    + " any account listed");
        }
        if (!anyApplicable) {
            return Optional.of("no applicable cell: the scope left no active account in an enabled region to check");
        }
        return Optional.empty();
    }
}

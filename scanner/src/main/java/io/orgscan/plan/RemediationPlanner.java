package io.orgscan.plan;

import io.orgscan.model.AccountRef;
import io.orgscan.model.Analyzer;
import io.orgscan.model.AnalyzerType;
import io.orgscan.model.Cell;
import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.CoveragePolicy;
import io.orgscan.model.Disposition;
import io.orgscan.model.ExceptionEntry;
import io.orgscan.model.Reason;
import io.orgscan.model.RegionOptStatus;
import io.orgscan.model.ScanMetadata;
import io.orgscan.model.ScanResult;
import io.orgscan.report.exceptions.ExceptionMatches;
import io.orgscan.report.table.FindingsTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Derives a {@link RemediationPlan} from a judged scan, pure: no I/O, no AWS. Only NON_COMPLIANT cells
 * are planned for; INSUFFICIENT_DATA cells are listed as not fixable (access first), and every other
 * cell is left alone.
 *
 * <p>Under the org policy (unless ACCOUNT analyzers are asked for), a region's NON_COMPLIANT cells are
 * fixed by one ORGANIZATION analyzer in the delegated administrator: it covers every ACTIVE account
 * with the region enabled, which is what the evaluator's rule reads. Otherwise each cell gets an
 * ACCOUNT analyzer of its own. Either way an external-access analyzer that exists but is not ACTIVE
 * is repaired, never duplicated.
 *
 * <p>With an exceptions register on the scan, a NON_COMPLIANT cell whose applying entry says the gap
 * is accepted ({@code RISK_ACCEPTED}) or the finding wrong ({@code FALSE_POSITIVE}) is left as it is
 * and listed as not fixable, with the entry's owner and ticket: people decided it, the plan does not
 * overrule them. {@code REMEDIATE} and {@code RETEST} entries are planned for as usual.
 */
public final class RemediationPlanner {
    static final String REGISTER_COMMAND = "aws organizations register-delegated-administrator "
            + "--service-principal access-analyzer.amazonaws.com --account-id SECURITY_ACCOUNT_ID";
    static final String TRUSTED_ACCESS_COMMAND = "aws organizations enable-aws-service-access "
            + "--service-principal access-analyzer.amazonaws.com";
    static final String STACKSETS_ACCESS_COMMAND = "aws cloudformation activate-organizations-access";

    private RemediationPlanner() {
    }

    /**
     * @param scanFileSha256   the SHA-256 of the scan file, recorded in the plan
     * @param accountAnalyzers ACCOUNT analyzers even under the org policy
     */
    public static RemediationPlan plan(ScanResult scan, String scanFileSha256, boolean accountAnalyzers) {
        ScanMetadata meta = scan.metadata();
        AnalyzerType type = meta.policy() == CoveragePolicy.ACCOUNT || accountAnalyzers
                ? AnalyzerType.ACCOUNT : AnalyzerType.ORGANIZATION;
        Builder plan = new Builder(scan, type);
        Map<String, List<Cell>> nonCompliantByRegion = new TreeMap<>();
        ExceptionMatches exceptions = ExceptionMatches.of(scan);
        for (Cell cell : scan.matrix().cells()) {
            ExceptionEntry excepted = exceptions.applying(cell.key()).filter(RemediationPlanner::keepsGapOpen).orElse(null);
            if (cell.status() == ComplianceStatus.INSUFFICIENT_DATA) {
                plan.notFixable(cell, Obstacle.INSUFFICIENT_DATA, accessFirst(cell));
            } else if (cell.status() == ComplianceStatus.NON_COMPLIANT && excepted != null) {
                plan.notFixable(cell, Obstacle.EXCEPTION, exceptionNote(excepted));
            } else if (cell.status() == ComplianceStatus.NON_COMPLIANT) {
                nonCompliantByRegion.computeIfAbsent(cell.key().region(), r -> new ArrayList<>()).add(cell);
            }
        }
        nonCompliantByRegion.forEach((region, cells) -> {
            if (type == AnalyzerType.ORGANIZATION) {
                plan.organizationRegion(region, cells);
            } else {
                cells.forEach(plan::accountCell);
            }
        });
        return plan.build(scanFileSha256);
    }

    /** The dispositions by which people keep a gap open on purpose. */
    private static boolean keepsGapOpen(ExceptionEntry entry) {
        return entry.disposition() == Disposition.RISK_ACCEPTED || entry.disposition() == Disposition.FALSE_POSITIVE;
    }

    private static String exceptionNote(ExceptionEntry entry) {
        String who = entry.owner().isEmpty() ? "" : " by " + entry.owner();
        String ticket = entry.ticket().isEmpty() ? "" : " (ticket " + entry.ticket() + ")";
        String until = entry.expires() == null ? "" : " until " + entry.expires();
        return "The exceptions register (row " + entry.row() + ") records " + entry.disposition() + who + ticket + until
                + ": not planned. Remove or change the entry to plan an analyzer here.";
    }

    private static String accessFirst(Cell cell) {
        String failure = cell.failure() == null ? "" : " (" + cell.failure().operation() + ": " + cell.failure().errorCode() + ")";
        String fix = switch (cell.reason()) {
            case ASSUME_ROLE_FAILED -> "deploy the scan role in the account, or fix its trust policy";
            case DENIED_BY_SCP -> "exempt the scan role from the service control policy that denied the call, "
                    + "or scan with --scp-denied-regions not-applicable if the region is denied on purpose";
            case ACCESS_DENIED -> "grant the scan role the call (samples/iam)";
            default -> "scan again (the call failed for a passing reason: throttling, a network fault)";
        };
        return "The scan could not read the cell" + failure + ": " + fix + ", then scan and plan again.";
    }

    /** The plan as it is being assembled; a cell is added to exactly one of its lists. */
    private static final class Builder {
        private final ScanResult scan;
        private final ScanMetadata meta;
        private final AnalyzerType type;
        private final List<PlannedAnalyzer> actions = new ArrayList<>();
        private final List<Repair> repairs = new ArrayList<>();
        private final List<NotFixable> notFixable = new ArrayList<>();
        private final Map<String, Prerequisite> prerequisites = new TreeMap<>();

        Builder(ScanResult scan, AnalyzerType type) {
            this.scan = scan;
            this.meta = scan.metadata();
            this.type = type;
        }

        /** Under the org policy: one ORGANIZATION analyzer in the delegated administrator fixes the region. */
        void organizationRegion(String region, List<Cell> cells) {
            String admin = meta.delegatedAdministratorId();
            if (admin == null) {
                boolean unknown = scan.observations() != null && scan.observations().delegatedAdministratorFailure() != null;
                if (unknown) {
                    cells.forEach(c -> notFixable(c, Obstacle.DELEGATED_ADMINISTRATOR_UNKNOWN, "The scan could not read "
                            + "the IAM Access Analyzer delegated administrator (ListDelegatedAdministrators failed): grant "
                            + "organizations:ListDelegatedAdministrators, then scan and plan again."));
                } else {
                    prerequisites.put("1-register-delegated-administrator", new Prerequisite(
                            "REGISTER_DELEGATED_ADMINISTRATOR", "No IAM Access Analyzer delegated administrator is "
                            + "registered. Register your security account (from the management account), then scan and "
                            + "plan again: the new plan places one ORGANIZATION analyzer per region there.",
                            REGISTER_COMMAND));
                    cells.forEach(c -> notFixable(c, Obstacle.NO_DELEGATED_ADMINISTRATOR, "Register a delegated "
                            + "administrator first (" + REGISTER_COMMAND + "), then scan and plan again; or plan ACCOUNT "
                            + "analyzers with --account-analyzers."));
                }
                return;
            }
            List<Repair> inactive = new ArrayList<>();
            for (String owner : List.of(admin, meta.managementAccountId())) {
                Cell ownerCell = cellOf(owner, region);
                if (ownerCell == null) {
                    continue;
                }
                for (Analyzer analyzer : ownerCell.analyzers()) {
                    if (analyzer.type() == AnalyzerType.ORGANIZATION && !analyzer.isActive()
                            && analyzer.ownerAccountId().equals(owner)) {
                        inactive.add(repair(owner, region, analyzer, findingIds(cells)));
                    }
                }
            }
            if (!inactive.isEmpty()) {
                repairs.addAll(inactive);
                return;
            }
            Cell adminCell = cellOf(admin, region);
            boolean read = adminCell != null && adminCell.status() != ComplianceStatus.INSUFFICIENT_DATA;
            if (read && adminCell.regionOptStatus().isEnabled()) {
                create(admin, region, findingIds(cells));
                prerequisites.put("2-trusted-access", new Prerequisite("TRUSTED_ACCESS", "Trusted access for IAM Access "
                        + "Analyzer must be enabled in the organization for an ORGANIZATION analyzer (it is when a "
                        + "delegated administrator was registered; enabling it again is harmless).",
                        TRUSTED_ACCESS_COMMAND));
            } else if (read && (adminCell.reason() == Reason.REGION_NOT_ENABLED
                    || adminCell.regionOptStatus() == RegionOptStatus.NOT_OPTED_IN)) {
                cells.forEach(c -> notFixable(c, Obstacle.DELEGATED_ADMINISTRATOR_REGION_NOT_ENABLED, "The delegated "
                        + "administrator " + admin + " has not enabled " + region + ", which this account uses. Either "
                        + "enable it there (aws account enable-region --account-id " + admin + " --region-name " + region
                        + ", from the management account), then scan and plan again; or give this account an ACCOUNT "
                        + "analyzer of its own (orgscan plan --account-analyzers)."));
            } else {
                cells.forEach(c -> notFixable(c, Obstacle.DELEGATED_ADMINISTRATOR_REGION_UNREAD, "The delegated "
                        + "administrator's analyzers in " + region + " were not read: fix the scan's access to account "
                        + admin + ", then scan and plan again."));
            }
        }

        /** Under the account policy (or with --account-analyzers): the cell's own ACCOUNT analyzer. */
        void accountCell(Cell cell) {
            String account = cell.key().accountId();
            String region = cell.key().region();
            List<Repair> inactive = new ArrayList<>();
            for (Analyzer analyzer : cell.analyzers()) {
                if (analyzer.type().analyzesExternalAccess() && !analyzer.isActive()
                        && analyzer.ownerAccountId().equals(account)) {
                    inactive.add(repair(account, region, analyzer, List.of(findingId(cell))));
                }
            }
            if (inactive.isEmpty()) {
                create(account, region, List.of(findingId(cell)));
            } else {
                repairs.addAll(inactive);
            }
        }

        void notFixable(Cell cell, Obstacle obstacle, String whatToDo) {
            notFixable.add(new NotFixable(findingId(cell), cell.key().accountId(), cell.key().region(), cell.reason(),
                    obstacle, whatToDo));
        }

        private void create(String account, String region, List<String> findingIds) {
            actions.add(new PlannedAnalyzer(PlannedAnalyzer.actionId(type, account, region), account, region, type,
                    RemediationPlan.analyzerName(type), findingIds));
        }

        private Repair repair(String account, String region, Analyzer analyzer, List<String> findingIds) {
            return new Repair(account, region, analyzer.name(), analyzer.type(), analyzer.status(), analyzer.statusReason(),
                    Repair.whatToDo(analyzer.status(), analyzer.statusReason(), analyzer.name(), region), findingIds);
        }

        private Cell cellOf(String account, String region) {
            for (AccountRef ref : scan.matrix().accounts()) {
                if (ref.id().equals(account)) {
                    return scan.matrix().cell(account, region);
                }
            }
            return null;
        }

        private List<String> findingIds(List<Cell> cells) {
            return cells.stream().map(this::findingId).sorted().toList();
        }

        private String findingId(Cell cell) {
            return FindingsTable.findingId(meta.partition(), cell.key().accountId(), cell.key().region());
        }

        RemediationPlan build(String scanFileSha256) {
            Map<String, SortedSet<String>> stackRegions = new TreeMap<>();
            for (PlannedAnalyzer action : actions) {
                if (!action.accountId().equals(meta.managementAccountId())) {
                    stackRegions.computeIfAbsent(action.accountId(), a -> new TreeSet<>()).add(action.region());
                }
            }
            if (!actions.isEmpty()) {
                prerequisites.put("3-stacksets", new Prerequisite("STACKSETS_TRUSTED_ACCESS", "To deploy with the "
                        + "StackSet commands: trusted access for CloudFormation StackSets in the organization (once; "
                        + "not needed for orgscan remediate --apply).", STACKSETS_ACCESS_COMMAND));
            }
            List<NotFixable> sortedNotFixable = new ArrayList<>(notFixable);
            sortedNotFixable.sort(java.util.Comparator.comparing(NotFixable::accountId).thenComparing(NotFixable::region));
            List<Repair> sortedRepairs = new ArrayList<>(repairs);
            sortedRepairs.sort(java.util.Comparator.comparing(Repair::accountId).thenComparing(Repair::region)
                    .thenComparing(Repair::analyzerName));
            List<PlannedAnalyzer> sortedActions = new ArrayList<>(actions);
            sortedActions.sort(java.util.Comparator.comparing(PlannedAnalyzer::accountId)
                    .thenComparing(PlannedAnalyzer::region));
            return new RemediationPlan(RemediationPlan.VERSION, meta.scanId(), scanFileSha256, meta.policy(), type,
                    meta.partition(), meta.organizationId(), meta.managementAccountId(), meta.delegatedAdministratorId(),
                    List.copyOf(prerequisites.values()), sortedActions, StackInstanceGroup.of(stackRegions),
                    sortedRepairs, sortedNotFixable,
                    scan.exceptions() == null ? null : scan.exceptions().sha256());
        }
    }
}

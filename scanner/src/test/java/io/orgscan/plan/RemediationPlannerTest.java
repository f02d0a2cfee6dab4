package io.orgscan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.model.AccountRef;
import io.orgscan.model.AccountState;
import io.orgscan.model.Analyzer;
import io.orgscan.model.AnalyzerStatus;
import io.orgscan.model.AnalyzerType;
import io.orgscan.model.Cell;
import io.orgscan.model.CellKey;
import io.orgscan.model.CoverageMatrix;
import io.orgscan.model.CoveragePolicy;
import io.orgscan.model.Disposition;
import io.orgscan.model.ExceptionEntry;
import io.orgscan.model.ExceptionRegister;
import io.orgscan.model.Failure;
import io.orgscan.model.Reason;
import io.orgscan.model.RegionOptStatus;
import io.orgscan.model.ScanMetadata;
import io.orgscan.model.ScanResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The planner, pure: a hand-made judged matrix in, a plan out. */
class RemediationPlannerTest {
    static final String MGMT = "111111111111";
    static final String ADMIN = "222222222222";
    static final String A = "333333333333";
    static final String B = "444444444444";
    static final String C = "555555555555";
    static final String R1 = "eu-west-1";
    static final String R2 = "us-east-1";
    static final String R3 = "af-south-1";
    static final String SHA = "0".repeat(64);

    /** A matrix builder: every cell starts COMPLIANT by an ACTIVE account analyzer, regions enabled. */
    static final class Scan {
        final Map<CellKey, Cell> cells = new LinkedHashMap<>();
        String admin = ADMIN;
        CoveragePolicy policy = CoveragePolicy.ORG;

        Scan() {
            for (String account : List.of(MGMT, ADMIN, A, B, C)) {
                for (String region : List.of(R1, R2, R3)) {
                    Analyzer own = analyzer(account, region, "own", AnalyzerType.ACCOUNT, AnalyzerStatus.ACTIVE, null);
                    put(new Cell(new CellKey(account, region), RegionOptStatus.OPT_IN_NOT_REQUIRED,
                            Reason.ACTIVE_ACCOUNT_ANALYZER, "", List.of(own), own.arn(), null));
                }
            }
        }

        void put(Cell cell) {
            cells.put(cell.key(), cell);
        }

        Scan missing(String account, String region, Analyzer... own) {
            put(new Cell(new CellKey(account, region), RegionOptStatus.OPT_IN_NOT_REQUIRED,
                    own.length == 0 ? Reason.NO_EXTERNAL_ACCESS_ANALYZER : Reason.ANALYZER_NOT_ACTIVE, "",
                    List.of(own), null, null));
            return this;
        }

        Scan notEnabled(String account, String region) {
            put(new Cell(new CellKey(account, region), RegionOptStatus.NOT_OPTED_IN, Reason.REGION_NOT_ENABLED, "",
                    List.of(), null, null));
            return this;
        }

        Scan undecided(String account, String region) {
            put(new Cell(new CellKey(account, region), RegionOptStatus.UNKNOWN, Reason.ASSUME_ROLE_FAILED, "",
                    List.of(), null, new Failure("AssumeRole", "AccessDenied", "not authorized", 1)));
            return this;
        }

        ScanResult result() {
            List<AccountRef> accounts = new ArrayList<>();
            for (String id : List.of(MGMT, ADMIN, A, B, C)) {
                accounts.add(new AccountRef(id, "name " + id, "", AccountState.ACTIVE, "Root", id.equals(MGMT),
                        id.equals(admin)));
            }
            ScanMetadata meta = new ScanMetadata("scan-1", Instant.EPOCH, Instant.EPOCH, "arn:aws:iam::" + ADMIN + ":user/x",
                    ADMIN, "o-abcdefghij", MGMT, admin, "aws", policy, "orgscan", "test", List.of());
            return new ScanResult(meta, new CoverageMatrix(accounts, List.of(R1, R2, R3), List.copyOf(cells.values())),
                    List.of());
        }

        RemediationPlan plan(boolean accountAnalyzers) {
            return RemediationPlanner.plan(result(), SHA, accountAnalyzers);
        }
    }

    static Analyzer analyzer(String account, String region, String name, AnalyzerType type, AnalyzerStatus status,
                             String reason) {
        return new Analyzer("arn:aws:access-analyzer:" + region + ":" + account + ":analyzer/" + name, name, type, status,
                reason);
    }

    static String finding(String account, String region) {
        return "iam-aa-coverage:aws:" + account + ":" + region;
    }

    @Test
    void orgPolicyPlacesOneOrganizationAnalyzerPerRegionInTheDelegatedAdministrator() {
        RemediationPlan plan = new Scan().missing(A, R1).missing(B, R1).missing(ADMIN, R1).missing(C, R2).plan(false);

        assertThat(plan.analyzerType()).isEqualTo(AnalyzerType.ORGANIZATION);
        assertThat(plan.actions()).extracting(PlannedAnalyzer::actionId)
                .containsExactly("create-organization-" + ADMIN + "-" + R1, "create-organization-" + ADMIN + "-" + R2);
        assertThat(plan.actions().get(0).findingIds())
                .containsExactly(finding(ADMIN, R1), finding(A, R1), finding(B, R1));
        assertThat(plan.actions().get(1).findingIds()).containsExactly(finding(C, R2));
        assertThat(plan.actions()).allSatisfy(a -> {
            assertThat(a.accountId()).isEqualTo(ADMIN);
            assertThat(a.name()).isEqualTo(RemediationPlan.ORGANIZATION_ANALYZER_NAME);
        });
        assertThat(plan.stackInstanceGroups()).containsExactly(new StackInstanceGroup(List.of(ADMIN), List.of(R1, R2)));
        assertThat(plan.repairs()).isEmpty();
        assertThat(plan.notFixable()).isEmpty();
        assertThat(plan.prerequisites()).extracting(Prerequisite::id).contains("TRUSTED_ACCESS");
    }

    @Test
    void cellsPeopleAcceptedOrCalledWrongAreNotPlannedAndSaySoWhileOtherDispositionsAreAndExpiredEntriesDoNotCount() {
        ScanResult scan = new Scan().missing(A, R1).missing(B, R1).missing(C, R2).missing(C, R3).result();
        List<ExceptionEntry> entries = List.of(
                new ExceptionEntry(2, finding(A, R1), null, null, Disposition.RISK_ACCEPTED, "sandbox team", "CISO",
                        "closing in Q1", "SEC-1", LocalDate.of(2030, 1, 1)),
                new ExceptionEntry(3, null, C, "*", Disposition.FALSE_POSITIVE, "", "", "", "", null),
                new ExceptionEntry(4, finding(B, R1), null, null, Disposition.RISK_ACCEPTED, "", "", "", "",
                        LocalDate.of(1969, 12, 31)),
                new ExceptionEntry(5, null, "*", R2, Disposition.REMEDIATE, "", "", "", "SEC-2", null));
        String registerSha = "a".repeat(64);
        RemediationPlan plan = RemediationPlanner.plan(
                scan.withExceptions(new ExceptionRegister("register.csv", registerSha, entries)), SHA, true);

        // B's entry expired the day before the scan: planned. C's are FALSE_POSITIVE: not planned, also
        // in R2, where a REMEDIATE entry is less specific than C's account-wide one.
        assertThat(plan.actions()).extracting(PlannedAnalyzer::accountId, PlannedAnalyzer::region)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(B, R1));
        assertThat(plan.notFixable()).extracting(NotFixable::findingId, NotFixable::obstacle).containsExactly(
                org.assertj.core.groups.Tuple.tuple(finding(A, R1), Obstacle.EXCEPTION),
                org.assertj.core.groups.Tuple.tuple(finding(C, R3), Obstacle.EXCEPTION),
                org.assertj.core.groups.Tuple.tuple(finding(C, R2), Obstacle.EXCEPTION));
        assertThat(plan.notFixable().get(0).whatToDo())
                .contains("row 2", "RISK_ACCEPTED", "sandbox team", "SEC-1", "2030-01-01");
        assertThat(plan.exceptionRegisterSha256()).isEqualTo(registerSha);
        assertThat(new Scan().missing(A, R1).plan(true).exceptionRegisterSha256()).isNull();
    }

    @Test
    void aDisabledOrganizationAnalyzerIsRepairedNotDuplicated() {
        Analyzer disabled = analyzer(ADMIN, R1, "org", AnalyzerType.ORGANIZATION, AnalyzerStatus.DISABLED,
                "AWS_SERVICE_ACCESS_DISABLED");
        RemediationPlan plan = new Scan().missing(ADMIN, R1, disabled).missing(A, R1).plan(false);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.repairs()).singleElement().satisfies(r -> {
            assertThat(r.analyzerName()).isEqualTo("org");
            assertThat(r.status()).isEqualTo(AnalyzerStatus.DISABLED);
            assertThat(r.statusReason()).isEqualTo("AWS_SERVICE_ACCESS_DISABLED");
            assertThat(r.whatToDo()).contains("enable-aws-service-access --service-principal access-analyzer.amazonaws.com");
            assertThat(r.findingIds()).containsExactly(finding(ADMIN, R1), finding(A, R1));
        });
    }

    @Test
    void aCreatingOrFailedAnalyzerGetsItsOwnLine() {
        Analyzer creating = analyzer(MGMT, R1, "org", AnalyzerType.ORGANIZATION, AnalyzerStatus.CREATING, null);
        Analyzer failed = analyzer(A, R2, "mine", AnalyzerType.ACCOUNT, AnalyzerStatus.FAILED,
                "SERVICE_LINKED_ROLE_CREATION_FAILED");
        Scan scan = new Scan().missing(MGMT, R1, creating).missing(A, R2, failed).missing(B, R2);
        scan.policy = CoveragePolicy.ACCOUNT;
        RemediationPlan plan = scan.plan(false);

        assertThat(plan.repairs()).extracting(Repair::analyzerName).containsExactly("org", "mine");
        assertThat(plan.repairs().get(0).whatToDo()).startsWith("It is being created: wait");
        assertThat(plan.repairs().get(1).whatToDo()).contains("create-service-linked-role");
        assertThat(plan.actions()).extracting(PlannedAnalyzer::actionId).containsExactly("create-account-" + B + "-" + R2);
    }

    @Test
    void aRegionTheDelegatedAdministratorHasNotEnabledGetsBothWaysOut() {
        RemediationPlan plan = new Scan().notEnabled(ADMIN, R3).missing(A, R3).plan(false);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.notFixable()).singleElement().satisfies(n -> {
            assertThat(n.obstacle()).isEqualTo(Obstacle.DELEGATED_ADMINISTRATOR_REGION_NOT_ENABLED);
            assertThat(n.findingId()).isEqualTo(finding(A, R3));
            assertThat(n.whatToDo()).contains("aws account enable-region --account-id " + ADMIN + " --region-name " + R3)
                    .contains("--account-analyzers");
        });
    }

    @Test
    void withoutADelegatedAdministratorTheRegistrationComesFirst() {
        Scan scan = new Scan().missing(A, R1);
        scan.admin = null;
        RemediationPlan plan = scan.plan(false);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.prerequisites()).first().satisfies(p -> {
            assertThat(p.id()).isEqualTo("REGISTER_DELEGATED_ADMINISTRATOR");
            assertThat(p.command()).startsWith("aws organizations register-delegated-administrator "
                    + "--service-principal access-analyzer.amazonaws.com");
        });
        assertThat(plan.notFixable()).extracting(NotFixable::obstacle).containsExactly(Obstacle.NO_DELEGATED_ADMINISTRATOR);
    }

    @Test
    void undecidedCellsAreNotFixableAndAccessComesFirst() {
        RemediationPlan plan = new Scan().undecided(B, R2).missing(A, R1).plan(false);

        assertThat(plan.notFixable()).singleElement().satisfies(n -> {
            assertThat(n.obstacle()).isEqualTo(Obstacle.INSUFFICIENT_DATA);
            assertThat(n.reason()).isEqualTo(Reason.ASSUME_ROLE_FAILED);
            assertThat(n.whatToDo()).contains("AssumeRole: AccessDenied").contains("deploy the scan role");
        });
        assertThat(plan.actions()).flatExtracting(PlannedAnalyzer::findingIds).doesNotContain(finding(B, R2));
    }

    @Test
    void accountPolicyGivesEachFailingCellItsOwnAccountAnalyzerGroupedByRegionSet() {
        Scan scan = new Scan().missing(A, R1).missing(A, R2).missing(B, R1).missing(B, R2).missing(C, R1)
                .missing(MGMT, R3);
        scan.policy = CoveragePolicy.ACCOUNT;
        RemediationPlan plan = scan.plan(false);

        assertThat(plan.analyzerType()).isEqualTo(AnalyzerType.ACCOUNT);
        assertThat(plan.actions()).extracting(a -> a.accountId() + "/" + a.region()).containsExactly(
                MGMT + "/" + R3, A + "/" + R1, A + "/" + R2, B + "/" + R1, B + "/" + R2, C + "/" + R1);
        assertThat(plan.actions()).allSatisfy(a -> assertThat(a.findingIds()).containsExactly(finding(a.accountId(), a.region())));
        // The management account is never a StackSet target; A and B share a region set, C has its own.
        assertThat(plan.stackInstanceGroups()).containsExactly(
                new StackInstanceGroup(List.of(A, B), List.of(R1, R2)), new StackInstanceGroup(List.of(C), List.of(R1)));
        assertThat(DeployCommands.managementAccountStacks(plan)).singleElement().asString()
                .contains("create-stack ").contains("--region " + R3);
    }

    @Test
    void accountAnalyzersOptionOverridesTheOrgPolicy() {
        RemediationPlan plan = new Scan().missing(A, R1).missing(B, R2).plan(true);

        assertThat(plan.policy()).isEqualTo(CoveragePolicy.ORG);
        assertThat(plan.analyzerType()).isEqualTo(AnalyzerType.ACCOUNT);
        assertThat(plan.actions()).extracting(PlannedAnalyzer::accountId).containsExactly(A, B);
        assertThat(plan.actions()).extracting(PlannedAnalyzer::type).containsOnly(AnalyzerType.ACCOUNT);
    }

    @Test
    void aCompliantOrganizationIsPlannedNothing() {
        RemediationPlan plan = new Scan().plan(false);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.repairs()).isEmpty();
        assertThat(plan.notFixable()).isEmpty();
        assertThat(plan.stackInstanceGroups()).isEmpty();
    }

    @Test
    void planJsonReadsBackEqual() throws Exception {
        Analyzer disabled = analyzer(ADMIN, R1, "org", AnalyzerType.ORGANIZATION, AnalyzerStatus.DISABLED, null);
        RemediationPlan plan = new Scan().missing(ADMIN, R1, disabled).missing(A, R2).notEnabled(ADMIN, R3).missing(B, R3)
                .undecided(C, R2).plan(false);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("plan", ".json");
        try {
            java.nio.file.Files.write(file, PlanJson.bytes(plan));
            assertThat(PlanJson.read(file)).isEqualTo(plan);
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void planMarkdownKeepsHostileAccountNamesInert() {
        RemediationPlan plan = new Scan().missing(A, R1).plan(true);
        String md = PlanMarkdown.render(plan, Map.of(A, "x | y [click](http://evil) <b>`z`"));
        String row = md.lines().filter(l -> l.startsWith("| create-account-")).findFirst().orElseThrow();
        // Seven columns whatever the name: every pipe of the name is escaped, and no link or tag survives.
        assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(8);
        assertThat(row).contains("x \\| y \\[click\\](http://evil) \\<b\\>\\`z\\`");
    }
}

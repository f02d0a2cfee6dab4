package io.orgscan.report.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.model.AccountRef;
import io.orgscan.model.AccountState;
import io.orgscan.model.Cell;
import io.orgscan.model.CellKey;
import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.CoverageMatrix;
import io.orgscan.model.Failure;
import io.orgscan.model.Reason;
import io.orgscan.model.RegionOptStatus;
import io.orgscan.model.ScanResult;
import io.orgscan.report.testkit.ScanFixture;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CoverageCountsTest {
    @Test
    void coverageLeavesNotApplicableOutAndCountsUndecidedAgainst() {
        assertThat(CoverageCounts.coverage(1, 1, 1)).contains(new BigDecimal("33.33"));
        assertThat(CoverageCounts.coverage(2, 1, 0)).contains(new BigDecimal("66.67"));
        assertThat(CoverageCounts.coverage(5, 0, 0)).contains(new BigDecimal("100.00"));
        assertThat(CoverageCounts.coverage(0, 0, 0)).isEmpty();
        assertThat(CoverageCounts.coverageText(Optional.empty())).isEmpty();
    }

    @Test
    void theRichScanCountsByScopeStatusOuAndRegion() {
        CoverageCounts counts = CoverageCounts.of(ScanFixture.rich());
        assertThat(counts.accountsListed()).isEqualTo(3);
        assertThat(counts.accountsEvaluated()).isEqualTo(2);
        assertThat(counts.accountsNotActive()).isEqualTo(1);
        assertThat(counts.accountsExcluded()).isZero();
        assertThat(counts.accountsFullyCovered()).isEqualTo(1);
        assertThat(counts.rows()).isEqualTo(9);
        assertThat(counts.rows(ComplianceStatus.NOT_APPLICABLE)).isEqualTo(5);
        assertThat(counts.controlResult()).isEqualTo(ComplianceStatus.NON_COMPLIANT);
        assertThat(counts.scanComplete()).isFalse();
        assertThat(counts.byOu()).extracting(CoverageCounts.Tally::key)
                .containsExactly("Root", "Root/Security, \"core\"", "Root/Suspended");
        assertThat(counts.byRegion()).extracting(CoverageCounts.Tally::key)
                .containsExactly("ap-southeast-7", "eu-central-1", "us-east-1");
        assertThat(counts.accounts()).extracting(CoverageCounts.AccountSummary::scope).containsExactly(
                CoverageCounts.Scope.IN_SCOPE, CoverageCounts.Scope.IN_SCOPE, CoverageCounts.Scope.ACCOUNT_NOT_ACTIVE);
    }

    @Test
    void anAccountLeftOutIsExcludedAndTheAccountsStillReconcile() {
        ScanResult result = ScanFixture.builder().regions("us-east-1", "eu-west-1")
                .account("000000000010", "In").account("000000000011", "Out")
                .cell("000000000010", "us-east-1", Reason.ACTIVE_ACCOUNT_ANALYZER)
                .cell("000000000010", "eu-west-1", Reason.ACTIVE_ACCOUNT_ANALYZER)
                .cell("000000000011", "us-east-1", Reason.EXCLUDED)
                .cell("000000000011", "eu-west-1", Reason.EXCLUDED).build();
        CoverageCounts counts = CoverageCounts.of(result);
        assertThat(counts.accountsExcluded()).isEqualTo(1);
        assertThat(counts.accountsEvaluated()).isEqualTo(1);
        assertThat(counts.controlResult()).isEqualTo(ComplianceStatus.COMPLIANT);
        assertThat(counts.scanComplete()).isTrue();
        assertThat(Reconciliation.of(RenderInput.of(result), Map.of()).passed()).isTrue();
    }

    @Test
    void nothingApplicableIsInsufficientDataNeverAPass() {
        ScanResult result = ScanFixture.builder().regions("us-east-1").account("000000000010", "A")
                .cell("000000000010", "us-east-1", Reason.REGION_NOT_ENABLED).build();
        CoverageCounts counts = CoverageCounts.of(result);
        assertThat(counts.cells().result()).isEqualTo(ComplianceStatus.NOT_APPLICABLE);
        assertThat(counts.controlResult()).isEqualTo(ComplianceStatus.INSUFFICIENT_DATA);
        assertThat(counts.controlResultReason()).hasValueSatisfying(why -> assertThat(why).startsWith("no applicable cell"));
        assertThat(counts.scanComplete()).isFalse();
        assertThat(counts.coverage()).isEmpty();
    }

    @Test
    void aRegionNoAccountListedMakesACompliantRunInsufficientData() {
        // us-eest-1: every account's DescribeRegions answered without it (no opt-in status), the cells REGION_NOT_ENABLED.
        CellKey typo = new CellKey("000000000010", "us-eest-1");
        ScanResult base = ScanFixture.builder().regions("us-east-1", "us-eest-1").account("000000000010", "A")
                .cell("000000000010", "us-east-1", Reason.ACTIVE_ACCOUNT_ANALYZER).build();
        List<Cell> cells = base.matrix().cells().stream().map(c -> !c.key().equals(typo) ? c
                : new Cell(typo, RegionOptStatus.UNKNOWN, Reason.REGION_NOT_ENABLED, null, List.of(), null, null)).toList();
        ScanResult result = new ScanResult(base.metadata(),
                new CoverageMatrix(base.matrix().accounts(), base.matrix().regions(), cells), List.of());

        CoverageCounts counts = CoverageCounts.of(result);

        assertThat(counts.cells().result()).isEqualTo(ComplianceStatus.COMPLIANT);
        assertThat(counts.controlResult()).isEqualTo(ComplianceStatus.INSUFFICIENT_DATA);
        assertThat(counts.controlResultReason()).contains("us-eest-1 is not a region any account listed");
        assertThat(counts.scanComplete()).isFalse();
    }

    @Test
    void aRunThatCheckedSomethingHasNoReason() {
        assertThat(CoverageCounts.of(ScanFixture.rich()).controlResultReason()).isEmpty();
    }

    @Test
    void anUndecidedRowWithoutAnErrorRowAndAnInconsistentAccountFailTheReconciliation() {
        // A suspended account with an evaluated cell, and an undecided cell whose failure is nowhere in errors.
        AccountRef suspended = new AccountRef("000000000020", "S", "", AccountState.SUSPENDED, "Root", false, false);
        CellKey key = new CellKey("000000000020", "us-east-1");
        Cell undecided = new Cell(key, RegionOptStatus.OPT_IN_NOT_REQUIRED, Reason.API_ERROR, null, List.of(), null,
                new Failure("ListAnalyzers", "NotRead", "not read", 0));
        ScanResult base = ScanFixture.builder().regions("us-east-1").build();
        ScanResult result = new ScanResult(base.metadata(),
                new CoverageMatrix(List.of(suspended), List.of("us-east-1"), List.of(undecided)), List.of());

        Reconciliation reconciliation = Reconciliation.of(RenderInput.of(result), Map.of());

        assertThat(reconciliation.passed()).isFalse();
        assertThat(reconciliation.result()).isEqualTo("FAIL");
        assertThat(reconciliation.checks()).filteredOn(c -> !c.passed()).extracting(Reconciliation.Check::id)
                .containsExactly("accounts", "errors");
        Reconciliation.Check accounts = reconciliation.checks().get(0);
        assertThat(accounts.expected()).isEqualTo(1);
        assertThat(accounts.actual()).isEqualTo(2);
        assertThat(accounts.difference()).isEqualTo(1);
    }

    @Test
    void aSheetThatDoesNotHoldItsCsvsRowsFails() {
        RenderInput input = RenderInput.of(ScanFixture.rich())
                .withFiles(List.of(new WrittenFile("findings.csv", 10, 9L, "0".repeat(64))));
        Reconciliation reconciliation = Reconciliation.of(input, Map.of("Findings", 8L));
        assertThat(reconciliation.checks()).filteredOn(c -> !c.passed()).extracting(Reconciliation.Check::id)
                .containsExactly("sheet:Findings");
    }
}

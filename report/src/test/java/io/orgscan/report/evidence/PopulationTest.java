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

class PopulationTest {
    @Test
    void coverageLeavesNotApplicableOutAndCountsUndecidedAgainst() {
        assertThat(Population.coverage(1, 1, 1)).contains(new BigDecimal("33.33"));
        assertThat(Population.coverage(2, 1, 0)).contains(new BigDecimal("66.67"));
        assertThat(Population.coverage(5, 0, 0)).contains(new BigDecimal("100.00"));
        assertThat(Population.coverage(0, 0, 0)).isEmpty();
        assertThat(Population.coverageText(Optional.empty())).isEmpty();
    }

    @Test
    void theRichScanCountsByScopeStatusOuAndRegion() {
        Population population = Population.of(ScanFixture.rich());
        assertThat(population.accountsListed()).isEqualTo(3);
        assertThat(population.accountsEvaluated()).isEqualTo(2);
        assertThat(population.accountsNotActive()).isEqualTo(1);
        assertThat(population.accountsExcluded()).isZero();
        assertThat(population.accountsFullyCovered()).isEqualTo(1);
        assertThat(population.rows()).isEqualTo(9);
        assertThat(population.rows(ComplianceStatus.NOT_APPLICABLE)).isEqualTo(5);
        assertThat(population.controlResult()).isEqualTo(ComplianceStatus.NON_COMPLIANT);
        assertThat(population.scanComplete()).isFalse();
        assertThat(population.byOu()).extracting(Population.Tally::key)
                .containsExactly("Root", "Root/Security, \"core\"", "Root/Suspended");
        assertThat(population.byRegion()).extracting(Population.Tally::key)
                .containsExactly("ap-southeast-7", "eu-central-1", "us-east-1");
        assertThat(population.accounts()).extracting(Population.AccountSummary::scope).containsExactly(
                Population.Scope.IN_SCOPE, Population.Scope.IN_SCOPE, Population.Scope.ACCOUNT_NOT_ACTIVE);
    }

    @Test
    void anAccountLeftOutIsExcludedAndTheAccountsStillReconcile() {
        ScanResult result = ScanFixture.builder().regions("us-east-1", "eu-west-1")
                .account("000000000010", "In").account("000000000011", "Out")
                .cell("000000000010", "us-east-1", Reason.ACTIVE_ACCOUNT_ANALYZER)
                .cell("000000000010", "eu-west-1", Reason.ACTIVE_ACCOUNT_ANALYZER)
                .cell("000000000011", "us-east-1", Reason.EXCLUDED)
                .cell("000000000011", "eu-west-1", Reason.EXCLUDED).build();
        Population population = Population.of(result);
        assertThat(population.accountsExcluded()).isEqualTo(1);
        assertThat(population.accountsEvaluated()).isEqualTo(1);
        assertThat(population.controlResult()).isEqualTo(ComplianceStatus.COMPLIANT);
        assertThat(population.scanComplete()).isTrue();
        assertThat(Reconciliation.of(Evidence.of(result), Map.of()).passed()).isTrue();
    }

    @Test
    void nothingApplicableIsNotApplicable() {
        ScanResult result = ScanFixture.builder().regions("us-east-1").account("000000000010", "A")
                .cell("000000000010", "us-east-1", Reason.REGION_NOT_ENABLED).build();
        assertThat(Population.of(result).controlResult()).isEqualTo(ComplianceStatus.NOT_APPLICABLE);
        assertThat(Population.of(result).coverage()).isEmpty();
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

        Reconciliation reconciliation = Reconciliation.of(Evidence.of(result), Map.of());

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
        Evidence evidence = Evidence.of(ScanFixture.rich())
                .withFiles(List.of(new WrittenFile("findings.csv", 10, 9L, "0".repeat(64))));
        Reconciliation reconciliation = Reconciliation.of(evidence, Map.of("Findings", 8L));
        assertThat(reconciliation.checks()).filteredOn(c -> !c.passed()).extracting(Reconciliation.Check::id)
                .containsExactly("sheet:Findings");
    }
}

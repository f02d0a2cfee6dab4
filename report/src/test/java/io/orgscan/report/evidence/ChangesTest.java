package io.orgscan.report.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orgscan.model.AccountRef;
import io.orgscan.model.AccountState;
import io.orgscan.model.CellKey;
import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.CoverageMatrix;
import io.orgscan.model.Reason;
import io.orgscan.model.ScanMetadata;
import io.orgscan.model.ScanResult;
import io.orgscan.report.folder.OutputFormat;
import io.orgscan.report.folder.RenderOptions;
import io.orgscan.report.folder.ReportRenderer;
import io.orgscan.report.table.FindingsTable;
import io.orgscan.report.testkit.CsvReader;
import io.orgscan.report.testkit.FileHash;
import io.orgscan.report.testkit.ScanFixture;
import io.orgscan.report.testkit.WorkbookReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code orgscan report --previous}: what changed since an earlier scan, finding by finding. */
class ChangesTest {
    static final String KEPT = "000000000040";
    static final String GONE = "000000000041";
    static final String ADDED = "000000000042";

    @TempDir
    Path dir;

    /** Q2: KEPT NON_COMPLIANT in us-east-1 and eu-west-1, COMPLIANT in ap-south-1; GONE listed. */
    static ScanResult previous() {
        return ScanFixture.builder().scanId("q2").regions("us-east-1", "eu-west-1", "ap-south-1")
                .account(KEPT, "Kept").account(GONE, "Gone")
                .cell(KEPT, "us-east-1", Reason.NO_EXTERNAL_ACCESS_ANALYZER)
                .cell(KEPT, "eu-west-1", Reason.NO_EXTERNAL_ACCESS_ANALYZER)
                .cell(KEPT, "ap-south-1", Reason.ACTIVE_ACCOUNT_ANALYZER)
                .build();
    }

    /** Q3, a quarter later: us-east-1 fixed, eu-west-1 still open, ap-south-1 broke; GONE closed, ADDED new. */
    static ScanResult current() {
        ScanResult scan = ScanFixture.builder().regions("us-east-1", "eu-west-1", "ap-south-1")
                .account(KEPT, "Kept").account(ADDED, "Added")
                .cell(KEPT, "us-east-1", Reason.ACTIVE_ACCOUNT_ANALYZER)
                .cell(KEPT, "eu-west-1", Reason.NO_EXTERNAL_ACCESS_ANALYZER)
                .cell(KEPT, "ap-south-1", Reason.ANALYZER_NOT_ACTIVE)
                .build();
        ScanMetadata m = scan.metadata();
        ScanMetadata later = new ScanMetadata(m.scanId(), m.startedAt().plus(Duration.ofDays(91)),
                m.finishedAt().plus(Duration.ofDays(91)), m.callerArn(), m.callerAccountId(), m.organizationId(),
                m.managementAccountId(), m.delegatedAdministratorId(), m.partition(), m.policy(), m.toolName(),
                m.toolVersion(), m.parameters());
        return new ScanResult(later, scan.matrix(), scan.errors());
    }

    PreviousScan previousFile() throws Exception {
        Path file = dir.resolve("q2-scan.json");
        ScanFixture.write(previous(), file);
        return PreviousScan.read(file);
    }

    @Test
    void countsNewlyNonCompliantResolvedAndAccountsThatCameAndWent() throws Exception {
        Changes changes = Changes.between(previousFile(), current());
        assertThat(changes.newlyNonCompliant()).as("ap-south-1 broke; ADDED's three rows are new").isEqualTo(4);
        assertThat(changes.resolved()).isEqualTo(1);
        assertThat(changes.stillNonCompliant()).isEqualTo(1);
        assertThat(changes.changedRows()).isEqualTo(5);
        assertThat(changes.newAccounts()).extracting(AccountRef::id).containsExactly(ADDED);
        assertThat(changes.removedAccounts()).extracting(AccountRef::id).containsExactly(GONE);
        assertThat(changes.previousStatus(new CellKey(KEPT, "us-east-1"))).contains(ComplianceStatus.NON_COMPLIANT);
        assertThat(changes.previousStatus(new CellKey(ADDED, "us-east-1"))).isEmpty();
        assertThat(changes.previous().sha256()).isEqualTo(FileHash.sha256(dir.resolve("q2-scan.json")));
        assertThat(changes.previous().fileName()).isEqualTo("q2-scan.json");
    }

    @Test
    void findingsGainTwoAppendedColumnsAndTheSummaryAChangesTable() throws Exception {
        Path out = dir.resolve("q3");
        ReportRenderer.render(current(), out, EnumSet.allOf(OutputFormat.class), new RenderOptions(previousFile(), "9.9"));

        List<String> header = CsvReader.header(Files.readAllBytes(out.resolve("findings.csv")));
        assertThat(header).hasSize(20);
        assertThat(header.subList(0, 18)).containsExactlyElementsOf(FindingsTable.of(current()).header());
        assertThat(header.subList(18, 20)).containsExactly("previous_status", "status_changed");
        List<CSVRecord> rows = CsvReader.parse(Files.readAllBytes(out.resolve("findings.csv")));
        assertThat(rows).extracting(r -> r.get("account_id") + " " + r.get("region") + " " + r.get("previous_status")
                + " " + r.get("status_changed")).containsExactly(
                KEPT + " ap-south-1 COMPLIANT true", KEPT + " eu-west-1 NON_COMPLIANT false",
                KEPT + " us-east-1 NON_COMPLIANT true", ADDED + " ap-south-1  true", ADDED + " eu-west-1  true",
                ADDED + " us-east-1  true");

        var sheets = WorkbookReader.contents(Files.readAllBytes(out.resolve("coverage.xlsx")));
        assertThat(sheets.get("Findings").get(0)).containsExactlyElementsOf(header);
        assertThat(sheets.get("Summary")).contains(List.of("Changes since last run"),
                List.of("Newly non-compliant (NON_COMPLIANT now, not before)", "4"),
                List.of("Resolved (NON_COMPLIANT before, COMPLIANT now)", "1"), List.of("Still non-compliant", "1"),
                List.of("New accounts", "1"), List.of("Removed accounts", "1"),
                List.of("NEW", ADDED, "Added", "Root/Workloads"), List.of("REMOVED", GONE, "Gone", "Root/Workloads"));
        assertThat(sheets.get("Exceptions").get(0)).contains("previous_status");
        assertThat(sheets.get("Parameters")).anySatisfy(row -> assertThat(row.get(0) + " " + row.get(1))
                .startsWith("--previous q2-scan.json (scan q2, SHA-256 "));

        JsonNode manifest = new ObjectMapper().readTree(out.resolve("run_manifest.json").toFile());
        assertThat(manifest.at("/previous_scan/scan_id").asText()).isEqualTo("q2");
        assertThat(manifest.at("/previous_scan/file").asText()).isEqualTo("q2-scan.json");
        assertThat(manifest.at("/tool/rendered_by_version").asText()).isEqualTo("9.9");
    }

    @Test
    void withoutAPreviousScanFindingsKeepExactlyTheirEighteenColumns() throws Exception {
        Path out = dir.resolve("run");
        ReportRenderer.render(current(), out, EnumSet.of(OutputFormat.CSV));
        assertThat(CsvReader.header(Files.readAllBytes(out.resolve("findings.csv")))).hasSize(18);
    }

    @Test
    void refusesAScanOfAnotherOrganizationOrANewerOne() throws Exception {
        PreviousScan earlier = previousFile();
        ScanResult other = current();
        ScanMetadata m = other.metadata();
        ScanResult otherOrg = new ScanResult(new ScanMetadata(m.scanId(), m.startedAt(), m.finishedAt(), m.callerArn(),
                m.callerAccountId(), "o-other00000", m.managementAccountId(), m.delegatedAdministratorId(), m.partition(),
                m.policy(), m.toolName(), m.toolVersion(), m.parameters()), other.matrix(), other.errors());
        assertThatThrownBy(() -> Changes.between(earlier, otherOrg)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the previous scan is of organization o-abc123def4 (aws), this scan is of o-other00000 (aws)");
        assertThatThrownBy(() -> Changes.between(earlier, previous())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("did not start before this scan");
        ScanResult single = new ScanResult(other.metadata(), new CoverageMatrix(List.of(new AccountRef(KEPT, "K", "",
                AccountState.ACTIVE, "Root", false, false)), List.of(), List.of()), List.of());
        assertThat(Changes.between(earlier, single).removedAccounts()).hasSize(1);
    }
}

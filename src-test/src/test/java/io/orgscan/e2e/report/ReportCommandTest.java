package io.orgscan.e2e.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.e2e.OrgscanInProcess;
import io.orgscan.model.Cell;
import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.CoverageMatrix;
import io.orgscan.model.Reason;
import io.orgscan.model.ScanMetadata;
import io.orgscan.model.ScanResult;
import io.orgscan.report.json.ScanJson;
import io.orgscan.report.testkit.ScanFixture;
import io.orgscan.report.testkit.WorkbookReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code orgscan report SCAN.json --previous OLD_SCAN.json}, through the command line. */
class ReportCommandTest {
    @TempDir
    Path dir;

    /** The demo scan as it might have been a quarter earlier: every NON_COMPLIANT cell was COMPLIANT. */
    Path earlierDemoScan() throws Exception {
        ScanResult demo = ScanJson.read(SamplesDemoTest.DEMO.resolve("scan.json"));
        ScanMetadata m = demo.metadata();
        ScanMetadata earlier = new ScanMetadata("previous-quarter", m.startedAt().minus(Duration.ofDays(91)),
                m.finishedAt().minus(Duration.ofDays(91)), m.callerArn(), m.callerAccountId(), m.organizationId(),
                m.managementAccountId(), m.delegatedAdministratorId(), m.partition(), m.policy(), m.toolName(),
                m.toolVersion(), m.parameters());
        List<Cell> cells = new ArrayList<>();
        for (Cell cell : demo.matrix().cells()) {
            cells.add(cell.status() != ComplianceStatus.NON_COMPLIANT ? cell : new Cell(cell.key(),
                    cell.regionOptStatus(), Reason.ACTIVE_ORGANIZATION_ANALYZER, "covered", cell.analyzers(),
                    "arn:aws:access-analyzer:" + cell.key().region() + ":" + m.managementAccountId() + ":analyzer/org",
                    null));
        }
        Path file = dir.resolve("q2-scan.json");
        return ScanFixture.write(new ScanResult(earlier, new CoverageMatrix(demo.matrix().accounts(),
                demo.matrix().regions(), cells), demo.errors()), file);
    }

    @Test
    void previousAddsTwoFindingsColumnsAndTheChangesToTheSummary() throws Exception {
        Path out = dir.resolve("q3");
        OrgscanInProcess.Result result = OrgscanInProcess.run("report", SamplesDemoTest.DEMO.resolve("scan.json").toString(),
                "--previous", earlierDemoScan().toString(), "--out-dir", out.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(4);
        List<CSVRecord> findings = HostileNamesTest.csv(out.resolve("findings.csv"));
        assertThat(findings.get(0).getParser().getHeaderNames()).hasSize(20).endsWith("previous_status", "status_changed");
        long nonCompliant = findings.stream().filter(r -> r.get("status").equals("NON_COMPLIANT")).count();
        assertThat(findings).filteredOn(r -> r.get("status_changed").equals("true")).hasSize((int) nonCompliant)
                .allSatisfy(r -> assertThat(r.get("previous_status")).isEqualTo("COMPLIANT"));
        var summary = WorkbookReader.contents(Files.readAllBytes(out.resolve("coverage.xlsx"))).get("Summary");
        assertThat(summary).contains(List.of("Newly non-compliant (NON_COMPLIANT now, not before)",
                Long.toString(nonCompliant)), List.of("Resolved (NON_COMPLIANT before, COMPLIANT now)", "0"));
        assertThat(Files.readString(out.resolve("run_manifest.json"))).contains("\"scan_id\": \"previous-quarter\"");
        assertThat(result.out()).contains("verify: cd " + out + " && sha256sum -c SHA256SUMS");
    }

    @Test
    void aMissingOrForeignPreviousScanIsAUsageError() throws Exception {
        String scan = SamplesDemoTest.DEMO.resolve("scan.json").toString();
        OrgscanInProcess.Result missing = OrgscanInProcess.run("report", scan, "--previous", dir.resolve("nope.json").toString(),
                "--out-dir", dir.resolve("a").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.json: no such file").doesNotContain("\tat ");

        OrgscanInProcess.Result itself = OrgscanInProcess.run("report", scan, "--previous", scan, "--out-dir", dir.resolve("b").toString());
        assertThat(itself.exitCode()).isEqualTo(2);
        assertThat(itself.err().strip()).startsWith("orgscan: --previous: the previous scan (started ")
                .contains("did not start before this scan");
        assertThat(dir.resolve("b")).doesNotExist();
    }
}

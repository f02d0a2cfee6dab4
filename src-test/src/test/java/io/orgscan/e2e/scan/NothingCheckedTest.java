package io.orgscan.e2e.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orgscan.e2e.OrgscanInProcess;
import io.orgscan.report.testkit.CsvReader;
import io.orgscan.report.testkit.WorkbookReader;
import io.orgscan.simulator.AwsSimulator;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 3: a run that checked nothing it could pass on exits 4 and says why, never 0
 * "COMPLIANT"; an empty scope value is a usage error. Through the real SDK against the simulator.
 */
class NothingCheckedTest {
    @TempDir
    Path dir;

    @Test
    void aRegionTypoAndAnEmptyScopeAreNeverCompliant() throws Exception {
        Scenario rules = ScenarioLoader.load(Path.of("src/test/resources/scenarios/scan-rules.json"));
        try (AwsSimulator simulator = AwsSimulator.start(rules, 0, 0)) {
            String endpoint = simulator.endpoint().toString();

            OrgscanInProcess.Result typo = OrgscanInProcess.run(ScanEndToEndTest.securityEnv(), "scan", "--endpoint-url",
                    endpoint, "--regions", "us-eest-1", "--out-dir", dir.resolve("typo").toString());
            assertThat(typo.exitCode()).as(typo.all()).isEqualTo(4);
            assertThat(typo.out()).contains("result: INCOMPLETE: us-eest-1 is not a region any account listed (exit 4)");
            assertNoPassInTheEvidence(dir.resolve("typo"), "us-eest-1 is not a region any account listed");

            String account = ScanEndToEndTest.SECURITY;
            OrgscanInProcess.Result none = OrgscanInProcess.run(ScanEndToEndTest.securityEnv(), "scan", "--endpoint-url",
                    endpoint, "--accounts", account, "--exclude-accounts", account, "--policy", "account",
                    "--out-dir", dir.resolve("none").toString());
            assertThat(none.exitCode()).as(none.all()).isEqualTo(4);
            assertThat(none.out()).contains("result: INCOMPLETE: no applicable cell");
            assertNoPassInTheEvidence(dir.resolve("none"), "no applicable cell: the scope left no active account in an "
                    + "enabled region to check");

            // A typo beside a real region whose every cell is COMPLIANT: the rows roll up to a pass, the run does not.
            OrgscanInProcess.Result beside = OrgscanInProcess.run(ScanEndToEndTest.securityEnv(), "scan", "--endpoint-url",
                    endpoint, "--regions", "us-eest-1,eu-west-1", "--accounts", "333333333333", "--policy", "account",
                    "--out-dir", dir.resolve("beside").toString());
            assertThat(beside.exitCode()).as(beside.all()).isEqualTo(4);
            List<CSVRecord> findings = CsvReader.parse(dir.resolve("beside/findings.csv"));
            assertThat(findings).extracting(r -> r.get("status")).contains("COMPLIANT")
                    .doesNotContain("NON_COMPLIANT", "INSUFFICIENT_DATA");
            assertNoPassInTheEvidence(dir.resolve("beside"), "us-eest-1 is not a region any account listed");

            OrgscanInProcess.Result empty = OrgscanInProcess.run(ScanEndToEndTest.securityEnv(), "scan", "--endpoint-url",
                    endpoint, "--regions", "", "--out-dir", dir.resolve("empty").toString());
            assertThat(empty.exitCode()).as(empty.all()).isEqualTo(2);
            assertThat(empty.err()).contains("--regions: the value is empty");
        }
    }

    /**
     * control_result.csv, run_manifest.json and the workbook's Cover and Summary say INSUFFICIENT_DATA and
     * why, each read back by its own reader: no file of the run reads as a pass.
     */
    static void assertNoPassInTheEvidence(Path folder, String why) throws Exception {
        CSVRecord control = CsvReader.parse(folder.resolve("control_result.csv")).get(0);
        assertThat(control.get("result")).isEqualTo("INSUFFICIENT_DATA");
        assertThat(control.get("result_reason")).isEqualTo(why);
        assertThat(control.get("scan_complete")).isEqualTo("false");

        JsonNode result = new ObjectMapper().readTree(folder.resolve("run_manifest.json").toFile()).get("result");
        assertThat(result.get("control_result").asText()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(result.get("control_result_reason").asText()).isEqualTo(why);
        assertThat(result.get("scan_complete").asBoolean()).isFalse();

        Map<String, List<List<String>>> workbook = WorkbookReader.contents(Files.readAllBytes(folder.resolve("coverage.xlsx")));
        for (String sheet : List.of("Cover", "Summary")) {
            assertThat(value(workbook.get(sheet), "Control result")).as(sheet).isEqualTo("INSUFFICIENT_DATA");
            assertThat(value(workbook.get(sheet), "Control result reason")).as(sheet).isEqualTo(why);
            assertThat(value(workbook.get(sheet), "Scan complete")).as(sheet).matches("false|no: .*");
        }
    }

    private static String value(List<List<String>> rows, String label) {
        return rows.stream().filter(r -> r.size() > 1 && label.equals(r.get(0))).map(r -> r.get(1)).findFirst()
                .orElse(null);
    }
}

package io.orgscan.e2e.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orgscan.e2e.OrgscanInProcess;
import io.orgscan.report.testkit.CsvReader;
import io.orgscan.report.testkit.OcsfReader;
import io.orgscan.simulator.AwsSimulator;
import io.orgscan.simulator.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * findings.ocsf.json of real scans: {@code orgscan scan} with the default formats, through the real AWS
 * SDK against the simulator, on the rules scenario (every rule and fault, excluded cells) and on the
 * landing zone with {@code --scp-denied-regions not-applicable}; every event is validated against the
 * OCSF 1.6.0 Compliance Finding schema and matched with its findings.csv row, and {@code orgscan report}
 * renders the same bytes from scan.json.
 */
class OcsfEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void everyCellOfTheRulesScenarioIsAValidComplianceFindingMatchingFindingsCsv() throws Exception {
        try (AwsSimulator simulator = AwsSimulator.start(
                ScenarioLoader.load(Path.of("src/test/resources/scenarios/scan-rules.json")), 0, 0)) {
            OrgscanInProcess.Result result = OrgscanInProcess.run(ScanEndToEndTest.securityEnv(), "scan",
                    "--endpoint-url", simulator.endpoint().toString(), "--out-dir", dir.toString(),
                    "--exclude-regions", "ap-east-1");

            assertThat(result.exitCode()).as(result.all()).isEqualTo(4);
        }
        Set<String> statuses = checkAgainstFindingsCsv(dir);
        assertThat(statuses).containsExactlyInAnyOrder("Pass", "Fail", "Warning", "Not Applicable");

        Path again = dir.resolve("again");
        OrgscanInProcess.Result report = OrgscanInProcess.run(Map.of(), "report", dir.resolve("scan.json").toString(),
                "--out-dir", again.toString());
        assertThat(report.exitCode()).as(report.all()).isEqualTo(4);
        assertThat(again.resolve("findings.ocsf.json")).hasSameBinaryContentAs(dir.resolve("findings.ocsf.json"));
    }

    @Test
    void regionsAnScpDeniesAreValidNotApplicableFindings() throws Exception {
        try (AwsSimulator simulator = AwsSimulator.start(ScenarioLoader.load(LandingZoneTest.SCENARIO), 0, 0)) {
            OrgscanInProcess.Result result = OrgscanInProcess.run(
                    ScanEndToEndTest.env("AKIALANDINGSECURITY1", "landing-security-secret-DO-NOT-LOG"), "scan",
                    "--endpoint-url", simulator.endpoint().toString(), "--out-dir", dir.toString(),
                    "--org-role-arn", LandingZoneTest.ORG_ROLE, LandingZoneTest.OPTION);

            assertThat(result.exitCode()).as(result.all()).isIn(0, 3, 4);
        }
        checkAgainstFindingsCsv(dir);
        List<JsonNode> denied = OcsfReader.events(dir.resolve("findings.ocsf.json")).stream()
                .filter(e -> e.at("/unmapped/reason").asText().equals("REGION_DENIED_BY_SCP")).toList();
        assertThat(denied).isNotEmpty().allSatisfy(e -> {
            assertThat(e.at("/compliance/status_id").asInt()).isEqualTo(99);
            assertThat(e.at("/compliance/status").asText()).isEqualTo("Not Applicable");
            assertThat(e.at("/status_detail").asText()).startsWith("REGION_DENIED_BY_SCP: ");
        });
    }

    /** Validates every event and matches it with findings.csv's row; returns the compliance statuses seen. */
    private static Set<String> checkAgainstFindingsCsv(Path folder) throws IOException {
        List<JsonNode> events = OcsfReader.events(folder.resolve("findings.ocsf.json"));
        List<CSVRecord> rows = CsvReader.parse(Files.readAllBytes(folder.resolve("findings.csv")));
        assertThat(events).hasSize(rows.size());
        Map<String, String> ocsfStatusOf = new LinkedHashMap<>(Map.of("COMPLIANT", "Pass", "NON_COMPLIANT", "Fail",
                "INSUFFICIENT_DATA", "Warning", "NOT_APPLICABLE", "Not Applicable"));
        Set<String> seen = new HashSet<>();
        List<String> invalid = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            JsonNode event = events.get(i);
            OcsfReader.errors(event).forEach(error -> invalid.add(row.get("finding_id") + " " + error));
            assertThat(event.at("/finding_info/uid").asText()).isEqualTo(row.get("finding_id"));
            assertThat(event.at("/cloud/account/uid").asText()).isEqualTo(row.get("account_id"));
            assertThat(event.at("/cloud/region").asText()).isEqualTo(row.get("region"));
            assertThat(event.at("/unmapped/reason").asText()).isEqualTo(row.get("reason"));
            String status = event.at("/compliance/status").asText();
            assertThat(status).as(row.get("finding_id")).isEqualTo(ocsfStatusOf.get(row.get("status")));
            if (row.get("status").equals("COMPLIANT")) {
                assertThat(event.at("/resources/1/uid").asText()).isEqualTo(row.get("covered_by_arn"));
            }
            seen.add(status);
        }
        assertThat(invalid).isEmpty();
        return seen;
    }
}

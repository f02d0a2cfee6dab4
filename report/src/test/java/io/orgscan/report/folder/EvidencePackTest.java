package io.orgscan.report.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orgscan.report.testkit.CsvReader;
import io.orgscan.report.testkit.FileHash;
import io.orgscan.report.testkit.OcsfReader;
import io.orgscan.report.testkit.ScanFixture;
import io.orgscan.report.testkit.WorkbookReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run folder as a whole: hashes, their order, the manifest, and sha256sum's own check. */
class EvidencePackTest {
    @TempDir
    Path temp;
    /** The run folder; its lock file sits beside it, in {@link #temp}. */
    Path dir;

    @BeforeEach
    void render() throws Exception {
        dir = temp.resolve("run");
        ReportRenderer.render(ScanFixture.rich(), dir, EnumSet.allOf(OutputFormat.class));
    }

    static long csvRows(Path file) throws IOException {
        return CsvReader.parse(Files.readAllBytes(file)).size();
    }

    @Test
    void sha256SumsListsEveryOtherFileInWritingOrderWithItsHash() throws Exception {
        List<String> lines = Files.readAllLines(dir.resolve("SHA256SUMS"), StandardCharsets.US_ASCII);
        List<String> expected = new ArrayList<>();
        for (String name : ReportRendererTest.ALL_FILES.subList(0, ReportRendererTest.ALL_FILES.size() - 1)) {
            expected.add(FileHash.sha256(dir.resolve(name)) + "  " + name);
        }
        assertThat(lines).containsExactlyElementsOf(expected);
        assertThat(Files.readString(dir.resolve("SHA256SUMS"))).endsWith("\n").doesNotContain("\r");
    }

    @Test
    void gnuSha256sumAcceptsTheFolder() throws Exception {
        ProcessBuilder check = new ProcessBuilder("sha256sum", "-c", "SHA256SUMS").directory(dir.toFile())
                .redirectErrorStream(true);
        Process process;
        try {
            process = check.start();
        } catch (IOException e) {
            assumeTrue(false, "sha256sum is not installed");
            return;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output.lines()).hasSize(ReportRendererTest.ALL_FILES.size() - 1).allMatch(line -> line.endsWith(": OK"));

        Files.writeString(dir.resolve("accounts.csv"), "tampered\r\n");
        Process tampered = check.start();
        String report = new String(tampered.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tampered.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(tampered.exitValue()).isNotZero();
        assertThat(report).contains("accounts.csv: FAILED");
    }

    @Test
    void theCoverShowsTheCsvsAsWrittenAndTheControlResultTheWorkbooksHash() throws Exception {
        List<List<String>> cover = WorkbookReader.contents(Files.readAllBytes(dir.resolve("coverage.xlsx"))).get("Cover");
        for (String name : List.of("findings.csv", "accounts.csv", "errors.csv", "data_dictionary.csv")) {
            Path file = dir.resolve(name);
            assertThat(cover).as(name).contains(List.of(name, FileHash.sha256(file), Long.toString(csvRows(file)),
                    Long.toString(Files.size(file))));
        }
        Path ocsf = dir.resolve("findings.ocsf.json");
        assertThat(cover).contains(List.of("findings.ocsf.json", FileHash.sha256(ocsf), "9", Long.toString(Files.size(ocsf))));
        assertThat(cover).contains(java.util.Arrays.asList("scan.json", FileHash.sha256(dir.resolve("scan.json")), null,
                Long.toString(Files.size(dir.resolve("scan.json")))));

        var result = CsvReader.parse(Files.readAllBytes(dir.resolve("control_result.csv"))).get(0);
        assertThat(result.get("workbook_file")).isEqualTo("coverage.xlsx");
        assertThat(result.get("workbook_sha256")).isEqualTo(FileHash.sha256(dir.resolve("coverage.xlsx")));
        assertThat(result.get("findings_csv_sha256")).isEqualTo(FileHash.sha256(dir.resolve("findings.csv")));
    }

    @Test
    void theManifestDescribesEveryFileWrittenBeforeIt() throws Exception {
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("run_manifest.json").toFile());
        assertThat(manifest.get("manifest_version").asInt()).isEqualTo(1);
        assertThat(manifest.get("run_id").asText()).isEqualTo("3f2b9c1e-7d4a-4e0b-9a51-2c6d8e0f1a7b");
        assertThat(manifest.at("/scan/started_at").asText()).isEqualTo("2025-09-30T22:00:05Z");
        assertThat(manifest.at("/population/rows_total").asLong()).isEqualTo(9);
        assertThat(manifest.at("/population/rows_by_status/NON_COMPLIANT").asLong()).isEqualTo(1);
        assertThat(manifest.at("/population/coverage_pct").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(manifest.at("/result/control_result").asText()).isEqualTo("NON_COMPLIANT");
        assertThat(manifest.at("/result/reconciliation").asText()).isEqualTo("PASS");
        assertThat(manifest.at("/control/security_hub_control_id").asText()).isEqualTo("IAM.28");
        assertThat(manifest.at("/parameters/1/name").asText()).isEqualTo("role-name");
        assertThat(manifest.get("previous_scan").isNull()).isTrue();
        assertThat(manifest.get("reconciliation").findValuesAsText("check")).contains("ocsf:findings.ocsf.json",
                "asff:findings.asff.json", "junit:junit.xml");
        assertThat(manifest.get("reconciliation")).allSatisfy(check -> assertThat(check.get("result").asText()).isEqualTo("PASS"));

        List<String> names = new ArrayList<>();
        for (JsonNode file : manifest.get("files")) {
            String name = file.get("name").asText();
            names.add(name);
            Path path = dir.resolve(name);
            assertThat(file.get("bytes").asLong()).as(name).isEqualTo(Files.size(path));
            assertThat(file.get("sha256").asText()).as(name).isEqualTo(FileHash.sha256(path));
            if (name.endsWith(".csv")) {
                assertThat(file.get("rows").asLong()).as(name).isEqualTo(csvRows(path));
            } else if (name.equals("findings.ocsf.json")) {
                assertThat(file.get("rows").asLong()).as("events").isEqualTo(OcsfReader.events(path).size()).isEqualTo(9);
            } else if (name.equals("findings.asff.json")) {
                long findings = 0;
                for (JsonNode batch : new ObjectMapper().readTree(path.toFile())) {
                    findings += batch.get("Findings").size();
                }
                assertThat(file.get("rows").asLong()).as("ASFF findings: the 4 cells not NOT_APPLICABLE")
                        .isEqualTo(findings).isEqualTo(4);
            } else if (name.equals("junit.xml")) {
                assertThat(file.get("rows").asLong()).as("test cases")
                        .isEqualTo(Files.readString(path).split("<testcase ", -1).length - 1).isEqualTo(9);
            } else {
                assertThat(file.get("rows").isNull()).as(name).isTrue();
            }
        }
        assertThat(names).containsExactlyElementsOf(ReportRendererTest.ALL_FILES.subList(0, ReportRendererTest.ALL_FILES.size() - 2));
    }

    @Test
    void noFileContainsItsOwnHash() throws Exception {
        for (String name : ReportRendererTest.ALL_FILES) {
            Path file = dir.resolve(name);
            String hash = FileHash.sha256(file);
            String text = name.endsWith(".xlsx")
                    ? WorkbookReader.contents(Files.readAllBytes(file)).toString()
                    : Files.readString(file);
            assertThat(text).as(name).doesNotContain(hash);
        }
    }

    @Test
    void theWorkbookAndItsCsvsTellTheSameCounts() throws Exception {
        Map<String, List<List<String>>> sheets = WorkbookReader.contents(Files.readAllBytes(dir.resolve("coverage.xlsx")));
        assertThat(sheets.get("Findings")).hasSize(1 + (int) csvRows(dir.resolve("findings.csv")));
        assertThat(sheets.get("Accounts")).hasSize(1 + (int) csvRows(dir.resolve("accounts.csv")));
        assertThat(sheets.get("Errors")).hasSize(1 + (int) csvRows(dir.resolve("errors.csv")));
    }
}

package io.orgscan.e2e.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orgscan.e2e.OrgscanInProcess;
import io.orgscan.report.testkit.CsvReader;
import io.orgscan.report.testkit.FileHash;
import io.orgscan.report.testkit.WorkbookReader;
import io.orgscan.simulator.AwsSimulator;
import io.orgscan.simulator.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code orgscan scan --exceptions} against the simulator: the register annotates the reports and
 * changes no cell and not the exit code, scan.json records it so {@code orgscan report} renders the
 * same files again, and a malformed register stops the run before any AWS call with nothing written.
 */
class ExceptionsScanTest {
    static final String HEADER = "finding_id,account_id,region,disposition,owner,approver,justification,ticket,expires";

    static AwsSimulator simulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSimulator() throws Exception {
        simulator = AwsSimulator.start(ScenarioLoader.load(Path.of("src/test/resources/scenarios/scan-rules.json")), 0, 0);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void resetStats() {
        simulator.resetStats();
    }

    OrgscanInProcess.Result scan(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", "--endpoint-url", simulator.endpoint().toString(),
                "--out-dir", out.toString()));
        args.addAll(List.of(extra));
        return OrgscanInProcess.run(ScanEndToEndTest.securityEnv(), args.toArray(String[]::new));
    }

    Path register(String name, String... rows) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n", StandardCharsets.UTF_8);
        return file;
    }

    static Map<String, CSVRecord> findings(Path out) throws Exception {
        Map<String, CSVRecord> byCell = new java.util.LinkedHashMap<>();
        for (CSVRecord record : CsvReader.parse(out.resolve("findings.csv"))) {
            byCell.put(record.get("account_id") + " " + record.get("region"), record);
        }
        return byCell;
    }

    @Test
    void aRegisterAnnotatesTheScanWithoutChangingACellOrTheExitCode() throws Exception {
        Path register = register("register.csv",
                "iam-aa-coverage:aws:111111111111:eu-central-1,,,RISK_ACCEPTED,=cmd,CISO,closing the region,SEC-1,2099-12-31",
                ",222222222222,*,REMEDIATE,security,,,SEC-2,2020-01-01",
                ",000000000000,*,RETEST,gone,,,,");
        Path out = dir.resolve("q4");
        OrgscanInProcess.Result result = scan(out, "--exceptions", register.toString());

        assertThat(result.exitCode()).as(result.all()).isEqualTo(4);
        assertThat(result.out()).containsPattern("exceptions: register.csv, 3 entries; NON_COMPLIANT cells with an "
                + "exception in force 1, without \\d+; 1 entries expired, 1 match no cell \\(Summary sheet\\)");
        Map<String, CSVRecord> findings = findings(out);
        Map<String, String> expected = ExpectedCells.forPolicy("org");
        assertThat(findings.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((cell, reason) -> assertThat(findings.get(cell).get("reason")).as(cell).isEqualTo(reason));

        CSVRecord accepted = findings.get("111111111111 eu-central-1");
        assertThat(List.of(accepted.get("status"), accepted.get("exception_disposition"), accepted.get("exception_owner"),
                accepted.get("exception_ticket"), accepted.get("exception_expires")))
                .containsExactly("NON_COMPLIANT", "RISK_ACCEPTED", "'=cmd", "SEC-1", "2099-12-31");
        assertThat(findings.get("222222222222 eu-central-1").get("exception_disposition")).as("expired").isEmpty();
        long nonCompliant = findings.values().stream().filter(r -> r.get("status").equals("NON_COMPLIANT")).count();
        long annotated = findings.values().stream().filter(r -> !r.get("exception_disposition").isEmpty()).count();
        assertThat(annotated).isEqualTo(1);

        CSVRecord control = CsvReader.parse(out.resolve("control_result.csv")).get(0);
        assertThat(control.get("rows_non_compliant_with_exception")).isEqualTo("1");
        assertThat(control.get("rows_non_compliant_without_exception")).isEqualTo(Long.toString(nonCompliant - 1));

        JsonNode recorded = new ObjectMapper().readTree(out.resolve("scan.json").toFile()).get("exception_register");
        assertThat(recorded.get("file_name").asText()).isEqualTo("register.csv");
        assertThat(recorded.get("sha256").asText()).isEqualTo(FileHash.sha256(register));
        assertThat(recorded.get("entries")).hasSize(3);
        assertThat(new ObjectMapper().readTree(out.resolve("scan.json").toFile()).at("/scan/parameters").toString())
                .as("recorded whole, not as a parameter").doesNotContain("--exceptions");
        assertThat(new ObjectMapper().readTree(out.resolve("run_manifest.json").toFile())
                .at("/exception_register/sha256").asText()).isEqualTo(FileHash.sha256(register));

        var summary = WorkbookReader.contents(Files.readAllBytes(out.resolve("coverage.xlsx"))).get("Summary");
        assertThat(summary).contains(List.of("EXPIRED", "3", "account_id=222222222222 region=*", "REMEDIATE", "security",
                "2020-01-01"), List.of("ORPHAN", "4", "account_id=000000000000 region=*", "RETEST", "gone", ""));

        OrgscanInProcess.Result plain = scan(dir.resolve("plain"));
        assertThat(plain.exitCode()).as("the same exit code without a register").isEqualTo(result.exitCode());
        assertThat(plain.out()).doesNotContain("exceptions:");
    }

    @Test
    void reportRendersTheRecordedRegisterAgainAndExceptionsReplacesIt() throws Exception {
        Path register = register("register.csv", ",*,eu-central-1,RISK_ACCEPTED,ops,,,SEC-1,");
        Path out = dir.resolve("q4");
        assertThat(scan(out, "--exceptions", register.toString()).exitCode()).isEqualTo(4);

        Path again = dir.resolve("again");
        OrgscanInProcess.Result rendered = OrgscanInProcess.run("report", out.resolve("scan.json").toString(),
                "--out-dir", again.toString());
        assertThat(rendered.exitCode()).as(rendered.err()).isEqualTo(4);
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.toList()) {
                assertThat(Files.readAllBytes(again.resolve(file.getFileName()))).as(file.getFileName().toString())
                        .isEqualTo(Files.readAllBytes(file));
            }
        }

        Path next = register("next-quarter.csv", ",*,eu-central-1,REMEDIATE,platform,,,SEC-7,");
        Path replaced = dir.resolve("replaced");
        OrgscanInProcess.Result report = OrgscanInProcess.run("report", out.resolve("scan.json").toString(),
                "--exceptions", next.toString(), "--out-dir", replaced.toString());
        assertThat(report.exitCode()).as(report.err()).isEqualTo(4);
        assertThat(findings(replaced).get("111111111111 eu-central-1").get("exception_disposition")).isEqualTo("REMEDIATE");
        assertThat(new ObjectMapper().readTree(replaced.resolve("scan.json").toFile())
                .at("/exception_register/file_name").asText()).isEqualTo("next-quarter.csv");
    }

    @Test
    void aMalformedRegisterIsOneLineAndExit2BeforeAnyAwsCallWithNothingWritten() throws Exception {
        Path bad = register("bad.csv", ",111111111111,*,RISK_ACCEPTED,ops,,,,", ",*,eu-*,ACCEPTED,ops,,,,");
        Path out = dir.resolve("q4");
        OrgscanInProcess.Result result = scan(out, "--exceptions", bad.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("orgscan: --exceptions: " + bad + ": row 3: unknown disposition "
                + "\"ACCEPTED\", expected one of REMEDIATE, RISK_ACCEPTED, FALSE_POSITIVE, RETEST");
        assertThat(result.out()).isEmpty();
        assertThat(out).doesNotExist();
        assertThat(simulator.stats().total()).as("no AWS call").isZero();

        OrgscanInProcess.Result missing = scan(out, "--exceptions", dir.resolve("nope.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("orgscan: --exceptions: " + dir.resolve("nope.csv") + ": no such file");
        assertThat(out).doesNotExist();
        assertThat(simulator.stats().total()).isZero();

        Path scanned = dir.resolve("scanned");
        assertThat(scan(scanned).exitCode()).isEqualTo(4);
        Path rendered = dir.resolve("rendered");
        OrgscanInProcess.Result report = OrgscanInProcess.run("report", scanned.resolve("scan.json").toString(),
                "--exceptions", bad.toString(), "--out-dir", rendered.toString());
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.err()).contains("row 3: unknown disposition").doesNotContain("\tat ");
        assertThat(rendered).doesNotExist();
    }
}

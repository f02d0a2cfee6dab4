package io.orgscan.e2e.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.e2e.OrgscanInProcess;
import io.orgscan.simulator.AwsSimulator;
import io.orgscan.simulator.scenario.Faults;
import io.orgscan.simulator.scenario.ResponseMode;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Answers that cannot be true are failures, never facts (issue 13): each of the simulator's spoiled
 * answers, on a member call and on the calls the scan cannot start without, through the real SDK.
 * On scenarios/hostile-answers.json, where unspoiled every cell is COMPLIANT or NOT_APPLICABLE and
 * the scan exits 0: a spoiled member call turns exactly its cells INSUFFICIENT_DATA / API_ERROR with
 * exit 4; a spoiled start-up or listing call stops the scan with one line,  exit 2, nothing written.
 * Never exit 0 with an unknown, never exit 1.
 *
 * <p>ORGSCAN_TEST_TIMEOUT_MS lowers the SDK's connect, socket and attempt timeouts from 30 s to 5 s
 * (ScanJob reads it from the injected environment, like ORGSCAN_TEST_ORGANIZATIONS_MAX_BACKOFF_MS,
 * which caps Organizations' back-off at 200 ms here): a hang then costs two attempts x 5 s (after two
 * unanswered attempts the endpoint's calls fail fast), not attempts x 30 s; 5 s, not less, so that the
 * start-up call, bounded by one attempt's time, still has the room a real one has for its retries of a
 * 502.
 */
class HostileAnswersTest {
    static final String SCENARIO = "src/test/resources/scenarios/hostile-answers.json";
    static final String MANAGEMENT = "111111111111";
    static final String WORKLOAD_ONE = "222222222222";
    static final String WORKLOAD_TWO = "333333333333";
    static final List<String> ACCOUNTS = List.of(MANAGEMENT, WORKLOAD_ONE, WORKLOAD_TWO);
    /** Two unanswered attempts of a member call, 5 s each, then its endpoint fails fast; with room. */
    static final Duration MEMBER_CALL_BOUND = Duration.ofSeconds(25);
    static final Duration START_UP_BOUND = Duration.ofSeconds(25);

    @TempDir
    Path dir;

    static Map<String, String> env() {
        return Map.of("AWS_ACCESS_KEY_ID", "AKIAHOSTILEMGMT00001", "AWS_SECRET_ACCESS_KEY", "hostile-management-secret",
                "AWS_REGION", "us-east-1", "ORGSCAN_TEST_TIMEOUT_MS", "5000",
                "ORGSCAN_TEST_ORGANIZATIONS_MAX_BACKOFF_MS", "200");
    }

    /** The cells of the unspoiled organization: every enabled region covered, af-south-1 never opted into. */
    static Map<String, String> cleanCells() {
        Map<String, String> cells = new TreeMap<>();
        for (String account : ACCOUNTS) {
            cells.put(account + " af-south-1", "NOT_APPLICABLE/REGION_NOT_ENABLED");
            cells.put(account + " eu-west-1", "COMPLIANT/ACTIVE_ACCOUNT_ANALYZER");
            cells.put(account + " us-east-1", "COMPLIANT/ACTIVE_ACCOUNT_ANALYZER");
        }
        return cells;
    }

    /** {@code faultedCalls}: the calls the simulator got of the spoiled operation, attempts included. */
    record Run(OrgscanInProcess.Result result, Duration took, Path out, long faultedCalls) {
        Map<String, String> cells() throws Exception {
            Map<String, String> cells = new TreeMap<>();
            for (Map.Entry<String, CSVRecord> row : ScanEndToEndTest.findingsByCell(out.resolve("findings.csv")).entrySet()) {
                cells.put(row.getKey(), row.getValue().get("status") + "/" + row.getValue().get("reason"));
            }
            return cells;
        }

        String errors() throws Exception {
            return Files.readString(out.resolve("errors.csv"));
        }
    }

    Run scan(Faults.ResponseRule rule) throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of(SCENARIO));
        if (rule != null) {
            scenario = scenario.withFaults(scenario.faults().withResponse(rule));
        }
        Path out = dir.resolve("report");
        try (AwsSimulator simulator = AwsSimulator.start(scenario, 0, 0)) {
            long started = System.nanoTime();
            OrgscanInProcess.Result result = OrgscanInProcess.run(env(), "scan", "--endpoint-url", simulator.endpoint().toString(),
                    "--out-dir", out.toString());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            return new Run(result, took, out, rule == null ? 0 : simulator.stats().count(rule.service(), rule.operation()));
        }
    }

    @Test
    void unspoiledTheOrganizationIsCompliant() throws Exception {
        Run run = scan(null);
        assertThat(run.result().exitCode()).as(run.result().all()).isZero();
        assertThat(run.cells()).isEqualTo(cleanCells());
    }

    /** ListAnalyzers of one account-region: that cell, and only it, is unknown. (no-default-regions is DescribeRegions' own.) */
    @ParameterizedTest
    @EnumSource(value = ResponseMode.class, names = "NO_DEFAULT_REGIONS", mode = EnumSource.Mode.EXCLUDE)
    void aSpoiledListAnalyzersIsThatCellsApiError(ResponseMode mode) throws Exception {
        Run run = scan(new Faults.ResponseRule("access-analyzer", "ListAnalyzers", WORKLOAD_ONE, "eu-west-1", mode, null));

        assertThat(run.result().exitCode()).as(run.result().all()).isEqualTo(4);
        Map<String, String> expected = cleanCells();
        expected.put(WORKLOAD_ONE + " eu-west-1", "INSUFFICIENT_DATA/API_ERROR");
        assertThat(run.cells()).isEqualTo(expected);
        assertThat(run.errors()).contains(WORKLOAD_ONE).contains("ListAnalyzers");
        assertThat(run.took()).isLessThan(MEMBER_CALL_BOUND);
        System.out.printf("HostileAnswersTest ListAnalyzers %s: %d ms; %s%n", mode.wireName(), run.took().toMillis(),
                run.errors().lines().skip(1).toList());
    }

    /** DescribeRegions of one account: every cell of that account is unknown, none NOT_APPLICABLE. */
    @ParameterizedTest
    @EnumSource(ResponseMode.class)
    void aSpoiledDescribeRegionsLeavesTheAccountUnknown(ResponseMode mode) throws Exception {
        Run run = scan(new Faults.ResponseRule("ec2", "DescribeRegions", WORKLOAD_TWO, null, mode, null));

        assertThat(run.result().exitCode()).as(run.result().all()).isEqualTo(4);
        Map<String, String> cells = run.cells();
        Map<String, String> others = new LinkedHashMap<>(cleanCells());
        others.keySet().removeIf(cell -> cell.startsWith(WORKLOAD_TWO));
        assertThat(cells).containsAllEntriesOf(others);
        assertThat(cells).containsOnlyKeys(cleanCells().keySet());
        for (String region : List.of("af-south-1", "eu-west-1", "us-east-1")) {
            assertThat(cells.get(WORKLOAD_TWO + " " + region)).as(region).startsWith("INSUFFICIENT_DATA/");
        }
        assertThat(run.errors()).contains(WORKLOAD_TWO).contains("DescribeRegions");
        assertThat(run.took()).isLessThan(MEMBER_CALL_BOUND);
        System.out.printf("HostileAnswersTest DescribeRegions %s: %d ms; %s; %s%n", mode.wireName(), run.took().toMillis(),
                cells.get(WORKLOAD_TWO + " us-east-1"), run.errors().lines().skip(1).toList());
    }

    /**
     * A well-formed DescribeRegions that lists only opt-in regions (af-south-1, not opted into): an answer
     * that cannot be true. Read as a fact it would make every cell of the account NOT_APPLICABLE and the
     * run exit 0; it is a failed call instead: the account's cells INSUFFICIENT_DATA / API_ERROR saying
     * why, exit 4, the other accounts as unspoiled.
     */
    @Test
    void aDescribeRegionsWithoutADefaultRegionLeavesTheAccountUnknownSayingWhy() throws Exception {
        Run run = scan(new Faults.ResponseRule("ec2", "DescribeRegions", WORKLOAD_TWO, null,
                ResponseMode.NO_DEFAULT_REGIONS, null));

        assertThat(run.result().exitCode()).as(run.result().all()).isEqualTo(4);
        Map<String, String> expected = cleanCells();
        for (String region : List.of("af-south-1", "eu-west-1", "us-east-1")) {
            expected.put(WORKLOAD_TWO + " " + region, "INSUFFICIENT_DATA/API_ERROR");
        }
        assertThat(run.cells()).isEqualTo(expected);
        String why = "DescribeRegions answered no region with optInStatus opt-in-not-required";
        CSVRecord cell = ScanEndToEndTest.findingsByCell(run.out().resolve("findings.csv")).get(WORKLOAD_TWO + " us-east-1");
        assertThat(cell.get("detail")).contains("InvalidResponse").contains(why);
        List<CSVRecord> errors = io.orgscan.report.testkit.CsvReader.parse(run.out().resolve("errors.csv"));
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("account_id")).isEqualTo(WORKLOAD_TWO);
        assertThat(errors.get(0).get("operation")).isEqualTo("DescribeRegions");
        assertThat(errors.get(0).get("error_code")).isEqualTo("InvalidResponse");
        assertThat(errors.get(0).get("error_message")).contains(why);
        assertThat(run.result().out()).contains("result: INCOMPLETE");
        assertThat(run.took()).isLessThan(MEMBER_CALL_BOUND);
    }

    /**
     * An Organizations answer that cannot be parsed, cut short, or a proxy's 502, on a start-up or listing
     * call: it is not throttling, so it gets the few attempts every other call gets (4), not the
     * Organizations throttling budget of minutes (about 900 attempts with the back-off this test caps
     * at 200 ms, and minutes of the SDK's own back-off of up to 20 s): one line, exit 2, within seconds.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "DescribeOrganization, malformed, 4",
            "DescribeOrganization, truncated, 4",
            "ListRoots, malformed, 4",
            "ListRoots, close-mid-body, 4",
            "ListRoots, html-502, 4",
            // 4 attempts for each of the two parents (the root, the OU), listed side by side: the first to
            // fail for good stops the walk, so the other's last attempts may not be sent.
            "ListAccountsForParent, truncated, 8"})
    void anUnparsableOrganizationsAnswerIsNotRetriedOnTheThrottlingBudget(String operation, String mode, long atMost)
            throws Exception {
        Run run = scan(new Faults.ResponseRule("organizations", operation, null, null, ResponseMode.of(mode), null));

        assertThat(run.result().exitCode()).as(run.result().all()).isEqualTo(2);
        List<String> lines = run.result().err().lines().filter(line -> line.contains(operation)).toList();
        assertThat(lines).as(run.result().err()).hasSize(1);
        assertThat(run.result().startLine()).isEqualTo(lines.get(0));
        assertThat(lines.get(0)).contains("scan cannot start").contains("organizations:" + operation)
                .doesNotContain("check the credentials");
        assertThat(run.result().err()).doesNotContain("	at ");
        assertThat(run.faultedCalls()).as("attempts of " + operation).isBetween(4L, atMost);
        assertThat(run.took()).isLessThan(Duration.ofSeconds(15));
        System.out.printf("HostileAnswersTest Organizations %s %s: %d ms, %d attempts; %s%n", operation, mode,
                run.took().toMillis(), run.faultedCalls(), lines.get(0));
    }

    /**
     * A start-up or listing call: one line naming the call and the fault, exit 2, no report. (Unparsable
     * Organizations answers: {@link #anUnparsableOrganizationsAnswerIsNotRetriedOnTheThrottlingBudget}.)
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "sts, GetCallerIdentity, empty",
            "sts, GetCallerIdentity, empty-object",
            "sts, GetCallerIdentity, malformed",
            "sts, GetCallerIdentity, truncated",
            "sts, GetCallerIdentity, html-502",
            "organizations, DescribeOrganization, empty",
            "organizations, DescribeOrganization, empty-object",
            "organizations, ListRoots, empty",
            "organizations, ListRoots, empty-object",
            "organizations, ListAccountsForParent, empty",
            "organizations, ListAccountsForParent, empty-object",
            "organizations, ListOrganizationalUnitsForParent, empty-object"})
    void aSpoiledStartUpCallStopsTheScanWithOneLine(String service, String operation, String mode) throws Exception {
        Run run = scan(new Faults.ResponseRule(service, operation, null, null, ResponseMode.of(mode), null));

        assertThat(run.result().exitCode()).as(run.result().all()).isEqualTo(2);
        List<String> lines = run.result().err().lines().filter(line -> line.contains(operation)).toList();
        assertThat(lines).as(run.result().err()).hasSize(1);
        assertThat(run.result().startLine()).isEqualTo(lines.get(0));
        assertThat(run.result().err()).doesNotContain("\tat ");
        // A proxy's HTML 502 is the endpoint's or the proxy's failure; a body AWS never sends, something
        // between answering in its place: neither is the credentials'.
        assertThat(lines.get(0)).contains("scan cannot start")
                .contains(mode.startsWith("html-") ? "a proxy on the way failed" : "not one AWS sends");
        // The folder is made (and probed) before the scan starts; nothing is written into it.
        if (Files.exists(run.out())) {
            assertThat(run.out()).isEmptyDirectory();
        }
        assertThat(run.took()).isLessThan(START_UP_BOUND);
        System.out.printf("HostileAnswersTest %s %s: %d ms; %s%n", operation, mode, run.took().toMillis(), lines.get(0));
    }
}

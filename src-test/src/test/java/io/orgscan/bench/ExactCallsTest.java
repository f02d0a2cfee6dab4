package io.orgscan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.cli.CliContext;
import io.orgscan.cli.Orgscan;
import io.orgscan.simulator.AwsSimulator;
import io.orgscan.simulator.scenario.PageSizes;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.scenario.SyntheticOrganization;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The benchmark's quality bar "calls made equal C exactly", kept in the fast build: a synthetic
 * organization scanned in-process, with tiny pages so every listing paginates, makes exactly the
 * calls {@link ExpectedCalls} works out from the scenario (per operation, per calling account, and
 * ListAnalyzers per account and region), whatever the parallelism.
 */
class ExactCallsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {1, 64})
    void aScanMakesExactlyTheCallsTheOrganizationNeeds(int parallel) throws Exception {
        Scenario scenario = SyntheticOrganization.generate(7, 30, 6).withPageSizes(new PageSizes(3, 1));
        ExpectedCalls expected = ExpectedCalls.of(scenario, scenario.managementAccountId());
        try (AwsSimulator simulator = AwsSimulator.start(scenario, 0, 0)) {
            int exit = scan(simulator, scenario, "--max-parallel", Integer.toString(parallel));

            assertThat(exit).isEqualTo(3);
            SimulatorProcess.Stats made = SimulatorProcess.Stats.of(simulator.stats());
            assertThat(expected.differences(made)).isEmpty();
            assertThat(made.total()).isEqualTo(expected.total());
        }
    }

    /** With the SCP reads: one ListPolicies page per 3 policies, a DescribePolicy each, the region deny's targets. */
    @Test
    void readingTheScpsAddsExactlyThePolicyCalls() throws Exception {
        Scenario scenario = SyntheticOrganization.generate(7, 30, 6).withPageSizes(new PageSizes(3, 1));
        ExpectedCalls without = ExpectedCalls.of(scenario, scenario.managementAccountId());
        ExpectedCalls expected = ExpectedCalls.of(scenario, scenario.managementAccountId(), true);
        assertThat(expected.total() - without.total()).as("1 ListPolicies page, 2 DescribePolicy, 1 ListTargetsForPolicy")
                .isEqualTo(4);
        try (AwsSimulator simulator = AwsSimulator.start(scenario, 0, 0)) {
            int exit = scan(simulator, scenario, "--max-parallel", "64", "--scp-denied-regions", "not-applicable");

            assertThat(exit).isIn(0, 3);
            SimulatorProcess.Stats made = SimulatorProcess.Stats.of(simulator.stats());
            assertThat(expected.differences(made)).isEmpty();
            assertThat(java.nio.file.Files.readString(dir.resolve("scan.json")))
                    .contains("\"REGION_DENIED_BY_SCP\"").contains(SyntheticOrganization.REGION_DENY_ID);
        }
    }

    @Test
    void theFloorIsTheLargerOfThroughputAndTheLongestChain() {
        Scenario scenario = SyntheticOrganization.generate(7, 30, 6).withPageSizes(new PageSizes(3, 1));
        ExpectedCalls expected = ExpectedCalls.of(scenario, scenario.managementAccountId());

        assertThat(expected.floorSeconds(50, 1)).isEqualTo(expected.total() * 0.05, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(expected.floorSeconds(50, 100_000)).isEqualTo(expected.chain() * 0.05, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(expected.floorSeconds(0, 64)).isZero();
        // ListRoots, an OU page, an account page, AssumeRole, DescribeRegions, a ListAnalyzers page at least
        assertThat(expected.chain()).isGreaterThanOrEqualTo(6);
    }

    private int scan(AwsSimulator simulator, Scenario scenario, String... extra) {
        Scenario.Credentials credentials = scenario.credentials().get(0);
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", credentials.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey(), "AWS_REGION", "us-east-1");
        String[] args = new String[6 + extra.length];
        args[0] = "scan";
        args[1] = "--endpoint-url";
        args[2] = simulator.endpoint().toString();
        args[3] = "--out-dir";
        args[4] = dir.toString();
        args[5] = "--format=json";
        System.arraycopy(extra, 0, args, 6, extra.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            return new Orgscan(new CliContext(stream, stream, env, Clock.systemUTC(), false)).run(args);
        }
    }
}

package io.orgscan.e2e.report;

import static io.orgscan.e2e.report.RunFolderSwapTest.contents;
import static io.orgscan.e2e.report.RunFolderSwapTest.names;
import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.e2e.OrgscanInProcess;
import io.orgscan.report.folder.OutputFormat;
import io.orgscan.report.folder.ReportRenderer;
import io.orgscan.report.testkit.ScanFixture;
import io.orgscan.simulator.AwsSimulator;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.scenario.SyntheticOrganization;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * orgscan as a real child process ({@code java -cp <test classpath> io.orgscan.cli.Main}), stopped while
 * it writes the reports of a large scan: SIGTERM and SIGINT run the shutdown hook, a second run is
 * refused by the lock, and {@code kill -9}'s leftovers are removed by the next run.
 */
class RunFolderSignalsTest {
    @TempDir
    static Path shared;
    /** A scan large enough that its render takes seconds: 2,000 accounts x 20 regions. */
    static Path largeScan;

    @TempDir
    Path dir;
    Path out;
    Map<String, byte[]> before;
    Process child;

    /**
     * A scan.json large enough to take a while to render, and one that re-proves itself (orgscan report
     * refuses one that does not): a synthetic organization of 1,200 accounts x 34 regions scanned
     * through the simulator.
     */
    @BeforeAll
    static void largeScan() throws Exception {
        Scenario scenario = SyntheticOrganization.generate(42, 1_200, 40);
        Scenario.Credentials keys = scenario.credentials().get(0);
        try (AwsSimulator simulator = AwsSimulator.start(scenario, 0, 0)) {
            OrgscanInProcess.Result scan = OrgscanInProcess.run(Map.of("AWS_ACCESS_KEY_ID", keys.accessKeyId(),
                    "AWS_SECRET_ACCESS_KEY", keys.secretAccessKey(), "AWS_REGION", "us-east-1"), "scan",
                    "--endpoint-url", simulator.endpoint().toString(), "--out-dir", shared.resolve("scanned").toString(),
                    "--format=json");
            assertThat(scan.exitCode()).as(scan.all()).isIn(3, 4);
        }
        largeScan = shared.resolve("scanned").resolve("scan.json");
    }

    /** An earlier, complete report in the folder the child will write to. */
    @BeforeEach
    void earlierReport() throws Exception {
        out = dir.resolve("q3");
        ReportRenderer.render(ScanFixture.rich(), out, EnumSet.allOf(OutputFormat.class));
        before = contents(out);
    }

    @AfterEach
    void stopChild() throws Exception {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Starts {@code orgscan report LARGE --out-dir q3} and returns once its staging folder holds a file. */
    private Path startRenderAndWaitUntilItWrites() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), "io.orgscan.cli.Main",
                "report", largeScan.toString(), "--out-dir", out.toString());
        child = new ProcessBuilder(command).redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(child.isAlive()).as("orgscan ended before it was seen writing: " + stderr()).isTrue();
            Optional<Path> staging = RunFolderSwapTest.stagingFolder(dir, "q3");
            if (staging.isPresent() && !names(staging.get()).isEmpty()) {
                return staging.get();
            }
            Thread.sleep(5);
        }
        throw new AssertionError("orgscan was never seen writing");
    }

    private String stderr() throws Exception {
        return Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
    }

    private int waitForExit() throws Exception {
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("orgscan exited").isTrue();
        return child.exitValue();
    }

    private void assertPreviousReportUnchangedAndNothingLeftBeside() throws Exception {
        assertThat(names(out)).containsExactlyElementsOf(before.keySet());
        for (Map.Entry<String, byte[]> file : before.entrySet()) {
            assertThat(out.resolve(file.getKey())).as(file.getKey()).hasBinaryContent(file.getValue());
        }
        assertThat(names(dir)).as("no staging folder left").containsExactly(".q3.orgscan-lock", "q3", "stderr.txt",
                "stdout.txt");
    }

    @Test
    void sigtermWhileWritingLeavesThePreviousReportAndSaysSoInOneLine() throws Exception {
        startRenderAndWaitUntilItWrites();

        child.destroy(); // SIGTERM

        assertThat(waitForExit()).as(stderr()).isEqualTo(143);
        assertThat(stderr().strip()).isEqualTo("orgscan: stopped by a signal: nothing was written; the previous report in "
                + out + " is unchanged");
        assertPreviousReportUnchangedAndNothingLeftBeside();
    }

    @Test
    void aSecondRunIsRefusedByTheLockAndSigintStopsTheFirst() throws Exception {
        startRenderAndWaitUntilItWrites();

        OrgscanInProcess.Result second = OrgscanInProcess.run("report", RunFolderSwapTest.DEMO_SCAN, "--out-dir", out.toString());

        assertThat(second.exitCode()).as(second.err()).isEqualTo(5);
        assertThat(second.err().strip()).isEqualTo("orgscan: another orgscan run is writing to folder " + out
                + " (it holds .q3.orgscan-lock); nothing was written: run again when it has finished");
        assertThat(second.out()).isEmpty();

        assertThat(new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor()).isZero();

        assertThat(waitForExit()).as(stderr()).isEqualTo(130);
        assertThat(stderr().strip()).isEqualTo("orgscan: stopped by a signal: nothing was written; the previous report in "
                + out + " is unchanged");
        assertPreviousReportUnchangedAndNothingLeftBeside();
    }

    @Test
    void theStagingFolderOfARunKilledOutrightIsRemovedByTheNextRun() throws Exception {
        Path staging = startRenderAndWaitUntilItWrites();

        child.destroyForcibly(); // SIGKILL: no hook runs
        assertThat(waitForExit()).isEqualTo(137);
        assertThat(staging).as("kill -9 leaves the staging folder").isDirectory();
        assertThat(names(out)).containsExactlyElementsOf(before.keySet());

        OrgscanInProcess.Result next = OrgscanInProcess.run("report", RunFolderSwapTest.DEMO_SCAN, "--out-dir", out.toString());

        assertThat(next.exitCode()).as(next.err()).isEqualTo(4);
        assertThat(staging).doesNotExist();
        assertThat(names(dir)).containsExactly(".q3.orgscan-lock", "q3", "stderr.txt", "stdout.txt");
        assertThat(out.resolve("scan.json")).hasSameBinaryContentAs(Path.of(RunFolderSwapTest.DEMO_SCAN));
        RunFolderSwapTest.assertSumsMatch(out);
    }
}

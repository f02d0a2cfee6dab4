package io.orgscan.e2e.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scanner/target/orgscan, the launcher the README tells users to run, as the package phase builds it:
 * an integration test (maven-failsafe-plugin), run after the jars are packaged.
 */
class LauncherIT {
    static final Path LAUNCHER = Path.of("../scanner/target/orgscan").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void runsTheDemoWithTheClassDataArchiveTheBuildRecorded() throws Exception {
        Path classes = dir.resolve("classes.txt");
        Run run = run(List.of(LAUNCHER.toString(), "demo", "--out-dir", dir.resolve("demo").toString()),
                Map.of("JAVA_OPTS", "-Xlog:class+load:file=" + classes));

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(dir.resolve("demo/SHA256SUMS")).isRegularFile();
        assertThat(dir.resolve("demo/coverage.xlsx")).isRegularFile();
        // orgscan's own classes and the SDK's come from orgscan.jsa, not from the jar
        assertThat(Files.readString(classes))
                .contains("io.orgscan.cli.Main source: shared objects file")
                .contains("software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient source: shared objects file");
    }

    @Test
    void passesItsJvmOptionsThenJavaOptsWhichWin() throws Exception {
        Run run = run(List.of(LAUNCHER.toString(), "--version"),
                Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags -XX:TieredStopAtLevel=4"));

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("-XX:+UseSerialGC").contains("-XX:TieredStopAtLevel=4")
                .doesNotContain("-XX:TieredStopAtLevel=1 ").contains("orgscan ");
    }

    @Test
    void leavesTheOptimisingCompilerOnForReport() throws Exception {
        Run run = run(List.of(LAUNCHER.toString(), "report", "--help"), Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags"));

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("-XX:+UseSerialGC").doesNotContain("TieredStopAtLevel").contains("Usage");
    }

    @Test
    void worksThroughASymlinkAndPassesArgumentsAndTheExitCodeThrough() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("orgscan"), LAUNCHER);

        Run run = run(List.of(link.toString(), "scan", "--accounts", "not an id", "--out-dir", dir.resolve("x").toString()),
                Map.of());

        assertThat(run.exit()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("not an id").doesNotContain("Exception");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    record Run(int exit, String output) {
    }

    private Run run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.txt").toFile());
        builder.environment().remove("JAVA_OPTS");
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the launcher finished").isTrue();
        return new Run(process.exitValue(), Files.readString(dir.resolve("output.txt"), StandardCharsets.UTF_8));
    }
}

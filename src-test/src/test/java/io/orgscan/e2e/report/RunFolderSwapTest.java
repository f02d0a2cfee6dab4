package io.orgscan.e2e.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.e2e.OrgscanInProcess;
import io.orgscan.report.testkit.FileHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run folder is replaced as a whole (issue 13.4), through the command line in-process: a render
 * of fewer formats leaves no file of the earlier report, a folder of other files is refused, and a
 * scan whose folder cannot be written is saved where the message says and rendered later.
 * Signals, a second process and {@code kill -9} are in {@link RunFolderSignalsTest}.
 */
class RunFolderSwapTest {
    static final String DEMO_SCAN = SamplesDemoTest.DEMO.resolve("scan.json").toString();

    @TempDir
    Path dir;

    static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static Map<String, byte[]> contents(Path folder) throws Exception {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (String name : names(folder)) {
            contents.put(name, Files.readAllBytes(folder.resolve(name)));
        }
        return contents;
    }

    /** Every line of SHA256SUMS matches its file, and it lists every other file of the folder. */
    static void assertSumsMatch(Path folder) throws Exception {
        List<String> lines = Files.readAllLines(folder.resolve("SHA256SUMS"));
        for (String line : lines) {
            String name = line.substring(66);
            assertThat(FileHash.sha256(folder.resolve(name))).as(name).isEqualTo(line.substring(0, 64));
        }
        assertThat(lines).hasSize(names(folder).size() - 1);
    }

    @Test
    void formatJsonOverAnOldFullReportLeavesOnlyTheNewFiles() throws Exception {
        Path out = dir.resolve("q3");
        assertThat(OrgscanInProcess.run("report", DEMO_SCAN, "--out-dir", out.toString()).exitCode()).isEqualTo(4);
        assertThat(names(out)).as("the default formats and the manifest and sums").hasSize(10);

        OrgscanInProcess.Result json = OrgscanInProcess.run("report", DEMO_SCAN, "--format", "json", "--out-dir", out.toString());

        assertThat(json.exitCode()).as(json.err()).isEqualTo(4);
        assertThat(names(out)).containsExactly("SHA256SUMS", "run_manifest.json", "scan.json");
        assertSumsMatch(out);
        assertThat(names(dir)).as("no staging or set-aside folder left").containsExactly(".q3.orgscan-lock", "q3");
    }

    @Test
    void aFolderHoldingOtherFilesIsRefusedWithOneLineAndLeftUntouched() throws Exception {
        Path out = Files.createDirectory(dir.resolve("home"));
        Files.writeString(out.resolve("notes.txt"), "not a report");
        Files.writeString(out.resolve("findings.csv"), "an older findings.csv");

        for (String command : List.of("report", "demo")) {
            OrgscanInProcess.Result result = command.equals("report")
                    ? OrgscanInProcess.run("report", DEMO_SCAN, "--out-dir", out.toString())
                    : OrgscanInProcess.run("demo", "--out-dir", out.toString());

            assertThat(result.exitCode()).as(command).isEqualTo(2);
            assertThat(result.err().strip()).as(command).isEqualTo("orgscan: --out-dir: refusing to write to folder " + out
                    + ": it holds files that are not part of an orgscan report (notes.txt), and a new report replaces "
                    + "the whole folder; choose a new or empty folder");
            assertThat(result.out()).as(command).isEmpty();
            assertThat(names(out)).containsExactly("findings.csv", "notes.txt");
            assertThat(names(dir)).as("nothing created beside it").containsExactly("home");
        }
    }

    @Test
    void aScanWhoseFolderCannotBeWrittenIsSavedAndRenderedLater() throws Exception {
        Path out = dir.resolve("q3");
        // The demo scan is slowed so the fault can be put in place while it runs: a folder in the
        // way of findings.csv inside the staging folder, an I/O error root cannot bypass (chmod can).
        CompletableFuture<OrgscanInProcess.Result> demo = CompletableFuture.supplyAsync(
                () -> OrgscanInProcess.run("demo", "--latency-ms", "25", "--out-dir", out.toString()));
        Path staging = waitForStaging(dir, "q3", demo);
        Files.createDirectory(staging.resolve("findings.csv"));
        OrgscanInProcess.Result result = demo.get(120, TimeUnit.SECONDS);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        Path saved = Path.of(System.getProperty("java.io.tmpdir")).resolve("orgscan-scan-" + scanId(result.out()) + ".json");
        try {
            assertThat(result.out()).contains("cells: ").contains("control result: ")
                    .contains("wrote: no report (the run folder could not be written)")
                    .contains("saved: " + saved)
                    .contains("; no report was written (exit 2)");
            assertThat(result.err()).contains("orgscan: cannot write " + out.resolve("findings.csv")
                            + ": a file or folder of that name is in the way")
                    .contains("orgscan: the scan is saved as " + saved + "; render its reports with: orgscan report "
                            + saved + " --out-dir " + out)
                    .doesNotContain("\tat ");
            assertThat(out).doesNotExist();
            assertThat(names(dir)).containsExactly(".q3.orgscan-lock");
            assertThat(Files.getPosixFilePermissions(saved)).as("it names every account: its owner's only")
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

            OrgscanInProcess.Result later = OrgscanInProcess.run("report", saved.toString(), "--out-dir", out.toString());

            assertThat(later.exitCode()).as(later.err()).isEqualTo(4);
            assertThat(names(out)).as("the default formats and the manifest and sums").hasSize(10);
            assertThat(out.resolve("scan.json")).hasSameBinaryContentAs(saved);
            assertSumsMatch(out);
        } finally {
            Files.deleteIfExists(saved);
        }
    }

    private static String scanId(String summary) {
        return summary.lines().filter(l -> l.startsWith("scan ")).findFirst().orElseThrow().split(" ")[1];
    }

    /** The staging folder of a run into {@code parent/name}, once it exists. */
    static Path waitForStaging(Path parent, String name, CompletableFuture<?> run) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(run).as("the run ended before its staging folder was seen").isNotDone();
            Optional<Path> staging = stagingFolder(parent, name);
            if (staging.isPresent()) {
                return staging.get();
            }
            Thread.sleep(2);
        }
        throw new AssertionError("no staging folder appeared in " + parent);
    }

    static Optional<Path> stagingFolder(Path parent, String name) throws Exception {
        try (Stream<Path> siblings = Files.list(parent)) {
            return siblings.filter(p -> p.getFileName().toString().matches("\\." + name + "\\.orgscan-staging-[0-9a-z]+"))
                    .findFirst();
        }
    }
}

package io.orgscan.e2e.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.e2e.OrgscanInProcess;
import io.orgscan.report.evidence.RunFile;
import io.orgscan.report.folder.OutputFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * samples/demo is what the code produces today: re-rendering its scan.json with {@code orgscan report}
 * gives every other file of the folder again, byte for byte, the workbook included. (The scan itself
 * cannot be repeated: its id and times differ per run.) When this fails after a deliberate change of
 * the outputs, regenerate the samples with the documented command:
 * {@code ./mvnw -q -DskipTests package && java -jar scanner/target/orgscan.jar demo --format }{@link #ALL_FORMATS}
 * {@code --out-dir samples/demo}: every format, the ones outside the default set included.
 */
class SamplesDemoTest {
    static final Path DEMO = Path.of("..", "samples", "demo");
    /** Every {@code --format}, so that the sample shows every file a run folder can hold. */
    static final String ALL_FORMATS = Arrays.stream(OutputFormat.values()).map(f -> f.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(","));

    @TempDir
    Path dir;

    @Test
    void reRenderingTheSampleScanGivesTheSampleFilesByteForByte() throws Exception {
        assertThat(DEMO.resolve("scan.json")).as("samples/demo is missing: regenerate it").exists();
        Path out = dir.resolve("demo");

        OrgscanInProcess.Result result = OrgscanInProcess.run("report", DEMO.resolve("scan.json").toString(), "--format", ALL_FORMATS,
                "--out-dir", out.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(4);
        // In writing order, so that a failure names the first file that differs, not a hash list after it.
        List<String> written = Arrays.stream(RunFile.values()).map(RunFile::fileName).toList();
        assertThat(names(DEMO)).containsExactlyInAnyOrderElementsOf(written);
        assertThat(names(out)).containsExactlyInAnyOrderElementsOf(written);
        for (String name : written) {
            assertThat(out.resolve(name)).as(name + " differs from samples/demo: regenerate the samples")
                    .hasSameBinaryContentAs(DEMO.resolve(name));
        }
    }

    /**
     * samples/demo-exceptions.csv, the README's example register, fits the demo organization: each of its
     * kinds of entry shows (one applying to a whole account, one to a region, one to a finding, one
     * expired, one orphan), and it never changes a status or the exit code.
     */
    @Test
    void theSampleRegisterAppliesToTheDemoScanWithEveryKindOfEntry() throws Exception {
        Path out = dir.resolve("with-register");
        OrgscanInProcess.Result result = OrgscanInProcess.run("report", DEMO.resolve("scan.json").toString(),
                "--exceptions", DEMO.resolveSibling("demo-exceptions.csv").toString(), "--out-dir", out.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(4);
        var rows = io.orgscan.report.testkit.CsvReader.parse(out.resolve("findings.csv"));
        var before = io.orgscan.report.testkit.CsvReader.parse(DEMO.resolve("findings.csv"));
        assertThat(rows).hasSameSizeAs(before);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).get("status")).isEqualTo(before.get(i).get("status"));
        }
        assertThat(rows.stream().map(r -> r.get("exception_disposition")).filter(d -> !d.isEmpty()).distinct())
                .containsExactlyInAnyOrder("RISK_ACCEPTED", "REMEDIATE", "FALSE_POSITIVE");
        var control = io.orgscan.report.testkit.CsvReader.parse(out.resolve("control_result.csv")).get(0);
        assertThat(Long.parseLong(control.get("rows_non_compliant_with_exception"))).isPositive();
        assertThat(Long.parseLong(control.get("rows_non_compliant_without_exception"))).isPositive();
        assertThat(result.out()).contains("exceptions:");
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

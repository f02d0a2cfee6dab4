package io.orgscan.report.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.orgscan.model.ScanResult;
import io.orgscan.report.json.ScanJson;
import io.orgscan.report.testkit.ScanFixture;
import io.orgscan.report.xlsx.SheetWriter;
import io.orgscan.report.xlsx.WorkbookWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportRendererTest {
    static final List<String> ALL_FILES = List.of("scan.json", "findings.csv", "accounts.csv", "errors.csv",
            "data_dictionary.csv", "findings.ocsf.json", "findings.asff.json", "junit.xml", "coverage.xlsx",
            "control_result.csv", "run_manifest.json", "SHA256SUMS");

    @TempDir
    Path temp;
    /** A run folder, empty at the start of each test; its lock file sits beside it, in {@link #temp}. */
    Path dir;

    @BeforeEach
    void emptyRunFolder() throws IOException {
        dir = Files.createDirectory(temp.resolve("run"));
    }

    static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheRunFolderInHashOrder() throws Exception {
        Path out = dir.resolve("q3");
        List<Path> written = ReportRenderer.render(ScanFixture.rich(), out, EnumSet.allOf(OutputFormat.class));

        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactlyElementsOf(ALL_FILES);
        assertThat(written).allSatisfy(file -> assertThat(file.getParent()).isEqualTo(out));
        assertThat(names(out)).containsExactlyInAnyOrderElementsOf(ALL_FILES);
        assertThat(written).allSatisfy(file -> assertThat(Files.size(file)).isPositive());
    }

    @Test
    void csvMeansEveryCsvAndTheManifestAndSumsAreAlwaysWritten() throws Exception {
        List<Path> written = ReportRenderer.render(ScanFixture.rich(), dir, Set.of(OutputFormat.XLSX, OutputFormat.CSV));
        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly("findings.csv", "accounts.csv",
                "errors.csv", "data_dictionary.csv", "coverage.xlsx", "control_result.csv", "run_manifest.json",
                "SHA256SUMS");

        Path json = dir.resolve("json");
        assertThat(ReportRenderer.render(ScanFixture.rich(), json, Set.of(OutputFormat.JSON)))
                .extracting(p -> p.getFileName().toString()).containsExactly("scan.json", "run_manifest.json", "SHA256SUMS");
    }

    @Test
    void aRenderOfOneFormatOverAFullReportLeavesOnlyItsOwnFiles() throws Exception {
        ReportRenderer.render(ScanFixture.rich(), dir, EnumSet.allOf(OutputFormat.class));

        ReportRenderer.render(ScanFixture.rich(), dir, Set.of(OutputFormat.JSON));

        assertThat(names(dir)).containsExactly("SHA256SUMS", "run_manifest.json", "scan.json");
        assertThat(names(temp)).containsExactly(".run.orgscan-lock", "run");
    }

    @Test
    void nothingToWriteIsACallersMistake() {
        assertThatThrownBy(() -> ReportRenderer.render(ScanFixture.rich(), dir, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOutputFolderThatIsAFileIsAReportWriteException() throws IOException {
        Path file = Files.writeString(dir.resolve("out"), "x");
        assertThatThrownBy(() -> ReportRenderer.render(ScanFixture.rich(), file, EnumSet.allOf(OutputFormat.class)))
                .isInstanceOf(ReportWriteException.class)
                .hasMessage("cannot write to folder " + file + ": it is a file, not a folder");
    }

    @Test
    void aWorkbookThatFailsHalfWayLeavesThePreviousRunUntouchedAndNoTemporaryFile() throws Exception {
        ReportRenderer.render(ScanFixture.rich(), dir, EnumSet.allOf(OutputFormat.class));
        byte[][] before = new byte[ALL_FILES.size()][];
        for (int i = 0; i < ALL_FILES.size(); i++) {
            before[i] = Files.readAllBytes(dir.resolve(ALL_FILES.get(i)));
        }

        ScanResult other = ScanFixture.builder().scanId("another").regions("us-east-1").account("012345678901", "A").build();
        SheetWriter diskFull = (input, workbook) -> {
            throw new UncheckedIOException(new IOException("No space left on device"));
        };
        assertThatThrownBy(() -> ReportRenderer.render(other, dir, EnumSet.allOf(OutputFormat.class),
                RenderOptions.defaults(), new WorkbookWriter(List.of(diskFull))))
                .isInstanceOf(ReportWriteException.class)
                .hasMessage("cannot write " + dir.resolve("coverage.xlsx") + ": No space left on device");

        assertThat(names(dir)).containsExactlyInAnyOrderElementsOf(ALL_FILES);
        for (int i = 0; i < ALL_FILES.size(); i++) {
            assertThat(dir.resolve(ALL_FILES.get(i))).as(ALL_FILES.get(i)).hasBinaryContent(before[i]);
        }
    }

    @Test
    void renderingTwiceGivesTheSameBytesForEveryFile() throws Exception {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        ReportRenderer.render(ScanFixture.rich(), first, EnumSet.allOf(OutputFormat.class));
        ReportRenderer.render(ScanFixture.rich(), second, EnumSet.allOf(OutputFormat.class));

        for (String name : ALL_FILES) {
            assertThat(second.resolve(name)).as(name).hasSameBinaryContentAs(first.resolve(name));
        }
    }

    @Test
    void reRenderingFromScanJsonReproducesEveryOutput() throws Exception {
        Path scan = dir.resolve("scan");
        Path report = dir.resolve("report");
        ReportRenderer.render(ScanFixture.hostile(), scan, EnumSet.allOf(OutputFormat.class));

        ScanResult read = ScanJson.read(scan.resolve("scan.json"));
        ReportRenderer.render(read, report, EnumSet.allOf(OutputFormat.class));

        for (String name : ALL_FILES) {
            assertThat(report.resolve(name)).as(name).hasSameBinaryContentAs(scan.resolve(name));
        }
    }

    /** Scale smoke test: 2,000 accounts x 35 regions, every format. The 10,000-account run is a benchmark. */
    @Test
    void rendersTwoThousandAccountsByThirtyFiveRegionsQuickly() throws Exception {
        ScanResult result = ScanFixture.large(2_000, 35);
        int cells = 2_000 * 35;

        List<Path> written = assertTimeoutPreemptively(Duration.ofSeconds(90),
                () -> ReportRenderer.render(result, dir, EnumSet.allOf(OutputFormat.class)));

        assertThat(written).hasSize(ALL_FILES.size());
        try (BufferedReader csv = Files.newBufferedReader(dir.resolve("findings.csv"), StandardCharsets.UTF_8)) {
            assertThat(csv.lines().count()).isEqualTo(1 + cells);
        }
        try (BufferedReader ocsf = Files.newBufferedReader(dir.resolve("findings.ocsf.json"), StandardCharsets.UTF_8)) {
            assertThat(ocsf.lines().count()).as("[, one line per event, ]").isEqualTo(2 + cells);
        }
        Path xlsx = dir.resolve("coverage.xlsx");
        assertThat(rowsInSheet(xlsx, "xl/worksheets/sheet7.xml")).as("Findings").isEqualTo(1 + cells);
        assertThat(rowsInSheet(xlsx, "xl/worksheets/sheet8.xml")).as("Matrix").isEqualTo(2 + 2_000);
        assertThat(ScanJson.read(dir.resolve("scan.json")).matrix().cells()).hasSize(cells);
        assertThat(Files.readString(dir.resolve("run_manifest.json"))).doesNotContain("\"FAIL\"");
    }

    /** Counts {@code <row>} elements by streaming the part: a big sheet is never loaded whole. */
    static long rowsInSheet(Path xlsx, String part) throws IOException, XMLStreamException {
        try (InputStream file = Files.newInputStream(xlsx); ZipInputStream zip = new ZipInputStream(file)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals(part)) {
                    XMLStreamReader xml = XMLInputFactory.newInstance().createXMLStreamReader(zip);
                    long rows = 0;
                    while (xml.hasNext()) {
                        if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                            rows++;
                        }
                    }
                    return rows;
                }
            }
        }
        throw new AssertionError("no part " + part);
    }
}

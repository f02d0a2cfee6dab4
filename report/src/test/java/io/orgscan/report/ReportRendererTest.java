package io.orgscan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.orgscan.model.ScanResult;
import io.orgscan.report.json.ScanJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportRendererTest {
    @TempDir
    Path dir;

    private List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesEveryRequestedFileUnderItsFixedNameInAFixedOrder() throws Exception {
        Path out = dir.resolve("q3");
        List<Path> written = ReportRenderer.render(ScanFixture.rich(), out, EnumSet.allOf(OutputFormat.class));

        assertThat(written).containsExactly(out.resolve("scan.json"), out.resolve("findings.csv"),
                out.resolve("coverage.xlsx"));
        assertThat(names(out)).containsExactlyInAnyOrder("scan.json", "findings.csv", "coverage.xlsx");
        assertThat(written).allSatisfy(file -> assertThat(Files.size(file)).isPositive());
    }

    @Test
    void writesOnlyWhatIsAsked() throws Exception {
        List<Path> written = ReportRenderer.render(ScanFixture.rich(), dir, Set.of(OutputFormat.XLSX, OutputFormat.CSV));
        assertThat(written).containsExactly(dir.resolve("findings.csv"), dir.resolve("coverage.xlsx"));
        assertThat(names(dir)).containsExactly("coverage.xlsx", "findings.csv");
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
        byte[] json = Files.readAllBytes(dir.resolve("scan.json"));
        byte[] csv = Files.readAllBytes(dir.resolve("findings.csv"));
        byte[] xlsx = Files.readAllBytes(dir.resolve("coverage.xlsx"));

        ScanResult other = ScanFixture.builder().scanId("another").regions("us-east-1").account("012345678901", "A").build();
        assertThatThrownBy(() -> ReportRenderer.render(other, dir, EnumSet.allOf(OutputFormat.class), (format, result) ->
                format == OutputFormat.XLSX
                        ? out -> {
                            out.write(new byte[50_000]);
                            throw new IOException("No space left on device");
                        }
                        : out -> out.write(format.name().getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(ReportWriteException.class)
                .hasMessage("cannot write " + dir.resolve("coverage.xlsx") + ": No space left on device");

        assertThat(names(dir)).containsExactly("coverage.xlsx", "findings.csv", "scan.json");
        assertThat(dir.resolve("scan.json")).hasBinaryContent(json);
        assertThat(dir.resolve("findings.csv")).hasBinaryContent(csv);
        assertThat(dir.resolve("coverage.xlsx")).hasBinaryContent(xlsx);
    }

    @Test
    void renderingTwiceGivesTheSameBytes() throws Exception {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        ReportRenderer.render(ScanFixture.rich(), first, EnumSet.allOf(OutputFormat.class));
        ReportRenderer.render(ScanFixture.rich(), second, EnumSet.allOf(OutputFormat.class));

        for (OutputFormat format : OutputFormat.values()) {
            assertThat(second.resolve(format.fileName())).as(format.fileName())
                    .hasSameBinaryContentAs(first.resolve(format.fileName()));
        }
    }

    @Test
    void reRenderingFromScanJsonReproducesEveryOutput() throws Exception {
        Path scan = dir.resolve("scan");
        Path report = dir.resolve("report");
        ReportRenderer.render(ScanFixture.hostile(), scan, EnumSet.allOf(OutputFormat.class));

        ScanResult read = ScanJson.read(scan.resolve("scan.json"));
        ReportRenderer.render(read, report, EnumSet.allOf(OutputFormat.class));

        for (OutputFormat format : OutputFormat.values()) {
            assertThat(report.resolve(format.fileName())).as(format.fileName())
                    .hasSameBinaryContentAs(scan.resolve(format.fileName()));
        }
    }

    /** Scale smoke test: 2,000 accounts x 35 regions, every format. The 10,000-account run is a benchmark. */
    @Test
    void rendersTwoThousandAccountsByThirtyFiveRegionsQuickly() throws Exception {
        ScanResult result = ScanFixture.large(2_000, 35);
        int cells = 2_000 * 35;

        List<Path> written = assertTimeoutPreemptively(Duration.ofSeconds(90),
                () -> ReportRenderer.render(result, dir, EnumSet.allOf(OutputFormat.class)));

        assertThat(written).hasSize(3);
        try (BufferedReader csv = Files.newBufferedReader(dir.resolve("findings.csv"), StandardCharsets.UTF_8)) {
            assertThat(csv.lines().count()).isEqualTo(1 + cells);
        }
        assertThat(rowsInSheet(dir.resolve("coverage.xlsx"), "xl/worksheets/sheet1.xml")).isEqualTo(2 + 2_000);
        assertThat(rowsInSheet(dir.resolve("coverage.xlsx"), "xl/worksheets/sheet2.xml")).isEqualTo(1 + cells);
        assertThat(ScanJson.read(dir.resolve("scan.json")).matrix().cells()).hasSize(cells);
    }

    /** Counts {@code <row>} elements by streaming the part: a big sheet is never loaded whole. */
    private static long rowsInSheet(Path xlsx, String part) throws IOException, XMLStreamException {
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

package io.orgscan.e2e.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.orgscan.model.AccountRef;
import io.orgscan.model.AccountState;
import io.orgscan.model.Cell;
import io.orgscan.model.CellKey;
import io.orgscan.model.CoverageMatrix;
import io.orgscan.model.CoveragePolicy;
import io.orgscan.model.Reason;
import io.orgscan.model.RegionOptStatus;
import io.orgscan.model.ScanMetadata;
import io.orgscan.model.ScanResult;
import io.orgscan.report.folder.OutputFormat;
import io.orgscan.report.folder.ReportRenderer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spreadsheet program nobody here wrote opens the workbooks: LibreOffice converts the demo's
 * workbook (samples/demo) and one full of hostile account names to PDF, headless. When pdftotext is installed, the
 * PDFs' text is checked too: the sheets are there, and hostile names show as the text they are, not
 * as the results of formulas.
 *
 * <p>LibreOffice is Debian's {@code libreoffice-calc}, installed by {@code .ci/run}. Where it is
 * missing the test is skipped, except under CI (the {@code CI} variable set), where it fails: the
 * check must not silently stop running.
 */
class LibreOfficeTest {
    @TempDir
    Path dir;

    static Optional<String> libreOffice() {
        for (String name : List.of("libreoffice", "soffice")) {
            for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, name))) {
                    return Optional.of(Path.of(folder, name).toString());
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void libreOfficeOpensTheDemoAndTheHostileWorkbooks() throws Exception {
        Optional<String> office = libreOffice();
        if (office.isEmpty()) {
            if (System.getenv("CI") != null) {
                fail("CI is set but neither libreoffice nor soffice is on the PATH: install libreoffice-calc");
            }
            assumeTrue(false, "LibreOffice is not installed (Debian: apt-get install libreoffice-calc)");
        }
        Path demo = Files.copy(SamplesDemoTest.DEMO.resolve("coverage.xlsx"), dir.resolve("demo.xlsx"));
        ReportRenderer.render(hostileScan(), dir.resolve("hostile"), EnumSet.of(OutputFormat.XLSX));
        Path hostileCopy = Files.copy(dir.resolve("hostile").resolve("coverage.xlsx"), dir.resolve("hostile.xlsx"));
        Path pdfs = Files.createDirectories(dir.resolve("pdf"));

        List<String> command = new ArrayList<>(List.of(office.get(),
                "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--headless", "--norestore",
                "--convert-to", "pdf", "--outdir", pdfs.toString(), demo.toString(), hostileCopy.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("libreoffice.log").toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("LibreOffice did not finish within 5 minutes");
        }
        String log = Files.readString(dir.resolve("libreoffice.log"));
        assertThat(process.exitValue()).as(log).isZero();
        for (String name : List.of("demo.pdf", "hostile.pdf")) {
            Path pdf = pdfs.resolve(name);
            assertThat(pdf).as(name + "; LibreOffice said: " + log).exists();
            assertThat(Files.size(pdf)).as(name).isGreaterThan(10_000);
            assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }

        Optional<String> demoText = pdfToText(pdfs.resolve("demo.pdf"));
        demoText.ifPresent(text -> assertThat(text).contains("audit evidence", "Findings by status", "Decision table",
                "Account ID", "Reconciliation", "Prepared by"));
        pdfToText(pdfs.resolve("hostile.pdf")).ifPresent(text -> assertThat(text)
                .contains("'=HYPERLINK(\"http://x\",\"y\")", "'+SUM(1,2)", "'@SUM(A1:A2)", "Zürich"));
    }

    /** One account per hostile name, used as its name, its OU path and its finding's detail. */
    static ScanResult hostileScan() {
        List<AccountRef> accounts = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < HostileNamesTest.NAMES.size(); i++) {
            String id = String.format("3000000000%02d", i);
            String name = HostileNamesTest.NAMES.get(i);
            accounts.add(new AccountRef(id, name, "", AccountState.ACTIVE, name, false, false));
            cells.add(new Cell(new CellKey(id, "eu-west-1"), RegionOptStatus.OPT_IN_NOT_REQUIRED,
                    Reason.NO_EXTERNAL_ACCESS_ANALYZER, name, List.of(), null, null));
        }
        ScanMetadata scan = new ScanMetadata("hostile", Instant.parse("2026-01-02T03:04:05Z"),
                Instant.parse("2026-01-02T03:05:06Z"), "arn:aws:iam::300000000000:user/orgscan", "300000000000",
                "o-hostile0001", "300000000000", null, "aws", CoveragePolicy.ACCOUNT, "orgscan", "test", List.of());
        return new ScanResult(scan, new CoverageMatrix(accounts, List.of("eu-west-1"), cells), List.of());
    }

    /** The PDF's text, or empty if pdftotext (poppler-utils) is not installed. */
    private Optional<String> pdfToText(Path pdf) throws IOException, InterruptedException {
        Path text = dir.resolve(pdf.getFileName() + ".txt");
        Process process;
        try {
            process = new ProcessBuilder("pdftotext", "-layout", pdf.toString(), text.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            return Optional.empty();
        }
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return Optional.of(Files.readString(text));
    }
}

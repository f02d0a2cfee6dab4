package io.orgscan.report.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.orgscan.report.evidence.RunFile;
import io.orgscan.report.evidence.WrittenFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exports' own thread: what it wrote, its failure as the render's, and its end when the render fails first. */
class ExportsTest {
    @TempDir
    Path dir;

    @Test
    void theExportsAreWrittenInOrderWithTheirRowsAndHashes() throws Exception {
        Path out = dir.resolve("run");
        try (RunFolder folder = RunFolder.open(out);
             Exports exports = Exports.start(List.of(
                     new Exports.Export(RunFile.FINDINGS_OCSF_JSON, o -> write(o, "[\n]\n", 0)),
                     new Exports.Export(RunFile.JUNIT_XML, o -> write(o, "<testsuites/>\n", 7))), folder)) {
            assertThat(exports.names()).containsExactly("findings.ocsf.json", "junit.xml");
            List<WrittenFile> files = exports.files();
            assertThat(files).extracting(WrittenFile::name).containsExactly("findings.ocsf.json", "junit.xml");
            assertThat(files).extracting(WrittenFile::rows).containsExactly(0L, 7L);
            assertThat(exports.await()).isEqualTo(files);
            assertThat(exports.failure()).isEmpty();
            folder.commit();
        }
        assertThat(out.resolve("junit.xml")).hasContent("<testsuites/>");
    }

    @Test
    void aFailedExportIsReportedAsItsOwnFailureAndLeavesNoFile() throws Exception {
        Path out = dir.resolve("run");
        try (RunFolder folder = RunFolder.open(out);
             Exports exports = Exports.start(List.of(new Exports.Export(RunFile.FINDINGS_OCSF_JSON, o -> {
                 o.write("[\n".getBytes(StandardCharsets.UTF_8));
                 throw new IOException("No space left on device");
             })), folder)) {
            String message = "cannot write " + out.resolve("findings.ocsf.json") + ": No space left on device";
            assertThatThrownBy(exports::files).isInstanceOf(ReportWriteException.class).hasMessage(message);
            assertThat(exports.failure()).get().extracting(Throwable::getMessage).isEqualTo(message);
            // What the workbook sees while it waits for them: its write fails with the exports' reason.
            assertThatThrownBy(exports::await).isInstanceOf(IOException.class).hasMessage(message);
            assertThat(folder.commit()).isEmpty();
        }
    }

    @Test
    void closingStopsAnExportStillBeingWrittenAndWaitsForIt() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        try (RunFolder folder = RunFolder.open(dir.resolve("run"))) {
            Exports exports = Exports.start(List.of(new Exports.Export(RunFile.ASFF_JSON, o -> {
                writing.countDown();
                byte[] chunk = new byte[1 << 16];
                while (true) {
                    o.write(chunk);
                }
            })), folder);
            writing.await();
            assertThat(exports.failure()).as("not done yet").isEmpty();
            assertTimeoutPreemptively(Duration.ofSeconds(30), exports::close);
            assertThatThrownBy(exports::files).isInstanceOf(ReportWriteException.class);
        }
    }

    private static long write(java.io.OutputStream out, String text, long rows) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        return rows;
    }
}

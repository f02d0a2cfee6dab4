package io.orgscan.report.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private static AtomicFiles.Content text(String value) {
        return out -> out.write(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes some bytes, then fails: the half-written file must not survive. */
    private static AtomicFiles.Content failingHalfWay() {
        return out -> {
            out.write("half a report".getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw new IOException("disk full");
        };
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheFileAndLeavesNoTemporaryFile() throws Exception {
        Path written = AtomicFiles.write(dir.resolve("a.txt"), text("hello"));

        assertThat(written).isEqualTo(dir.resolve("a.txt"));
        assertThat(Files.readString(written)).isEqualTo("hello");
        assertThat(names()).containsExactly("a.txt");
    }

    @Test
    void aWriterThatFailsHalfWayLeavesNeitherATemporaryNorAPartialFile() {
        assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("coverage.xlsx"), failingHalfWay()))
                .isInstanceOf(ReportWriteException.class)
                .hasMessage("cannot write " + dir.resolve("coverage.xlsx") + ": disk full");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aWriterThatThrowsAnUncheckedExceptionLeavesNothingAndTheExceptionPropagates() {
        AtomicFiles.Content bug = out -> {
            out.write(new byte[100_000]);
            throw new IllegalStateException("bug");
        };
        assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("x.csv"), bug)).isInstanceOf(IllegalStateException.class);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aFailedWriteKeepsThePreviousFileIntact() throws Exception {
        Files.writeString(dir.resolve("findings.csv"), "previous run");

        assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("findings.csv"), failingHalfWay()))
                .isInstanceOf(ReportWriteException.class);
        assertThat(Files.readString(dir.resolve("findings.csv"))).isEqualTo("previous run");
        assertThat(names()).containsExactly("findings.csv");
    }

    @Test
    void replacesAnExistingFile() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "old, and longer than the new content");
        AtomicFiles.write(dir.resolve("a.txt"), text("new"));
        assertThat(Files.readString(dir.resolve("a.txt"))).isEqualTo("new");
    }

    @Test
    void aBatchCommitsNothingWhenItsLastFileFails() throws Exception {
        Files.writeString(dir.resolve("scan.json"), "old json");

        assertThatThrownBy(() -> {
            try (AtomicFiles files = AtomicFiles.in(dir)) {
                files.stage("scan.json", text("new json"));
                files.stage("findings.csv", text("new csv"));
                files.stage("coverage.xlsx", failingHalfWay());
                files.commit();
            }
        }).isInstanceOf(ReportWriteException.class);

        assertThat(names()).containsExactly("scan.json");
        assertThat(Files.readString(dir.resolve("scan.json"))).isEqualTo("old json");
    }

    @Test
    void aBatchNotCommittedLeavesNoTemporaryFiles() throws Exception {
        try (AtomicFiles files = AtomicFiles.in(dir)) {
            files.stage("a.txt", text("a"));
            assertThat(names()).singleElement().asString().startsWith(".a.txt.").endsWith(".tmp");
        }
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aBatchCommitsInStagingOrder() throws Exception {
        try (AtomicFiles files = AtomicFiles.in(dir)) {
            files.stage("b.txt", text("b"));
            files.stage("a.txt", text("a"));
            assertThat(files.commit()).containsExactly(dir.resolve("b.txt"), dir.resolve("a.txt"));
        }
        assertThat(names()).containsExactly("a.txt", "b.txt");
    }

    @Test
    void aWriterMayCloseTheStream() throws Exception {
        AtomicFiles.write(dir.resolve("a.txt"), out -> {
            try (OutputStream closing = out) {
                closing.write('x');
            }
        });
        assertThat(Files.readString(dir.resolve("a.txt"))).isEqualTo("x");
    }

    @Test
    void createsAMissingFolderAndItsParents() throws Exception {
        Path nested = dir.resolve("runs/2025-Q3");
        AtomicFiles.write(nested.resolve("a.txt"), text("a"));
        assertThat(nested.resolve("a.txt")).hasContent("a");
    }

    @Test
    void aFolderThatIsAFileIsAReportWriteExceptionNamingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("out"), "I am a file");
        assertThatThrownBy(() -> AtomicFiles.in(file))
                .isInstanceOf(ReportWriteException.class)
                .hasMessage("cannot write to folder " + file + ": it is a file, not a folder");
    }

    @Test
    void aFolderWhoseParentIsAFileIsAReportWriteExceptionNamingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("out"), "I am a file");
        Path folder = file.resolve("reports");
        assertThatThrownBy(() -> AtomicFiles.in(folder))
                .isInstanceOf(ReportWriteException.class)
                .hasMessage("cannot create folder " + folder + ": " + file + " is a file, not a folder");
    }

    @Test
    void aFolderWithoutWritePermissionIsAReportWriteExceptionNamingIt() throws Exception {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(locked), "running as a user who ignores permissions (root)");
            assertThatThrownBy(() -> AtomicFiles.in(locked))
                    .isInstanceOf(ReportWriteException.class)
                    .hasMessage("cannot write to folder " + locked + ": permission denied");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aFileNameMustStayInTheFolder() throws Exception {
        try (AtomicFiles files = AtomicFiles.in(dir)) {
            assertThatThrownBy(() -> files.stage("../escape.txt", text("x"))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> files.stage("sub/x.txt", text("x"))).isInstanceOf(IllegalArgumentException.class);
        }
    }
}

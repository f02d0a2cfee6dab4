package io.orgscan.report.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {
    @TempDir
    Path dir;

    /** The run folder under test; its staging folder, lock and leftovers sit beside it, in {@link #dir}. */
    Path out() {
        return dir.resolve("q3");
    }

    private static RunFolder.Content text(String value) {
        return out -> out.write(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes some bytes, then fails: the half-written file must not survive. */
    private static RunFolder.Content failingHalfWay() {
        return out -> {
            out.write("half a report".getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw new IOException("disk full");
        };
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** An earlier full report in {@link #out()}, as far as names go. */
    private void earlierReport(String... names) throws IOException {
        Files.createDirectories(out());
        for (String name : names) {
            Files.writeString(out().resolve(name), "old " + name);
        }
    }

    private static List<Path> writeAll(Path folder, String... names) throws ReportWriteException {
        try (RunFolder run = RunFolder.open(folder)) {
            for (String name : names) {
                run.stage(name, text("new " + name));
            }
            return run.commit();
        }
    }

    @Test
    void writesTheFolderAndLeavesOnlyItAndItsLockBesideIt() throws Exception {
        List<Path> written = writeAll(out(), "scan.json", "SHA256SUMS");

        assertThat(written).containsExactly(out().resolve("scan.json"), out().resolve("SHA256SUMS"));
        assertThat(out().resolve("scan.json")).hasContent("new scan.json");
        assertThat(names(out())).containsExactly("SHA256SUMS", "scan.json");
        assertThat(names(dir)).containsExactly(".q3.orgscan-lock", "q3");
    }

    @Test
    void theNewFolderReplacesTheOldOneWholeLeavingNoOldFileBeside() throws Exception {
        earlierReport("scan.json", "findings.csv", "coverage.xlsx", "SHA256SUMS");

        writeAll(out(), "scan.json", "SHA256SUMS");

        assertThat(names(out())).containsExactly("SHA256SUMS", "scan.json");
        assertThat(out().resolve("scan.json")).hasContent("new scan.json");
        assertThat(names(dir)).containsExactly(".q3.orgscan-lock", "q3");
    }

    @Test
    void nothingIsVisibleInTheFolderUntilTheSwap() throws Exception {
        earlierReport("scan.json");
        try (RunFolder run = RunFolder.open(out())) {
            run.stage("scan.json", text("new"));
            run.stage("findings.csv", text("new"));
            assertThat(out().resolve("scan.json")).hasContent("old scan.json");
            assertThat(names(out())).containsExactly("scan.json");
            assertThat(names(dir)).hasSize(3).contains("q3", ".q3.orgscan-lock")
                    .anySatisfy(name -> assertThat(name).matches("\\.q3\\.orgscan-staging-[0-9a-z]+"));
            run.commit();
        }
        assertThat(names(out())).containsExactly("findings.csv", "scan.json");
    }

    @Test
    void aWriterThatFailsHalfWayLeavesThePreviousFolderAsItWasAndNoStagingFolder() throws Exception {
        earlierReport("scan.json", "findings.csv");

        assertThatThrownBy(() -> {
            try (RunFolder run = RunFolder.open(out())) {
                run.stage("scan.json", text("new json"));
                run.stage("coverage.xlsx", failingHalfWay());
                run.commit();
            }
        }).isInstanceOf(ReportWriteException.class).hasMessage("cannot write " + out().resolve("coverage.xlsx") + ": disk full");

        assertThat(names(out())).containsExactly("findings.csv", "scan.json");
        assertThat(out().resolve("scan.json")).hasContent("old scan.json");
        assertThat(names(dir)).containsExactly(".q3.orgscan-lock", "q3");
    }

    @Test
    void aWriterThatThrowsAnUncheckedExceptionLeavesNothingAndTheExceptionPropagates() throws Exception {
        RunFolder.Content bug = out -> {
            out.write(new byte[100_000]);
            throw new IllegalStateException("bug");
        };
        assertThatThrownBy(() -> {
            try (RunFolder run = RunFolder.open(out())) {
                run.stage("x.csv", bug);
            }
        }).isInstanceOf(IllegalStateException.class);
        assertThat(names(dir)).containsExactly(".q3.orgscan-lock");
    }

    @Test
    void aRunNotCommittedLeavesNoStagingFolder() throws Exception {
        try (RunFolder run = RunFolder.open(out())) {
            run.stage("a.txt", text("a"));
        }
        assertThat(names(dir)).containsExactly(".q3.orgscan-lock");
    }

    @Test
    void whenTheSecondRenameFailsThePreviousFolderIsPutBack() throws Exception {
        earlierReport("scan.json");
        AtomicInteger renames = new AtomicInteger();
        RunFolder.Renamer secondFails = (from, to) -> {
            if (renames.incrementAndGet() == 2) {
                throw new IOException("No space left on device");
            }
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        };

        assertThatThrownBy(() -> {
            try (RunFolder run = RunFolder.open(out(), secondFails)) {
                run.stage("scan.json", text("new"));
                run.commit();
            }
        }).isInstanceOf(ReportWriteException.class)
                .hasMessage("cannot put the new report in place as " + out() + ": No space left on device");

        assertThat(out().resolve("scan.json")).hasContent("old scan.json");
        assertThat(names(dir)).containsExactly(".q3.orgscan-lock", "q3");
    }

    @Test
    void aSecondRunIntoTheSameFolderIsRefusedWhileTheFirstHoldsIt() throws Exception {
        try (RunFolder first = RunFolder.open(out())) {
            assertThatThrownBy(() -> RunFolder.open(out()))
                    .isInstanceOf(FolderInUseException.class)
                    .hasMessage("another orgscan run is writing to folder " + out()
                            + " (it holds .q3.orgscan-lock); nothing was written: run again when it has finished");
            // the refused run did not release the first run's lock
            assertThatThrownBy(() -> RunFolder.open(out())).isInstanceOf(FolderInUseException.class);
            first.stage("scan.json", text("first"));
            first.commit();
        }
        writeAll(out(), "scan.json");
        assertThat(out().resolve("scan.json")).hasContent("new scan.json");
    }

    @Test
    void leftoversOfARunKilledOutrightAreRemovedByTheNextRun() throws Exception {
        earlierReport("scan.json");
        Files.createDirectories(dir.resolve(".q3.orgscan-staging-abc123").resolve("sub"));
        Files.writeString(dir.resolve(".q3.orgscan-staging-abc123/findings.csv"), "half");
        Files.createDirectories(dir.resolve(".q3.orgscan-old-zz9"));
        Files.writeString(dir.resolve(".q3.orgscan-old-zz9/scan.json"), "older");
        Files.createDirectories(dir.resolve(".q4.orgscan-staging-abc123"));
        Files.writeString(dir.resolve(".q3.orgscan-staging-not-ours"), "a file, and not our pattern");

        writeAll(out(), "scan.json");

        assertThat(names(dir)).containsExactly(".q3.orgscan-lock", ".q3.orgscan-staging-not-ours",
                ".q4.orgscan-staging-abc123", "q3");
        assertThat(out().resolve("scan.json")).hasContent("new scan.json");
    }

    @Test
    void aRunKilledBetweenItsTwoRenamesHasItsPreviousFolderPutBackByTheNextRun() throws Exception {
        Files.createDirectories(dir.resolve(".q3.orgscan-old-zz9"));
        Files.writeString(dir.resolve(".q3.orgscan-old-zz9/scan.json"), "previous");
        Files.createDirectories(dir.resolve(".q3.orgscan-staging-abc123"));

        try (RunFolder run = RunFolder.open(out())) {
            assertThat(out().resolve("scan.json")).hasContent("previous");
            assertThat(names(dir)).hasSize(3).contains(".q3.orgscan-lock", "q3");
        }
    }

    @Test
    void abandoningDeletesTheStagingFolderAndStopsTheRun() throws Exception {
        earlierReport("scan.json");
        try (RunFolder run = RunFolder.open(out())) {
            run.stage("scan.json", text("new"));

            assertThat(run.abandon()).isTrue();

            assertThat(run.abandoned()).isTrue();
            assertThat(names(dir)).containsExactly(".q3.orgscan-lock", "q3");
            assertThatThrownBy(() -> run.stage("findings.csv", text("x")))
                    .isInstanceOf(ReportWriteException.class).hasMessageContaining("the run was stopped");
            assertThatThrownBy(run::commit).isInstanceOf(ReportWriteException.class);
        }
        assertThat(out().resolve("scan.json")).hasContent("old scan.json");
    }

    @Test
    void abandoningAfterTheSwapChangesNothing() throws Exception {
        try (RunFolder run = RunFolder.open(out())) {
            run.stage("scan.json", text("new"));
            run.commit();
            assertThat(run.abandon()).isFalse();
            assertThat(run.committed()).isTrue();
        }
        assertThat(out().resolve("scan.json")).hasContent("new");
    }

    @Test
    void aFolderWithOtherFilesIsRefusedAndLeftUntouched() throws Exception {
        earlierReport("scan.json");
        Files.writeString(out().resolve("notes.txt"), "mine");
        Files.createDirectories(out().resolve("drafts"));

        assertThatThrownBy(() -> RunFolder.open(out()))
                .isInstanceOf(ReportWriteException.class)
                .hasMessage("refusing to write to folder " + out() + ": it holds files that are not part of an orgscan "
                        + "report (drafts/, notes.txt), and a new report replaces the whole folder; choose a new or empty folder");
        assertThat(names(out())).containsExactly("drafts", "notes.txt", "scan.json");
        assertThat(names(dir)).as("not even a lock file").containsExactly("q3");
    }

    @Test
    void aFileAddedToTheFolderWhileTheRunWritesIsNotSwappedAway() throws Exception {
        earlierReport("scan.json");
        try (RunFolder run = RunFolder.open(out())) {
            run.stage("scan.json", text("new"));
            Files.writeString(out().resolve("notes.txt"), "written meanwhile");

            assertThatThrownBy(run::commit).isInstanceOf(ReportWriteException.class)
                    .hasMessageStartingWith("refusing to write to folder " + out() + ": it holds files that are not part "
                            + "of an orgscan report (notes.txt)");
        }
        assertThat(names(out())).containsExactly("notes.txt", "scan.json");
        assertThat(out().resolve("scan.json")).hasContent("old scan.json");
        assertThat(names(dir)).containsExactly(".q3.orgscan-lock", "q3");
    }

    @Test
    void aFolderWithManyOtherFilesNamesThreeOfThem() throws Exception {
        Files.createDirectories(out());
        for (String name : List.of("a", "b", "c", "d", "e")) {
            Files.writeString(out().resolve(name), name);
        }
        assertThatThrownBy(() -> RunFolder.check(out())).hasMessageContaining("(a, b, c and 2 more)");
    }

    @Test
    void temporaryFilesOfEarlierVersionsAndAnEmptyFolderAreAcceptedAndGoWithTheSwap() throws Exception {
        earlierReport("scan.json", ".coverage.xlsx.3k2j1.tmp", ".orgscan-probe123456.tmp");
        writeAll(out(), "scan.json");
        assertThat(names(out())).containsExactly("scan.json");

        Path empty = Files.createDirectories(dir.resolve("empty"));
        writeAll(empty, "scan.json");
        assertThat(names(empty)).containsExactly("scan.json");
    }

    @Test
    void aSymbolicLinkToARunFolderKeepsPointingAtTheNewFolder() throws Exception {
        earlierReport("scan.json");
        Path link = Files.createSymbolicLink(dir.resolve("latest"), out());

        writeAll(link, "scan.json");

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(link.resolve("scan.json")).hasContent("new scan.json");
    }

    @Test
    void aWriterMayCloseTheStream() throws Exception {
        try (RunFolder run = RunFolder.open(out())) {
            run.stage("a.txt", out -> {
                try (OutputStream closing = out) {
                    closing.write('x');
                }
            });
            run.commit();
        }
        assertThat(out().resolve("a.txt")).hasContent("x");
    }

    @Test
    void createsMissingParentsAndTheFolderOnlyAtTheSwap() throws Exception {
        Path nested = dir.resolve("runs/2025/Q3");
        try (RunFolder run = RunFolder.open(nested)) {
            assertThat(nested).doesNotExist();
            assertThat(nested.getParent()).exists();
            run.stage("a.txt", text("a"));
            run.commit();
        }
        assertThat(nested.resolve("a.txt")).hasContent("a");
    }

    @Test
    void aFolderThatIsAFileIsAReportWriteExceptionNamingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("out"), "I am a file");
        assertThatThrownBy(() -> RunFolder.open(file))
                .isInstanceOf(ReportWriteException.class)
                .hasMessage("cannot write to folder " + file + ": it is a file, not a folder");
    }

    @Test
    void aFolderWhoseParentIsAFileIsAReportWriteExceptionNamingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("out"), "I am a file");
        Path folder = file.resolve("reports");
        assertThatThrownBy(() -> RunFolder.open(folder))
                .isInstanceOf(ReportWriteException.class)
                .hasMessage("cannot create folder " + folder + ": " + file + " is a file, not a folder");
    }

    @Test
    void aParentWithoutWritePermissionIsAReportWriteExceptionNamingIt() throws Exception {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(locked), "running as a user who ignores permissions (root)");
            assertThatThrownBy(() -> RunFolder.open(locked.resolve("q3")))
                    .isInstanceOf(ReportWriteException.class)
                    .hasMessage("cannot write to folder " + locked.resolve("q3") + ": permission denied on " + locked
                            + " (orgscan writes the new report beside the folder, then swaps it in)");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aFileNameMustStayInTheFolder() throws Exception {
        try (RunFolder run = RunFolder.open(out())) {
            assertThatThrownBy(() -> run.stage("../escape.txt", text("x"))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> run.stage("sub/x.txt", text("x"))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> run.stage("..", text("x"))).isInstanceOf(IllegalArgumentException.class);
        }
    }
}

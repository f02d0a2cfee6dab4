package io.orgscan.report;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The files of a render written before the workbook (scan.json and the CSVs), which the workbook's
 * Cover lists with their rows, sizes and SHA-256. The renderer writes them on another thread while
 * it writes the workbook: their names are known at once, and the Cover waits for the files
 * themselves only after every other sheet is written.
 */
public final class FilesBeforeWorkbook {
    private final List<String> names;
    private final Future<List<WrittenFile>> written;

    /**
     * @param names   the files' names, in writing order
     * @param written the files as written, the same names in the same order
     */
    public FilesBeforeWorkbook(List<String> names, Future<List<WrittenFile>> written) {
        this.names = List.copyOf(names);
        this.written = Objects.requireNonNull(written, "written");
    }

    /** Files written already (a workbook rendered on its own). */
    public static FilesBeforeWorkbook of(List<WrittenFile> files) {
        return new FilesBeforeWorkbook(files.stream().map(WrittenFile::name).toList(),
                CompletableFuture.completedFuture(List.copyOf(files)));
    }

    public List<String> names() {
        return names;
    }

    /**
     * Waits for the files.
     *
     * @throws IllegalStateException if writing them failed (the renderer reports that failure
     *                               itself) or the wait was interrupted
     */
    public List<WrittenFile> await() {
        List<WrittenFile> files;
        try {
            files = written.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the files before the workbook were not written", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the files before the workbook", e);
        }
        if (!files.stream().map(WrittenFile::name).toList().equals(names)) {
            throw new IllegalStateException("expected the files " + names + " before the workbook, got " + files);
        }
        return files;
    }
}

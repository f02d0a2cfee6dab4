package io.orgscan.report.folder;

import io.orgscan.report.evidence.RunFile;
import io.orgscan.report.evidence.WrittenFile;
import io.orgscan.report.xlsx.FilesBeside;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The exports for other tools (findings.ocsf.json, findings.asff.json, junit.xml), written in
 * {@link RunFile} order on a thread of their own while the calling thread writes scan.json, the CSVs
 * and the workbook. They read only the scan, and the workbook needs only their hashes, once its
 * sheets are written ({@link FilesBeside}). At 10,000 accounts they are about a gigabyte, whose
 * writing, hashing and flushing, one file after the other, added a fifth to the render
 * (docs/BENCHMARKS-formats.md). Their bytes do not depend on the thread. Closing stops the thread if
 * the render failed first, and waits for it: the staging folder must not go while it writes there.
 */
final class Exports implements FilesBeside, AutoCloseable {
    /** One export: its file, and what writes it and says how many rows (events, findings, cases) it holds. */
    record Export(RunFile file, Writer writer) {
    }

    @FunctionalInterface
    interface Writer {
        long write(OutputStream out) throws IOException;
    }

    private final List<String> names;
    private final ExecutorService thread;
    private final Future<List<WrittenFile>> written;

    private Exports(List<Export> exports, RunFolder folder) {
        this.names = exports.stream().map(export -> export.file().fileName()).toList();
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "orgscan-exports");
            t.setDaemon(true);
            return t;
        });
        this.written = thread.submit(() -> {
            List<WrittenFile> files = new ArrayList<>();
            for (Export export : exports) {
                long[] rows = new long[1];
                files.add(folder.stage(export.file().fileName(),
                        out -> rows[0] = export.writer().write(new Stoppable(out))).withRows(rows[0]));
            }
            return files;
        });
    }

    /** Starts writing {@code exports} (in {@link RunFile} order) into {@code folder}. */
    static Exports start(List<Export> exports, RunFolder folder) {
        return new Exports(exports, folder);
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public List<WrittenFile> await() throws IOException {
        try {
            return files();
        } catch (ReportWriteException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The exports as written; waits for them. */
    List<WrittenFile> files() throws ReportWriteException {
        try {
            return written.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportWriteException("interrupted while the exports were written", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ReportWriteException failure) {
                throw failure;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * The exports' own failure, if they have failed: a workbook that failed while it waited for them
     * reports theirs, the first.
     */
    Optional<ReportWriteException> failure() {
        if (!written.isDone()) {
            return Optional.empty();
        }
        try {
            files();
            return Optional.empty();
        } catch (ReportWriteException e) {
            return Optional.of(e);
        }
    }

    /**
     * Ends a write once the thread is interrupted ({@link #close}): a file's stream is not
     * interruptible itself, and an export of a large scan would otherwise run on for seconds.
     */
    private static final class Stoppable extends FilterOutputStream {
        Stoppable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            stopIfInterrupted();
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            stopIfInterrupted();
            out.write(b, off, len);
        }

        private static void stopIfInterrupted() throws InterruptedIOException {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("stopped: the rest of the report failed");
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        boolean interrupted = false;
        while (true) {
            try {
                if (thread.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.orgscan.cli;

import io.orgscan.report.folder.RunFolder;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What orgscan does when SIGINT (Ctrl-C) or SIGTERM stops it while a run folder is open, during the
 * scan or while the reports are written: the JVM runs its shutdown hooks, and this one abandons the run
 * ({@link RunFolder#abandon}: the staging folder is deleted, the run folder left as it was) and says so
 * in one line. The JVM then exits with its own code for the signal, 130 or 143 ({@link ExitCodes}).
 * A run killed outright ({@code kill -9}) runs no hook; the next run into the folder cleans up after it.
 */
final class StopSignalHook implements AutoCloseable {
    private final Thread hook;

    private StopSignalHook(Thread hook) {
        this.hook = hook;
    }

    /** Registers the hook for {@code folder} until {@link #close}. */
    static StopSignalHook during(RunFolder folder, PrintStream err) {
        Path shown = folder.path();
        boolean existed = Files.exists(shown);
        Thread hook = new Thread(() -> {
            if (folder.abandon()) {
                err.println("orgscan: stopped by a signal: nothing was written; "
                        + (existed ? "the previous report in " + shown + " is unchanged" : shown + " was not created"));
            } else if (folder.committed()) {
                err.println("orgscan: stopped by a signal after the new report was put in place in " + shown);
            }
            err.flush();
        }, "orgscan-stop-signal");
        Runtime.getRuntime().addShutdownHook(hook);
        return new StopSignalHook(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook runs (or ran) and says what happened.
        }
    }
}

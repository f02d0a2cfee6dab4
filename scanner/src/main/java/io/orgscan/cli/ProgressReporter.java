package io.orgscan.cli;

import io.orgscan.scan.ScanProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on stderr: a progress bar with accounts, cells and an ETA on a terminal; a plain line
 * every few seconds otherwise (CI logs, pipes).
 */
final class ProgressReporter implements ScanProgress, AutoCloseable {
    private static final long LINE_INTERVAL_SECONDS = 5;

    private final AtomicInteger accountsFound = new AtomicInteger();
    private final AtomicInteger accountsDone = new AtomicInteger();
    private final AtomicInteger regionsPlanned = new AtomicInteger();
    private final AtomicInteger regionsDone = new AtomicInteger();
    private volatile String waitingOn;
    private final ProgressBar bar;
    private final ScheduledExecutorService ticker;
    private final PrintStream err;

    private ProgressReporter(CliContext context) {
        long started = System.nanoTime();
        this.err = context.err();
        if (context.terminal()) {
            boolean plain = context.env("NO_COLOR") != null;
            this.bar = new ProgressBarBuilder()
                    .setTaskName("Scanning")
                    .setInitialMax(0)
                    .setUnit(" account-regions", 1)
                    .setStyle(plain ? ProgressBarStyle.ASCII : ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setConsumer(new ConsoleProgressBarConsumer(context.err()))
                    .setUpdateIntervalMillis(250)
                    .build();
            this.ticker = null;
        } else {
            this.bar = null;
            this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "orgscan-progress");
                thread.setDaemon(true);
                return thread;
            });
            ticker.scheduleAtFixedRate(() -> context.err().printf("orgscan: %s; elapsed %ds%n", status(),
                            Duration.ofNanos(System.nanoTime() - started).toSeconds()),
                    LINE_INTERVAL_SECONDS, LINE_INTERVAL_SECONDS, TimeUnit.SECONDS);
        }
    }

    static ProgressReporter start(CliContext context) {
        return new ProgressReporter(context);
    }

    private String status() {
        String waiting = waitingOn;
        if (accountsFound.get() == 0 && waiting != null) {
            return "waiting for " + waiting;
        }
        return String.format("accounts %d/%d done, region listings %d/%d done",
                accountsDone.get(), accountsFound.get(), regionsDone.get(), regionsPlanned.get());
    }

    @Override
    public void waitingOn(String what) {
        waitingOn = what;
        if (bar != null) {
            bar.setExtraMessage(" waiting for " + what);
        }
    }

    @Override
    public void accountDiscovered() {
        accountsFound.incrementAndGet();
        refreshBar();
    }

    @Override
    public void accountDone() {
        accountsDone.incrementAndGet();
        refreshBar();
    }

    @Override
    public void regionsPlanned(int count) {
        regionsPlanned.addAndGet(count);
        if (bar != null) {
            bar.maxHint(regionsPlanned.get());
        }
    }

    @Override
    public void regionDone() {
        regionsDone.incrementAndGet();
        if (bar != null) {
            bar.step();
        }
    }

    /** On a terminal, over the bar's line (the bar draws itself again below it). */
    @Override
    public void notice(String line) {
        err.println((bar != null ? "\r\033[2K" : "") + "orgscan: " + line);
    }

    private void refreshBar() {
        if (bar != null) {
            bar.setExtraMessage(" accounts " + accountsDone.get() + "/" + accountsFound.get());
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }
}

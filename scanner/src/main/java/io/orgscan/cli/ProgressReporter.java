package io.orgscan.cli;

import io.orgscan.scan.ScanProgress;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
    /** A call waiting this long is named on the progress line. */
    static final Duration LONG_WAIT = Duration.ofSeconds(3);

    private final AtomicInteger accountsFound = new AtomicInteger();
    private final AtomicInteger accountsDone = new AtomicInteger();
    private final AtomicInteger regionsPlanned = new AtomicInteger();
    private final AtomicInteger regionsDone = new AtomicInteger();
    private volatile String waitingOn;
    /** The calls under way, by a number of their own: what each is and since when (the context's clock). */
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final Clock clock;
    private final ProgressBar bar;
    private final ScheduledExecutorService ticker;
    private final PrintStream err;

    private ProgressReporter(CliContext context) {
        long started = System.nanoTime();
        this.err = context.err();
        this.clock = context.clock();
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

    private record Pending(String what, Instant since) {
    }

    /** The progress line (without its elapsed time). */
    String status() {
        String waiting = waitingOn;
        if (accountsFound.get() == 0 && waiting != null) {
            return "waiting for " + waiting;
        }
        return String.format("accounts %d/%d done, region listings %d/%d done",
                accountsDone.get(), accountsFound.get(), regionsDone.get(), regionsPlanned.get()) + longestWait();
    }

    /**
     * {@code ; waiting longest for access-analyzer:ListAnalyzers in eu-west-1 (12 s; 8 such calls)}
     * when a call has waited {@link #LONG_WAIT} or more, else nothing: what a slow scan is slow on.
     */
    private String longestWait() {
        Pending oldest = null;
        for (Pending call : pending.values()) {
            if (oldest == null || call.since().isBefore(oldest.since())) {
                oldest = call;
            }
        }
        if (oldest == null) {
            return "";
        }
        Duration waited = Duration.between(oldest.since(), clock.instant());
        if (waited.compareTo(LONG_WAIT) < 0) {
            return "";
        }
        String what = oldest.what();
        long alike = pending.values().stream().filter(call -> call.what().equals(what)).count();
        return "; waiting longest for " + what + " (" + waited.toSeconds() + " s; " + alike + " such call"
                + (alike == 1 ? "" : "s") + ")";
    }

    @Override
    public Waiting calling(String what) {
        long id = calls.incrementAndGet();
        pending.put(id, new Pending(what, clock.instant()));
        return () -> pending.remove(id);
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

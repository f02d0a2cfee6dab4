package io.orgscan.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Polls the simulator's call counts every 100 ms while a scan runs, to tell when the calls of every
 * account but one were all answered: the throughput of the rest of a scan while one account is held
 * up, independent of when that account finishes.
 */
final class StatsTimeline {
    private static final long INTERVAL_MILLIS = 100;

    private record Sample(double seconds, long total, long victim) {
    }

    private final SimulatorProcess simulator;
    private final String victim;
    private final List<Sample> samples = new ArrayList<>();
    private volatile boolean running;
    private Thread poller;
    private long started;

    StatsTimeline(SimulatorProcess simulator, String victimAccountId) {
        this.simulator = simulator;
        this.victim = victimAccountId;
    }

    void start() {
        started = System.nanoTime();
        running = true;
        poller = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(INTERVAL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "stats-timeline");
        poller.setDaemon(true);
        poller.start();
    }

    void stop() throws InterruptedException {
        running = false;
        poller.interrupt();
        poller.join();
        sample();
    }

    private void sample() {
        try {
            SimulatorProcess.Stats stats = simulator.stats(false);
            double seconds = (System.nanoTime() - started) / 1e9;
            synchronized (samples) {
                samples.add(new Sample(seconds, stats.total(), stats.byAccount().getOrDefault(victim, 0L)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException e) {
            // the next sample will do
        }
    }

    /** Seconds from the start until the calls of every other account reached {@code calls}; NaN if never. */
    double firstTimeOthersReached(long calls) {
        synchronized (samples) {
            for (Sample sample : samples) {
                if (sample.total() - sample.victim() >= calls) {
                    return sample.seconds();
                }
            }
        }
        return Double.NaN;
    }

    long victimCalls() {
        synchronized (samples) {
            return samples.isEmpty() ? 0 : samples.get(samples.size() - 1).victim();
        }
    }
}

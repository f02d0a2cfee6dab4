package io.orgscan.scan;

import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed pool of worker threads that always runs the most advanced work first: an account's
 * region listings before a new account's AssumeRole. So the pool finishes accounts instead of
 * opening thousands of half-done ones, the tail of the scan stays short, and every thread stays
 * busy while any work is left (per-account chains, not waves).
 */
final class PriorityWorkers implements AutoCloseable {
    enum Priority { REGION, ACCOUNT }

    private final ThreadPoolExecutor executor;
    private final AtomicLong sequence = new AtomicLong();

    PriorityWorkers(int threads, String name) {
        AtomicInteger counter = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new PriorityBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    void submit(Priority priority, Runnable work) {
        executor.execute(new Ranked(priority, sequence.incrementAndGet(), work));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private record Ranked(Priority priority, long order, Runnable work) implements Runnable, Comparable<Ranked> {
        @Override
        public void run() {
            work.run();
        }

        @Override
        public int compareTo(Ranked other) {
            int byPriority = priority.compareTo(other.priority);
            return byPriority != 0 ? byPriority : Long.compare(order, other.order);
        }
    }
}

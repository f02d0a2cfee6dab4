package io.orgscan.scan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed pool of worker threads, each running one task (at most one AWS call) at a time, that runs
 * per-account chains without waves: region listings first (so the pool finishes accounts instead of
 * opening thousands of half-done ones, and the tail of the scan stays short), yet the next accounts' chains
 * (AssumeRole, DescribeRegions) start <em>before</em> the region work runs out, so that no thread
 * ever waits for an account to be opened.
 *
 * <p>A new account is opened when fewer than twice as many region listings as threads are queued,
 * and at most {@code chainLimit} accounts are being opened at once: that bounds AssumeRole
 * concurrency (STS throttles on the calling account) without parking threads on a semaphore.
 */
final class PriorityWorkers implements AutoCloseable {
    enum Priority { REGION, ACCOUNT }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private final ArrayDeque<Runnable> regions = new ArrayDeque<>();
    private final ArrayDeque<Runnable> accounts = new ArrayDeque<>();
    private final List<Thread> threads = new ArrayList<>();
    private final int chainLimit;
    private final int lowWater;
    private int openChains;
    private boolean closed;

    /**
     * @param chainLimit accounts being opened (ACCOUNT tasks running) at most
     */
    PriorityWorkers(int threads, int chainLimit, String name) {
        this.chainLimit = Math.max(1, Math.min(chainLimit, threads));
        // Opening an account takes two round trips; meanwhile every thread lists about one region per
        // round trip. Twice the pool's size queued covers that with room for uneven latencies.
        this.lowWater = 2 * threads;
        for (int i = 1; i <= threads; i++) {
            Thread thread = new Thread(this::work, name + "-" + i);
            thread.setDaemon(true);
            this.threads.add(thread);
        }
        this.threads.forEach(Thread::start);
    }

    void submit(Priority priority, Runnable work) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            (priority == Priority.REGION ? regions : accounts).add(work);
            ready.signal();
        } finally {
            lock.unlock();
        }
    }

    private void work() {
        while (true) {
            Runnable task;
            boolean chain;
            lock.lock();
            try {
                while (true) {
                    if (closed) {
                        return;
                    }
                    boolean canOpen = !accounts.isEmpty() && openChains < chainLimit;
                    if (canOpen && regions.size() < lowWater) {
                        task = accounts.poll();
                        chain = true;
                        openChains++;
                        break;
                    }
                    if (!regions.isEmpty()) {
                        task = regions.poll();
                        chain = false;
                        break;
                    }
                    ready.awaitUninterruptibly();
                }
            } finally {
                lock.unlock();
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                // The scan's tasks hand their own failures to the scan; anything else goes where an
                // executor would send it, and the thread lives on so the pool keeps its size.
                Thread current = Thread.currentThread();
                current.getUncaughtExceptionHandler().uncaughtException(current, e);
            } finally {
                if (chain) {
                    lock.lock();
                    try {
                        openChains--;
                        ready.signal();
                    } finally {
                        lock.unlock();
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            regions.clear();
            accounts.clear();
            ready.signalAll();
        } finally {
            lock.unlock();
        }
        threads.forEach(Thread::interrupt);
    }
}

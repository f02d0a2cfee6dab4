package io.orgscan.scan;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts tasks that are submitted but not finished, so the scan can wait for a tree of tasks
 * that spawn more tasks; remembers the first fatal error.
 */
final class TaskTracker {
    private final Object lock = new Object();
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    private int pending;

    void begin() {
        synchronized (lock) {
            pending++;
        }
    }

    void end() {
        synchronized (lock) {
            pending--;
            if (pending == 0) {
                lock.notifyAll();
            }
        }
    }

    void fail(Throwable error) {
        fatal.compareAndSet(null, error);
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    Throwable failure() {
        return fatal.get();
    }

    /** Waits until no task is pending or one has failed. */
    void await() throws InterruptedException {
        synchronized (lock) {
            while (pending > 0 && fatal.get() == null) {
                lock.wait();
            }
        }
    }
}

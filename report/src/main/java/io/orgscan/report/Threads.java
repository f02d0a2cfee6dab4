package io.orgscan.report;

/** Waiting for the helper threads of a render. */
final class Threads {
    private Threads() {
    }

    /** Waits until {@code thread} has ended, through interrupts too, which it then passes on. */
    static void awaitQuietly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.orgscan.aws;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * An SDK client being built on a thread of its own, so that loading its classes overlaps the
 * calls that do not need it; {@link #get()} waits for it. Closing closes it once built.
 */
final class Client<C extends AutoCloseable> implements AutoCloseable {
    private final CompletableFuture<C> client;

    Client(Supplier<C> build) {
        this.client = CompletableFuture.supplyAsync(build, Client::daemon);
    }

    /** Runs {@code work} on a thread of its own and forgets it: loading classes ahead of their first use. */
    static void warm(Runnable work) {
        daemon(() -> {
            try {
                work.run();
            } catch (RuntimeException ignored) {
                // only a head start: the real first use meets the same error and reports it
            }
        });
    }

    C get() {
        try {
            return client.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    @Override
    public void close() {
        try {
            get().close();
        } catch (Exception ignored) {
            // a client that was never built, or fails to close, holds nothing of ours
        }
    }

    private static void daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "orgscan-client-setup");
        thread.setDaemon(true);
        thread.start();
    }
}

package io.orgscan.aws;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stops calling an endpoint that has stopped answering. Each endpoint, by name ({@link #key} of its
 * URI: scheme, host and port; {@link ClientFactory#endpointName} says which), counts its consecutive
 * unanswered attempts (connect or attempt timeouts) across every thread and account;
 * at {@link #threshold} the endpoint is open: its retries stop and its further calls fail at once
 * with the recorded cause, so a region that does not answer costs the scan about two attempt
 * timeouts, not every call's retries (4 attempts of 30 s) one account after the other. An answer,
 * any answer, closes it again. Thread-safe; one per scan, no static state.
 */
final class EndpointBreaker {
    private final int threshold;
    private final ConcurrentMap<String, AtomicInteger> unanswered = new ConcurrentHashMap<>();

    EndpointBreaker(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1: " + threshold);
        }
        this.threshold = threshold;
    }

    /** An attempt to {@code endpoint} got no answer in time. */
    void unanswered(String endpoint) {
        unanswered.computeIfAbsent(endpoint, k -> new AtomicInteger()).incrementAndGet();
    }

    /** {@code endpoint} answered. */
    void answered(String endpoint) {
        AtomicInteger count = unanswered.get(endpoint);
        if (count != null) {
            count.set(0);
        }
    }

    /** True once {@code endpoint} has missed {@link #threshold} attempts in a row. */
    boolean isOpen(String endpoint) {
        AtomicInteger count = unanswered.get(endpoint);
        return count != null && count.get() >= threshold;
    }

    /** Why a call to an open endpoint is not sent, or empty when it is closed. */
    Optional<String> refusal(String endpoint) {
        if (!isOpen(endpoint)) {
            return Optional.empty();
        }
        return Optional.of("endpoint " + endpoint + " did not answer (" + threshold
                + " attempts in a row timed out); its remaining calls were not sent");
    }

    /** An endpoint's name: scheme, host and port; the same whatever the path. */
    static String key(URI endpoint) {
        return endpoint.getScheme() + "://" + endpoint.getHost() + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort());
    }
}

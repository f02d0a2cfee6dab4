package io.orgscan.scan;

import java.time.Duration;
import java.util.Objects;

/**
 * Every limit of one scan, decided once where the scan is assembled ({@link #of(int)}) and handed to
 * what enforces it: {@link ScanService} sizes its thread pools from it, the AWS gateway its permits,
 * connections, retries and timeouts. Nothing else computes a limit.
 *
 * @param maxParallel           {@code --max-parallel}: calls waiting for their answers at once at most,
 *                              all services together, enforced on the wire by the gateway
 * @param stsParallel           STS calls (GetCallerIdentity, the members' AssumeRole) in flight at most:
 *                              STS throttles on the calling account
 * @param organizationsParallel Organizations calls in flight at most, for the same reason; also the
 *                              number of threads that walk the organization
 * @param workerThreads         threads that run the per-account chains ({@link PriorityWorkers})
 * @param openingAccounts       accounts being opened (AssumeRole, DescribeRegions) at once at most
 * @param globalAttempts        attempts, first try included, of STS and Organizations calls: they carry
 *                              the whole organization's load
 * @param memberAttempts        attempts, first try included, of a member account's calls: throttling
 *                              there is per account and region
 * @param connectTimeout        how long opening a connection may take
 * @param socketTimeout         how long a connection may stay silent while an answer is awaited
 * @param attemptTimeout        how long one attempt of a call may take
 * @param callTimeout           how long a call may take, retries and their back-off included
 */
public record ScanLimits(int maxParallel, int stsParallel, int organizationsParallel, int workerThreads,
                         int openingAccounts, int globalAttempts, int memberAttempts, Duration connectTimeout,
                         Duration socketTimeout, Duration attemptTimeout, Duration callTimeout) {
    /** AssumeRole calls in flight at most, whatever {@code --max-parallel} allows. */
    private static final int STS_PARALLEL = 16;
    private static final int ORGANIZATIONS_PARALLEL = 4;
    /**
     * Opening an account (AssumeRole, DescribeRegions) takes two round trips; 16 opened at once keep a
     * pool of 256 threads in region work at 17 regions an account.
     */
    private static final int OPENING_ACCOUNTS = 16;

    public ScanLimits {
        positive("maxParallel", maxParallel);
        positive("stsParallel", stsParallel);
        positive("organizationsParallel", organizationsParallel);
        positive("workerThreads", workerThreads);
        positive("openingAccounts", openingAccounts);
        positive("globalAttempts", globalAttempts);
        positive("memberAttempts", memberAttempts);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(socketTimeout, "socketTimeout");
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
    }

    /**
     * The limits of a scan with {@code maxParallel} calls in flight. The pool has a few more threads
     * than that, so that while some build, sign or read their calls, or wait to retry, the others keep
     * every permitted call on the network (the gateway, not the pool, enforces the limit). The SDK's
     * own work is about a hundredth of a call's time; at 64, a sixteenth more did no worse than a
     * quarter or a half more, and more threads only add cold code running at once at the start.
     */
    public static ScanLimits of(int maxParallel) {
        return new ScanLimits(maxParallel, Math.min(STS_PARALLEL, maxParallel), ORGANIZATIONS_PARALLEL,
                maxParallel + Math.max(1, maxParallel / 16), OPENING_ACCOUNTS, 6, 4,
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(3));
    }

    /**
     * Connections kept at most: one for each thread that may call at once, that is the workers, the
     * organization's walkers (which also ask the opening Organizations calls) and the scan's own
     * thread (GetCallerIdentity).
     */
    public int connections() {
        return workerThreads + organizationsParallel + 1;
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1: " + value);
        }
    }
}

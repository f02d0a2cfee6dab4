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
 * @param stsAttempts           attempts, first try included, of STS calls: they carry the whole
 *                              organization's load
 * @param organizationsRetries  how Organizations calls back off: for minutes, not a few attempts
 * @param memberAttempts        attempts, first try included, of a member account's calls: throttling
 *                              there is per account and region
 * @param connectTimeout        how long opening a connection may take
 * @param socketTimeout         how long a connection may stay silent while an answer is awaited
 * @param attemptTimeout        how long one attempt of a call may take
 * @param callTimeout           how long a call may take, retries and their back-off included
 */
public record ScanLimits(int maxParallel, int stsParallel, int organizationsParallel, int workerThreads,
                         int openingAccounts, int stsAttempts, RetryBudget organizationsRetries, int memberAttempts,
                         Duration connectTimeout,
                         Duration socketTimeout, Duration attemptTimeout, Duration callTimeout) {
    /** AssumeRole calls in flight at most, whatever {@code --max-parallel} allows. */
    private static final int STS_PARALLEL = 16;
    private static final int ORGANIZATIONS_PARALLEL = 4;
    /**
     * Opening an account (AssumeRole, DescribeRegions) takes two round trips; 16 opened at once keep a
     * pool of 256 threads in region work at 17 regions an account.
     */
    private static final int OPENING_ACCOUNTS = 16;
    /**
     * Organizations throttles (TooManyRequestsException) at low, unpublished rates that the
     * organization's other automation shares, and one listing page that still fails loses the walk:
     * back off from the SDK's throttling base (1 s) up to its cap (20 s), for up to 3 minutes a call.
     */
    private static final RetryBudget ORGANIZATIONS_RETRIES =
            new RetryBudget(Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofMinutes(3));

    public ScanLimits {
        positive("maxParallel", maxParallel);
        positive("stsParallel", stsParallel);
        positive("organizationsParallel", organizationsParallel);
        positive("workerThreads", workerThreads);
        positive("openingAccounts", openingAccounts);
        positive("stsAttempts", stsAttempts);
        Objects.requireNonNull(organizationsRetries, "organizationsRetries");
        positive("memberAttempts", memberAttempts);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(socketTimeout, "socketTimeout");
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
    }

    /**
     * Attempts, the first included, of an Organizations call that fails other than by throttling (a 5xx,
     * a reset, an answer cut short or unparsable): the few a member's call gets, not the minutes of
     * {@link #organizationsRetries}, which only throttling earns.
     */
    public int organizationsOtherAttempts() {
        return memberAttempts;
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
                maxParallel + Math.max(1, maxParallel / 16), OPENING_ACCOUNTS, 6, ORGANIZATIONS_RETRIES, 4,
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(3));
    }

    /**
     * The same limits with Organizations' back-off capped at {@code maxBackoff} (its first back-off
     * too, if longer) and the same budget; for tests, which cannot wait out real back-offs.
     */
    public ScanLimits withOrganizationsMaxBackoff(Duration maxBackoff) {
        Duration base = organizationsRetries.baseDelay().compareTo(maxBackoff) > 0 ? maxBackoff : organizationsRetries.baseDelay();
        return new ScanLimits(maxParallel, stsParallel, organizationsParallel, workerThreads, openingAccounts, stsAttempts,
                new RetryBudget(base, maxBackoff, organizationsRetries.budget()), memberAttempts, connectTimeout,
                socketTimeout, attemptTimeout, callTimeout);
    }

    /**
     * The same limits with shorter waits, for tests of endpoints that do not answer: the connection,
     * a silent socket and an attempt may each last {@code timeout}.
     */
    public ScanLimits withTimeouts(Duration timeout) {
        return new ScanLimits(maxParallel, stsParallel, organizationsParallel, workerThreads, openingAccounts, stsAttempts,
                organizationsRetries, memberAttempts, timeout, timeout, timeout, callTimeout);
    }

    /**
     * How long the scan's first call (GetCallerIdentity) may take, retries included: one attempt's
     * time. An endpoint that does not answer at the start is reported as such within 30 seconds,
     * rather than after the 3 minutes of a call's retries.
     */
    public Duration startTimeout() {
        return attemptTimeout;
    }

    /**
     * Attempts in a row to one endpoint that may go unanswered (connect or attempt timeouts) before
     * its calls stop being sent and fail at once: two, so one lost packet is not enough.
     */
    public int unansweredAttempts() {
        return 2;
    }

    /** How long an Organizations call may take: {@link #callTimeout()} plus all of its back-off. */
    public Duration organizationsCallTimeout() {
        return callTimeout.plus(organizationsRetries.budget());
    }

    /**
     * Connections kept at most: one for each thread that may call at once, that is the workers, the
     * organization's walkers (which also ask the opening Organizations calls) and the scan's own
     * thread (GetCallerIdentity).
     */
    public int connections() {
        return workerThreads + organizationsParallel + 1;
    }

    /**
     * Retries with a budget of time rather than of attempts: a throttled call backs off from
     * {@code baseDelay}, doubling up to {@code maxBackoff}, and is retried until its back-offs add up
     * to {@code budget}. With the jitter each back-off is between half and all of its nominal length,
     * so a call that stays throttled gives up after between half and all of the budget.
     */
    public record RetryBudget(Duration baseDelay, Duration maxBackoff, Duration budget) {
        public RetryBudget {
            for (Duration d : new Duration[] {baseDelay, maxBackoff, budget}) {
                if (d == null || d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("retry durations must be positive: " + d);
                }
            }
            if (baseDelay.compareTo(maxBackoff) > 0) {
                throw new IllegalArgumentException("baseDelay " + baseDelay + " exceeds maxBackoff " + maxBackoff);
            }
        }

        /** Attempts, the first included: one more than the retries whose nominal back-offs reach the budget. */
        public int attempts() {
            long left = budget.toMillis();
            long delay = baseDelay.toMillis();
            int retries = 0;
            while (left > 0) {
                retries++;
                left -= Math.min(delay, maxBackoff.toMillis());
                delay = Math.min(delay * 2, maxBackoff.toMillis());
            }
            return retries + 1;
        }
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1: " + value);
        }
    }
}

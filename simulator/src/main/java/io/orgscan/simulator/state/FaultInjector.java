package io.orgscan.simulator.state;

import io.orgscan.simulator.scenario.Faults;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides, call by call, which of the scenario's {@link Faults} strike: the faults are what the
 * scenario declares, this is one running simulator's use of them, with the counters that say how
 * many of "the first N calls" are left. Counters are atomic, so "the first N calls" holds exactly
 * however many threads race for them; lookups on the hot path go through maps built once, never a
 * lock.
 */
public final class FaultInjector {
    private final int latencyMs;
    private final Faults faults;
    private final Map<Faults.AccountRegion, List<Budget>> throttles = new HashMap<>();
    private final List<Budget> internalErrors = new ArrayList<>();

    /** How many more matching calls a rule still fails. */
    private static final class Budget {
        final String service;
        final String operation;
        final String account;
        final String region;
        final AtomicInteger remaining;

        Budget(String service, String operation, String account, String region, int count) {
            this.service = service;
            this.operation = operation;
            this.account = account;
            this.region = region;
            this.remaining = new AtomicInteger(count);
        }

        boolean matches(String callService, String callOperation, String callAccount, String callRegion) {
            return (service == null || service.equals(callService))
                    && (operation == null || operation.equals(callOperation))
                    && (account == null || account.equals(callAccount))
                    && (region == null || region.equals(callRegion));
        }

        /** Takes one unit of the budget if any is left. */
        boolean consume() {
            return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        }
    }

    /**
     * @param extraLatencyMs added to the scenario's own {@code faults.latencyMs}
     */
    public FaultInjector(Faults faults, int extraLatencyMs) {
        if (extraLatencyMs < 0) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        this.faults = faults;
        this.latencyMs = faults.latencyMs() + extraLatencyMs;
        for (Faults.ThrottleRule rule : faults.throttle()) {
            throttles.computeIfAbsent(new Faults.AccountRegion(rule.account(), rule.region()), k -> new ArrayList<>())
                    .add(new Budget(rule.service(), null, rule.account(), rule.region(), rule.calls()));
        }
        for (Faults.InternalErrorRule rule : faults.internalError()) {
            internalErrors.add(new Budget(rule.service(), rule.operation(), rule.account(), rule.region(), rule.count()));
        }
    }

    /** Milliseconds added to every AWS response. */
    public int latencyMs() {
        return latencyMs;
    }

    public boolean isAssumeRoleDenied(String targetAccountId) {
        return faults.assumeRoleDenied().contains(targetAccountId);
    }

    public boolean isListAnalyzersDenied(String accountId, String region) {
        return faults.listAnalyzersDenied().contains(new Faults.AccountRegion(accountId, region));
    }

    /** Whether this call is among the first N throttled calls of its account-region; consumes one if so. */
    public boolean consumeThrottle(String service, String accountId, String region) {
        List<Budget> budgets = throttles.get(new Faults.AccountRegion(accountId, region));
        if (budgets == null) {
            return false;
        }
        for (Budget budget : budgets) {
            if (budget.matches(service, null, accountId, region) && budget.consume()) {
                return true;
            }
        }
        return false;
    }

    /** Whether this call fails with a one-off HTTP 500; consumes one if so. */
    public boolean consumeInternalError(String service, String operation, String accountId, String region) {
        for (Budget budget : internalErrors) {
            if (budget.matches(service, operation, accountId, region) && budget.consume()) {
                return true;
            }
        }
        return false;
    }
}

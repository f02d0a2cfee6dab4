package io.orgscan.simulator.state;

import io.orgscan.simulator.scenario.Faults;
import io.orgscan.simulator.scenario.ResponseMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

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
    private final List<Budget> responses = new ArrayList<>();
    private final List<ResponseMode> responseModes = new ArrayList<>();

    /** Which calls a rule fails: of the matching calls, those numbered {@code after} to {@code after + count - 1}. */
    private static final class Budget {
        final String service;
        final String operation;
        final String account;
        final String region;
        final String parentId;
        final int after;
        final int count;
        /** Matching calls seen so far, up to {@code after + count}. */
        final AtomicInteger seen = new AtomicInteger();

        Budget(String service, String operation, String account, String region, String parentId, int after, int count) {
            this.service = service;
            this.operation = operation;
            this.account = account;
            this.region = region;
            this.parentId = parentId;
            this.after = after;
            this.count = count;
        }

        boolean matches(String callService, String callOperation, String callAccount, String callRegion,
                        Supplier<String> callParentId) {
            return (service == null || service.equals(callService))
                    && (operation == null || operation.equals(callOperation))
                    && (account == null || account.equals(callAccount))
                    && (region == null || region.equals(callRegion))
                    && (parentId == null || parentId.equals(callParentId.get()));
        }

        /** Counts one matching call; whether it is among those the rule fails. */
        boolean consume() {
            int limit = after + count;
            int number = seen.getAndUpdate(n -> n < limit ? n + 1 : n);
            return number >= after && number < limit;
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
                    .add(new Budget(rule.service(), rule.operation(), rule.account(), rule.region(), rule.parentId(),
                            rule.afterCalls(), rule.calls()));
        }
        for (Faults.InternalErrorRule rule : faults.internalError()) {
            internalErrors.add(new Budget(rule.service(), rule.operation(), rule.account(), rule.region(), null, 0, rule.count()));
        }
        for (Faults.ResponseRule rule : faults.responses()) {
            responses.add(new Budget(rule.service(), rule.operation(), rule.account(), rule.region(), null, 0,
                    rule.calls() == null ? Integer.MAX_VALUE : rule.calls()));
            responseModes.add(rule.mode());
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

    /**
     * Whether this call is among those a throttle rule of its account-region fails; counts it in
     * every rule it matches up to the one that fails it. {@code parentId} is asked only of a rule that
     * names a parent, so other calls' bodies are not read for it.
     */
    public boolean consumeThrottle(String service, String operation, String accountId, String region,
                                   Supplier<String> parentId) {
        List<Budget> budgets = throttles.get(new Faults.AccountRegion(accountId, region));
        if (budgets == null) {
            return false;
        }
        for (Budget budget : budgets) {
            if (budget.matches(service, operation, accountId, region, parentId) && budget.consume()) {
                return true;
            }
        }
        return false;
    }

    /** Whether this call fails with a one-off HTTP 500; consumes one if so. */
    public boolean consumeInternalError(String service, String operation, String accountId, String region) {
        for (Budget budget : internalErrors) {
            if (budget.matches(service, operation, accountId, region, () -> null) && budget.consume()) {
                return true;
            }
        }
        return false;
    }

    /** How this call's answer is spoiled, if a {@code faults.responses} rule still strikes it; the first such rule wins. */
    public Optional<ResponseMode> consumeResponse(String service, String operation, String accountId, String region) {
        for (int i = 0; i < responses.size(); i++) {
            if (responses.get(i).matches(service, operation, accountId, region, () -> null) && responses.get(i).consume()) {
                return Optional.of(responseModes.get(i));
            }
        }
        return Optional.empty();
    }
}

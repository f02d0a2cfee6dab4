package io.orgscan.simulator.server;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable snapshot of the calls a simulator answered, aggregated by (service, operation,
 * account, region); the same data as {@code GET /_stats}. Calls that could not be attributed (no or
 * unknown credentials) carry an empty account id.
 */
public final class CallStats {
    /**
     * Calls with one (service, operation, account, region) and how many of them answered an error.
     *
     * @param service   {@code organizations}, {@code sts}, {@code ec2} or {@code access-analyzer}
     * @param operation the AWS operation name, e.g. {@code ListAnalyzers}
     * @param accountId the account of the caller's access key; empty when unknown
     * @param region    the region of the SigV4 scope; empty when the request had none
     */
    public record CallCount(String service, String operation, String accountId, String region, long count, long errors) {
    }

    private static final Comparator<CallCount> ORDER = Comparator.comparing(CallCount::service)
            .thenComparing(CallCount::operation).thenComparing(CallCount::accountId).thenComparing(CallCount::region);

    private final List<CallCount> calls;
    private final int peakInFlight;
    private final long lastAnswerEpochMillis;
    private final long total;
    private final long errors;
    /** Indexes for {@link #count}, so asking per account of a 10,000-account run stays cheap. */
    private final Map<String, Long> byOperationKey = new HashMap<>();
    private final Map<String, Long> byOperationAndAccount = new HashMap<>();

    CallStats(List<CallCount> calls, int peakInFlight, long lastAnswerEpochMillis) {
        this.calls = calls.stream().sorted(ORDER).toList();
        this.peakInFlight = peakInFlight;
        this.lastAnswerEpochMillis = lastAnswerEpochMillis;
        long sum = 0;
        long failed = 0;
        for (CallCount call : this.calls) {
            sum += call.count();
            failed += call.errors();
            byOperationKey.merge(call.service() + ":" + call.operation(), call.count(), Long::sum);
            byOperationAndAccount.merge(call.service() + ":" + call.operation() + ":" + call.accountId(), call.count(), Long::sum);
        }
        this.total = sum;
        this.errors = failed;
    }

    /** Every request to an AWS service (not the {@code /_stats} endpoints), errors included. */
    public long total() {
        return total;
    }

    /**
     * The most AWS requests the simulator was answering at one time (from reading a request until its
     * answer was due), since it started or was last reset.
     */
    public int peakInFlight() {
        return peakInFlight;
    }

    /** When the latest AWS answer was given (milliseconds since the epoch), 0 when none was since the start or reset. */
    public long lastAnswerEpochMillis() {
        return lastAnswerEpochMillis;
    }

    /** Requests answered with an HTTP error status. */
    public long errors() {
        return errors;
    }

    /** Calls of one operation, all accounts and regions together. */
    public long count(String service, String operation) {
        return byOperationKey.getOrDefault(service + ":" + operation, 0L);
    }

    /** Calls of one operation by one account, all regions together. */
    public long count(String service, String operation, String accountId) {
        return byOperationAndAccount.getOrDefault(service + ":" + operation + ":" + accountId, 0L);
    }

    /** Aggregated calls, sorted by service, operation, account and region. */
    public List<CallCount> calls() {
        return calls;
    }

    /** Calls per service, sorted by name. */
    public Map<String, Long> byService() {
        Map<String, Long> result = new TreeMap<>();
        calls.forEach(c -> result.merge(c.service(), c.count(), Long::sum));
        return result;
    }

    /** Calls per {@code service:Operation}, sorted. */
    public Map<String, Long> byOperation() {
        return new TreeMap<>(byOperationKey);
    }

    /** Calls per account (attributed calls only), sorted by account id. */
    public Map<String, Long> byAccount() {
        Map<String, Long> result = new TreeMap<>();
        calls.stream().filter(c -> !c.accountId().isEmpty()).forEach(c -> result.merge(c.accountId(), c.count(), Long::sum));
        return result;
    }

    @Override
    public String toString() {
        return "CallStats[total=" + total + ", errors=" + errors + ", peakInFlight=" + peakInFlight + ", "
                + byOperation() + "]";
    }
}

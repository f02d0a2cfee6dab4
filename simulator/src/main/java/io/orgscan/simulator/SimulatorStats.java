package io.orgscan.simulator;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable snapshot of the calls a simulator answered, aggregated by (service, operation,
 * account, region); the same data as {@code GET /_stats}. Calls that could not be attributed (no or
 * unknown credentials) carry an empty account id.
 */
public final class SimulatorStats {
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
    private final long total;
    private final long errors;

    SimulatorStats(List<CallCount> calls) {
        this.calls = calls.stream().sorted(ORDER).toList();
        this.total = this.calls.stream().mapToLong(CallCount::count).sum();
        this.errors = this.calls.stream().mapToLong(CallCount::errors).sum();
    }

    /** Every request to an AWS service (not the {@code /_stats} endpoints), errors included. */
    public long total() {
        return total;
    }

    /** Requests answered with an HTTP error status. */
    public long errors() {
        return errors;
    }

    public long count(String service, String operation) {
        return calls.stream().filter(c -> c.service().equals(service) && c.operation().equals(operation))
                .mapToLong(CallCount::count).sum();
    }

    public long count(String service, String operation, String accountId) {
        return calls.stream().filter(c -> c.service().equals(service) && c.operation().equals(operation)
                && c.accountId().equals(accountId)).mapToLong(CallCount::count).sum();
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
        Map<String, Long> result = new TreeMap<>();
        calls.forEach(c -> result.merge(c.service() + ":" + c.operation(), c.count(), Long::sum));
        return result;
    }

    /** Calls per account (attributed calls only), sorted by account id. */
    public Map<String, Long> byAccount() {
        Map<String, Long> result = new TreeMap<>();
        calls.stream().filter(c -> !c.accountId().isEmpty()).forEach(c -> result.merge(c.accountId(), c.count(), Long::sum));
        return result;
    }

    @Override
    public String toString() {
        return "SimulatorStats[total=" + total + ", errors=" + errors + ", " + byOperation() + "]";
    }
}

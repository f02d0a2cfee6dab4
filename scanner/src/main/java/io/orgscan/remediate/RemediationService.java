package io.orgscan.remediate;

import io.orgscan.model.Analyzer;
import io.orgscan.model.Failure;
import io.orgscan.plan.PlannedAnalyzer;
import io.orgscan.plan.RemediationPlan;
import io.orgscan.scan.AwsCallException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Applies a plan's actions: for each planned analyzer, the remediation role in its account (assumed
 * once per account), ListAnalyzers in its region, then CreateAnalyzer unless an analyzer of that name and
 * type, or another ACTIVE one of that type, is already there; at most {@code parallel} actions at once.
 * Then the place of every action is read again, once, for the log's after status. A failed call is a
 * FAILED entry, never an exception: every other action still runs.
 */
public final class RemediationService {
    /** The before status of a planned analyzer that did not exist. */
    public static final String ABSENT = "ABSENT";
    /** A status that could not be read. */
    public static final String UNKNOWN = "UNKNOWN";

    private final RemediationGateway gateway;
    private final Clock clock;
    private final int parallel;
    private final Map<String, Attempt> targets = new ConcurrentHashMap<>();

    /** A place's analyzers as read again after the actions, or null when that read failed. */
    private record Reread(String place, List<Analyzer> analyzers) {
    }

    /** The remediation role in one account, or why it could not be assumed. */
    private record Attempt(RemediationGateway.Target target, Failure failure) {
    }

    public RemediationService(RemediationGateway gateway, Clock clock, int parallel) {
        this.gateway = gateway;
        this.clock = clock;
        this.parallel = parallel;
    }

    /**
     * @throws AwsCallException when GetCallerIdentity fails: nothing was attempted
     */
    public RemediationRun apply(RemediationPlan plan, String planSha256, String runId)
            throws AwsCallException, InterruptedException {
        String caller = gateway.callerIdentity().arn();
        Instant started = clock.instant();
        List<RemediationEntry> entries = inParallel(plan.actions(), action -> act(plan, action));
        // Read each place again, once, after every creation: the evidence of the after status.
        Map<String, PlannedAnalyzer> places = new LinkedHashMap<>();
        plan.actions().forEach(a -> places.putIfAbsent(a.accountId() + "/" + a.region(), a));
        List<Reread> reread = inParallel(List.copyOf(places.values()), a -> {
            Attempt attempt = target(a.accountId());
            try {
                return new Reread(a.accountId() + "/" + a.region(),
                        attempt.target() == null ? null : attempt.target().analyzers(a.region()));
            } catch (AwsCallException e) {
                return new Reread(a.accountId() + "/" + a.region(), null);
            }
        });
        Map<String, List<Analyzer>> after = new LinkedHashMap<>();
        reread.forEach(r -> after.put(r.place(), r.analyzers()));
        List<RemediationEntry> finished = new ArrayList<>();
        for (RemediationEntry entry : entries) {
            List<Analyzer> seen = after.get(entry.accountId() + "/" + entry.region());
            Analyzer match = null;
            for (Analyzer analyzer : seen == null ? List.<Analyzer>of() : seen) {
                boolean sameArn = !entry.analyzerArn().isEmpty() && analyzer.arn().equals(entry.analyzerArn());
                if (sameArn || analyzer.name().equals(entry.analyzerName()) && analyzer.type() == entry.analyzerType()) {
                    match = analyzer;
                }
            }
            finished.add(entry.withAfter(match != null ? match.status().name() : seen == null ? UNKNOWN : ABSENT,
                    match == null ? null : match.arn()));
        }
        return new RemediationRun(runId, caller, planSha256, started, clock.instant(), finished);
    }

    /** The idempotency token of an action: the same plan and action always send the same one. */
    static String clientToken(RemediationPlan plan, PlannedAnalyzer action) {
        return UUID.nameUUIDFromBytes((plan.scanFileSha256() + "/" + action.actionId()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private RemediationEntry act(RemediationPlan plan, PlannedAnalyzer action) {
        Instant at = clock.instant();
        Entry entry = new Entry(action, gateway.roleArn(action.accountId()), at);
        Attempt attempt = target(action.accountId());
        if (attempt.failure() != null) {
            return entry.failed(attempt.failure());
        }
        List<Analyzer> before;
        try {
            before = attempt.target().analyzers(action.region());
        } catch (AwsCallException e) {
            return entry.failed(e.failure());
        }
        for (Analyzer analyzer : before) {
            if (analyzer.name().equals(action.name())) {
                return analyzer.type() == action.type()
                        ? entry.done(Outcome.ALREADY_EXISTS, analyzer.status().name(), "", analyzer.arn())
                        : entry.failed(new Failure("CreateAnalyzer", "NameTaken", "an analyzer named " + action.name()
                        + " of type " + analyzer.type() + " exists in " + action.accountId() + " " + action.region(), 0));
            }
        }
        for (Analyzer analyzer : before) {
            if (analyzer.type() == action.type() && analyzer.isActive()) {
                return entry.done(Outcome.ALREADY_COVERED, ABSENT, "", analyzer.arn());
            }
        }
        try {
            RemediationGateway.Created created = attempt.target().create(action.region(), action.name(), action.type(),
                    clientToken(plan, action));
            return entry.done(Outcome.CREATED, ABSENT, created.requestId(), created.arn());
        } catch (AwsCallException e) {
            if ("ConflictException".equals(e.failure().errorCode())) {
                // Created meanwhile (a StackSet, a second apply): the same name and type is not an error.
                try {
                    for (Analyzer analyzer : attempt.target().analyzers(action.region())) {
                        if (analyzer.name().equals(action.name()) && analyzer.type() == action.type()) {
                            return entry.done(Outcome.ALREADY_EXISTS, ABSENT, "", analyzer.arn());
                        }
                    }
                } catch (AwsCallException reread) {
                    return entry.failed(reread.failure());
                }
            }
            return entry.failed(e.failure());
        }
    }

    private Attempt target(String accountId) {
        return targets.computeIfAbsent(accountId, id -> {
            try {
                return new Attempt(gateway.target(id), null);
            } catch (AwsCallException e) {
                return new Attempt(null, e.failure());
            }
        });
    }

    private interface Task<T, R> {
        R run(T item);
    }

    /** Runs a task per item on at most {@code parallel} threads; results in the items' order. */
    private <T, R> List<R> inParallel(List<T> items, Task<T, R> task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, Math.max(1, items.size()))));
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> task.run(item)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The fixed columns of an action's log line. */
    private record Entry(PlannedAnalyzer action, String roleArn, Instant at) {
        RemediationEntry done(Outcome outcome, String before, String requestId, String arn) {
            return new RemediationEntry(action.actionId(), action.accountId(), action.region(), action.type(), action.name(),
                    roleArn, at, outcome, requestId, before, UNKNOWN, arn, "", "", action.findingIds().size());
        }

        RemediationEntry failed(Failure failure) {
            return new RemediationEntry(action.actionId(), action.accountId(), action.region(), action.type(), action.name(),
                    roleArn, at, Outcome.FAILED, "", UNKNOWN, UNKNOWN, "", failure.errorCode(),
                    failure.operation() + ": " + failure.message(), action.findingIds().size());
        }
    }
}

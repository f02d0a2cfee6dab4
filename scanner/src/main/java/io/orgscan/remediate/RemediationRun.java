package io.orgscan.remediate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One {@code remediate --apply}: who ran it (the caller's ARN as STS names it), on which plan, when,
 * and one entry per planned analyzer, in the plan's order.
 */
public record RemediationRun(String runId, String callerArn, String planSha256, Instant startedAt, Instant finishedAt,
                             List<RemediationEntry> entries) {
    public RemediationRun {
        Objects.requireNonNull(runId, "run_id");
        Objects.requireNonNull(callerArn, "caller_arn");
        entries = List.copyOf(entries);
    }

    public boolean failed() {
        return entries.stream().anyMatch(e -> e.outcome() == Outcome.FAILED);
    }
}

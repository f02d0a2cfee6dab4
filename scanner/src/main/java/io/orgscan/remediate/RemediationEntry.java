package io.orgscan.remediate;

import io.orgscan.model.AnalyzerType;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of the remediation log: who did what, where, when, with which AWS request, and the status
 * of the planned analyzer before and after (read back with ListAnalyzers).
 *
 * @param roleArn      the role the call was made as (the remediation role, or the caller itself)
 * @param at           when the decisive call was made
 * @param requestId    CreateAnalyzer's request id, or empty when nothing was created
 * @param beforeStatus the planned analyzer's status before (ABSENT when there was none), or UNKNOWN
 * @param afterStatus  its status when read again after every action, or UNKNOWN
 * @param analyzerArn  the analyzer's ARN, or empty
 */
public record RemediationEntry(String actionId, String accountId, String region, AnalyzerType analyzerType,
                               String analyzerName, String roleArn, Instant at, Outcome outcome, String requestId,
                               String beforeStatus, String afterStatus, String analyzerArn, String errorCode,
                               String errorMessage, int findingsTargeted) {
    public RemediationEntry {
        Objects.requireNonNull(actionId, "action_id");
        Objects.requireNonNull(outcome, "outcome");
        requestId = requestId == null ? "" : requestId;
        analyzerArn = analyzerArn == null ? "" : analyzerArn;
        errorCode = errorCode == null ? "" : errorCode;
        errorMessage = errorMessage == null ? "" : errorMessage;
    }

    RemediationEntry withAfter(String status, String arn) {
        return new RemediationEntry(actionId, accountId, region, analyzerType, analyzerName, roleArn, at, outcome, requestId,
                beforeStatus, status, arn == null || arn.isEmpty() ? analyzerArn : arn, errorCode, errorMessage,
                findingsTargeted);
    }
}

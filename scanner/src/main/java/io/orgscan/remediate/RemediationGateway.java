package io.orgscan.remediate;

import io.orgscan.model.Analyzer;
import io.orgscan.model.AnalyzerType;
import io.orgscan.scan.AwsCallException;
import io.orgscan.scan.CallerIdentity;
import java.util.List;

/**
 * The AWS calls {@code orgscan remediate --apply} makes, and no others: who am I, assume the
 * remediation role in an account, list its analyzers in a region, create one. The one implementation
 * lives in {@code io.orgscan.aws}; the scan's gateway has no write call at all.
 */
public interface RemediationGateway extends AutoCloseable {
    CallerIdentity callerIdentity() throws AwsCallException;

    /** AssumeRole of the remediation role in the account (or the caller's own credentials for its own account). */
    Target target(String accountId) throws AwsCallException;

    /** The ARN of the role {@link #target} assumes in an account, for the log. */
    String roleArn(String accountId);

    @Override
    void close();

    /** One account, through the remediation role. */
    interface Target {
        /** ListAnalyzers in the region, every page. */
        List<Analyzer> analyzers(String region) throws AwsCallException;

        /** CreateAnalyzer in the region, with an idempotency token. */
        Created create(String region, String name, AnalyzerType type, String clientToken) throws AwsCallException;
    }

    /**
     * What CreateAnalyzer answered.
     *
     * @param requestId AWS's request id of the call ({@code x-amzn-RequestId}), for CloudTrail
     */
    record Created(String arn, String requestId) {
    }
}

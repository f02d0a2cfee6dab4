package io.orgscan.scan;

import io.orgscan.model.AwsNames;

/** Who the scan runs as (STS GetCallerIdentity). */
public record CallerIdentity(String arn, String accountId) {
    public CallerIdentity {
        AwsNames.requireAccountId(accountId);
    }

    /** The partition ({@code aws}, {@code aws-cn}, {@code aws-us-gov}) from the caller's ARN. */
    public String partition() {
        String[] parts = arn.split(":", 3);
        return parts.length >= 2 && !parts[1].isEmpty() ? parts[1] : "aws";
    }
}

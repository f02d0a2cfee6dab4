package io.orgscan.model;

import java.util.Objects;

/**
 * A failed AWS call of the scan, for the Errors sheet and errors.csv.
 *
 * @param accountId the account the call was made for, or null for organization-level calls
 * @param region    the region of the call, or null for calls not tied to one region
 */
public record ErrorRecord(String accountId, String region, Failure failure) {
    public ErrorRecord {
        if (accountId != null) {
            AwsNames.requireAccountId(accountId);
        }
        if (region != null) {
            AwsNames.requireRegion(region);
        }
        Objects.requireNonNull(failure, "failure");
    }
}

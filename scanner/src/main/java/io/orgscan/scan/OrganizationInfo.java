package io.orgscan.scan;

import io.orgscan.model.AwsNames;

/** The organization the caller belongs to (Organizations DescribeOrganization). */
public record OrganizationInfo(String id, String managementAccountId) {
    public OrganizationInfo {
        AwsNames.requireAccountId(managementAccountId);
    }
}

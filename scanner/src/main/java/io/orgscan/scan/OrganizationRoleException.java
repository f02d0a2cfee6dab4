package io.orgscan.scan;

import io.orgscan.model.Failure;

/**
 * Assuming the role of {@code --org-role-arn} failed, so no Organizations call can be made: the scan
 * reports this AssumeRole's error, not the Organizations call that needed the role.
 */
public final class OrganizationRoleException extends AwsCallException {
    private static final long serialVersionUID = 1L;
    private final String roleArn;

    public OrganizationRoleException(String roleArn, Failure failure, Throwable cause) {
        super(failure, cause);
        this.roleArn = roleArn;
    }

    /** The role of {@code --org-role-arn}. */
    public String roleArn() {
        return roleArn;
    }
}

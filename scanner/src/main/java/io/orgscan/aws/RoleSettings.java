package io.orgscan.aws;

import java.util.Objects;

/**
 * The roles the scan assumes.
 *
 * @param roleName        the role assumed in every member account
 * @param externalId      the external id the member roles require, or null
 * @param roleSessionName the session name, visible in the members' CloudTrail
 * @param orgRoleArn      a role for the Organizations calls, or null to use the base credentials
 */
public record RoleSettings(String roleName, String externalId, String roleSessionName, String orgRoleArn) {
    public RoleSettings {
        Objects.requireNonNull(roleName, "roleName");
        Objects.requireNonNull(roleSessionName, "roleSessionName");
    }
}

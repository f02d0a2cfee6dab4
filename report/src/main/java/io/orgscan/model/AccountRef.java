package io.orgscan.model;

import java.util.Objects;

/**
 * An account of the organization as Organizations listed it.
 *
 * @param name   the account name, free text from AWS: untrusted, never to become a formula
 * @param ouPath the names from the root down to the account's parent, joined by {@code /},
 *               e.g. {@code Root/Workloads/Prod}
 * @param management             true for the organization's management account
 * @param delegatedAdministrator true for the IAM Access Analyzer delegated administrator
 */
public record AccountRef(
        String id,
        String name,
        String email,
        AccountState state,
        String ouPath,
        boolean management,
        boolean delegatedAdministrator) {
    public AccountRef {
        AwsNames.requireAccountId(id);
        name = name == null ? "" : name;
        email = email == null ? "" : email;
        Objects.requireNonNull(state, "state");
        ouPath = ouPath == null ? "" : ouPath;
    }
}

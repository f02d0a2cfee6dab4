package io.orgscan.scan;

import io.orgscan.model.AccountState;

/** An account as ListAccountsForParent returned it. */
public record AccountListing(String id, String name, String email, AccountState state) {
}

package io.orgscan.scan;

import java.util.List;

/**
 * An account found by the tree walk, with where it sits.
 *
 * @param ouPath   names from the root down to the parent, joined by {@code /}
 * @param ancestry ids from the root down to the parent
 */
public record DiscoveredAccount(AccountListing listing, String ouPath, List<String> ancestry) {
    public DiscoveredAccount {
        ancestry = List.copyOf(ancestry);
    }
}

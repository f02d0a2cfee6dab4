package io.orgscan.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Accounts that need a stack instance in exactly the same regions: one {@code create-stack-instances}
 * call (accounts x regions, with an INTERSECTION filter on the root) deploys them, and gives no
 * account outside the group, and no region outside the set, a stack instance.
 */
public record StackInstanceGroup(List<String> accounts, List<String> regions) {
    public StackInstanceGroup {
        accounts = List.copyOf(accounts);
        regions = List.copyOf(regions);
        if (accounts.isEmpty() || regions.isEmpty()) {
            throw new IllegalArgumentException("a group has accounts and regions");
        }
    }

    /**
     * Groups accounts by identical region sets. Every (account, region) given gets exactly one stack
     * instance, which is the least possible, and the number of operations is the number of distinct
     * region sets. Groups are sorted by their first account.
     */
    public static List<StackInstanceGroup> of(Map<String, ? extends SortedSet<String>> regionsByAccount) {
        Map<List<String>, SortedSet<String>> accountsByRegions = new TreeMap<>(StackInstanceGroup::compareLists);
        regionsByAccount.forEach((account, regions) -> {
            if (!regions.isEmpty()) {
                accountsByRegions.computeIfAbsent(List.copyOf(regions), r -> new TreeSet<>()).add(account);
            }
        });
        List<StackInstanceGroup> groups = new ArrayList<>();
        accountsByRegions.forEach((regions, accounts) -> groups.add(new StackInstanceGroup(List.copyOf(accounts), regions)));
        groups.sort((a, b) -> a.accounts().get(0).compareTo(b.accounts().get(0)));
        return List.copyOf(groups);
    }

    /** The number of stack instances the group creates. */
    public int instances() {
        return accounts.size() * regions.size();
    }

    private static int compareLists(List<String> a, List<String> b) {
        return String.join(",", a).compareTo(String.join(",", b));
    }
}

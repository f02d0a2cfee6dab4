package io.orgscan.scan;

import java.util.List;
import java.util.Set;

/**
 * Which accounts and regions the scan looks at. Empty sets mean "all".
 *
 * @param ous     roots or OUs whose whole subtree is in scope
 * @param regions when not empty, the region universe itself (instead of the regions seen)
 */
public record ScanScope(Set<String> accounts, Set<String> excludeAccounts, Set<String> ous,
                        List<String> regions, Set<String> excludeRegions) {
    public static final ScanScope ALL = new ScanScope(Set.of(), Set.of(), Set.of(), List.of(), Set.of());

    public ScanScope {
        accounts = Set.copyOf(accounts);
        excludeAccounts = Set.copyOf(excludeAccounts);
        ous = Set.copyOf(ous);
        regions = List.copyOf(regions);
        excludeRegions = Set.copyOf(excludeRegions);
    }

    /** @param ancestry the ids of the root and OUs above the account, top-down */
    public boolean includesAccount(String accountId, List<String> ancestry) {
        if (excludeAccounts.contains(accountId)) {
            return false;
        }
        if (!accounts.isEmpty() && !accounts.contains(accountId)) {
            return false;
        }
        return ous.isEmpty() || ancestry.stream().anyMatch(ous::contains);
    }

    /** True when the scan should list analyzers in the region (subject to it being enabled). */
    public boolean scansRegion(String region) {
        return (regions.isEmpty() || regions.contains(region)) && !excludeRegions.contains(region);
    }
}

package io.orgscan.evaluate;

import io.orgscan.model.CoveragePolicy;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The raw observations of a whole organization, the only input of {@link CoverageEvaluator}.
 *
 * @param delegatedAdministratorId the IAM Access Analyzer delegated administrator, or null
 * @param universe                 the regions that get a column: those seen, or {@code --regions}
 * @param excludedRegions          regions of the universe left out by {@code --exclude-regions}
 * @param regionDenies             per account id, the SCP region-deny statements that apply to it
 *                                 (read only with {@code --scp-denied-regions not-applicable}; none
 *                                 for the management account, which SCPs never restrict)
 */
public record ScanObservations(
        String managementAccountId,
        String delegatedAdministratorId,
        CoveragePolicy policy,
        List<String> universe,
        Set<String> excludedRegions,
        List<AccountObservation> accounts,
        Map<String, List<RegionDeny>> regionDenies) {
    public ScanObservations {
        Objects.requireNonNull(managementAccountId, "managementAccountId");
        Objects.requireNonNull(policy, "policy");
        universe = List.copyOf(universe);
        excludedRegions = Set.copyOf(excludedRegions);
        accounts = List.copyOf(accounts);
        regionDenies = Map.copyOf(regionDenies);
    }

    /** Observations without SCP region denies (the default). */
    public ScanObservations(String managementAccountId, String delegatedAdministratorId, CoveragePolicy policy,
                            List<String> universe, Set<String> excludedRegions, List<AccountObservation> accounts) {
        this(managementAccountId, delegatedAdministratorId, policy, universe, excludedRegions, accounts, Map.of());
    }

    /** The region-deny statements that apply to the account, in the order they were read. */
    public List<RegionDeny> regionDenies(String accountId) {
        return regionDenies.getOrDefault(accountId, List.of());
    }
}

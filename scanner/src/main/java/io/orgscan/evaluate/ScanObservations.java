package io.orgscan.evaluate;

import io.orgscan.model.CoveragePolicy;
import io.orgscan.model.Failure;
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
 * @param delegatedAdministratorFailure the ListDelegatedAdministrators failure, or null when the
 *                                 lookup answered (then {@code delegatedAdministratorId} is known,
 *                                 null meaning none); when it failed, which account's organization
 *                                 analyzers count is unknown
 */
public record ScanObservations(
        String managementAccountId,
        String delegatedAdministratorId,
        CoveragePolicy policy,
        List<String> universe,
        Set<String> excludedRegions,
        List<AccountObservation> accounts,
        Map<String, List<RegionDeny>> regionDenies,
        Failure delegatedAdministratorFailure) {
    public ScanObservations {
        Objects.requireNonNull(managementAccountId, "managementAccountId");
        Objects.requireNonNull(policy, "policy");
        universe = List.copyOf(universe);
        excludedRegions = Set.copyOf(excludedRegions);
        accounts = List.copyOf(accounts);
        regionDenies = Map.copyOf(regionDenies);
        if (delegatedAdministratorFailure != null && delegatedAdministratorId != null) {
            throw new IllegalArgumentException("a failed delegated-administrator lookup names no administrator");
        }
    }

    /** Observations of a scan whose delegated-administrator lookup answered. */
    public ScanObservations(String managementAccountId, String delegatedAdministratorId, CoveragePolicy policy,
                            List<String> universe, Set<String> excludedRegions, List<AccountObservation> accounts,
                            Map<String, List<RegionDeny>> regionDenies) {
        this(managementAccountId, delegatedAdministratorId, policy, universe, excludedRegions, accounts, regionDenies, null);
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

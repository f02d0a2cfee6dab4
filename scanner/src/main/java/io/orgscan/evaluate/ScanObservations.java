package io.orgscan.evaluate;

import io.orgscan.model.CoveragePolicy;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The raw observations of a whole organization, the only input of {@link CoverageEvaluator}.
 *
 * @param delegatedAdministratorId the IAM Access Analyzer delegated administrator, or null
 * @param universe                 the regions that get a column: those seen, or {@code --regions}
 * @param excludedRegions          regions of the universe left out by {@code --exclude-regions}
 */
public record ScanObservations(
        String managementAccountId,
        String delegatedAdministratorId,
        CoveragePolicy policy,
        List<String> universe,
        Set<String> excludedRegions,
        List<AccountObservation> accounts) {
    public ScanObservations {
        Objects.requireNonNull(managementAccountId, "managementAccountId");
        Objects.requireNonNull(policy, "policy");
        universe = List.copyOf(universe);
        excludedRegions = Set.copyOf(excludedRegions);
        accounts = List.copyOf(accounts);
    }
}

package io.orgscan.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a scan saw, before any judgement, as scan.json records it: with the matrix's accounts and
 * regions and the metadata's management account, delegated administrator and policy, everything the
 * evaluator needs to judge every cell again. {@code orgscan report} re-proves a scan from it, so an
 * edited cell is refused instead of rendered.
 *
 * @param delegatedAdministratorFailure the ListDelegatedAdministrators failure, or null when it answered
 * @param excludedRegions               regions of the matrix left out by {@code --exclude-regions}
 * @param accounts                      one per account of the matrix, in its order
 */
public record Observations(Failure delegatedAdministratorFailure, List<String> excludedRegions,
                           List<AccountSeen> accounts) {
    public Observations {
        excludedRegions = List.copyOf(excludedRegions);
        accounts = List.copyOf(accounts);
    }

    /**
     * One account as the scan saw it.
     *
     * @param inScope        false when the scope options left it out
     * @param sessionFailure the AssumeRole failure, or null
     * @param regionsFailure the DescribeRegions failure, or null
     * @param regionStatus   each region's opt-in status as DescribeRegions listed it (sorted by region)
     * @param listings       ListAnalyzers per region where it was called (sorted by region)
     * @param regionDenies   the SCP region-deny statements that applied to it, in the order read
     */
    public record AccountSeen(String accountId, boolean inScope, Failure sessionFailure, Failure regionsFailure,
                              Map<String, RegionOptStatus> regionStatus, Map<String, Listing> listings,
                              List<RegionDenyStatement> regionDenies) {
        public AccountSeen {
            AwsNames.requireAccountId(accountId);
            regionStatus.keySet().forEach(AwsNames::requireRegion);
            listings.keySet().forEach(AwsNames::requireRegion);
            regionStatus = java.util.Collections.unmodifiableMap(new TreeMap<>(regionStatus));
            listings = java.util.Collections.unmodifiableMap(new TreeMap<>(listings));
            regionDenies = List.copyOf(regionDenies);
        }
    }

    /** What ListAnalyzers returned in one region: the analyzers, or the failure (then no analyzers). */
    public record Listing(List<Analyzer> analyzers, Failure failure) {
        public Listing {
            analyzers = List.copyOf(analyzers);
            if (failure != null && !analyzers.isEmpty()) {
                throw new IllegalArgumentException("a failed listing has no analyzers");
            }
        }
    }

    /**
     * A region-deny statement of a service control policy.
     *
     * @param conditions its conditions on aws:RequestedRegion
     */
    public record RegionDenyStatement(String policyId, String sid, List<RegionCondition> conditions) {
        public RegionDenyStatement {
            Objects.requireNonNull(policyId, "policy_id");
            Objects.requireNonNull(sid, "sid");
            conditions = List.copyOf(conditions);
        }
    }

    /** A StringNotEquals ({@code wildcards} false) or StringNotLike (true) condition: the regions it leaves alone. */
    public record RegionCondition(boolean wildcards, List<String> regions) {
        public RegionCondition {
            regions = List.copyOf(regions);
        }
    }
}

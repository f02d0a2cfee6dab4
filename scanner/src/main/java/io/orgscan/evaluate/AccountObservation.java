package io.orgscan.evaluate;

import io.orgscan.model.AccountRef;
import io.orgscan.model.Failure;
import io.orgscan.model.RegionOptStatus;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the scan saw of one account, before any judgement.
 *
 * @param inScope        false when {@code --accounts}, {@code --exclude-accounts} or {@code --ous}
 *                       left the account out
 * @param sessionFailure the AssumeRole failure, or null (also null when no session was attempted)
 * @param regionsFailure the DescribeRegions failure, or null
 * @param regionStatus   each region's opt-in status for the account, as DescribeRegions listed it
 * @param regions        ListAnalyzers per region, for the regions that were listed
 */
public record AccountObservation(
        AccountRef account,
        boolean inScope,
        Failure sessionFailure,
        Failure regionsFailure,
        Map<String, RegionOptStatus> regionStatus,
        Map<String, RegionObservation> regions) {
    public AccountObservation {
        Objects.requireNonNull(account, "account");
        regionStatus = Map.copyOf(regionStatus);
        regions = Map.copyOf(regions);
    }

    /** An account that was never contacted: not active, or out of scope. */
    public static AccountObservation notScanned(AccountRef account, boolean inScope) {
        return new AccountObservation(account, inScope, null, null, Map.of(), Map.of());
    }

    public RegionOptStatus optStatus(String region) {
        return regionStatus.getOrDefault(region, RegionOptStatus.UNKNOWN);
    }
}

package io.orgscan.evaluate;

import io.orgscan.model.AccountRef;
import io.orgscan.model.Cell;
import io.orgscan.model.CoverageMatrix;
import io.orgscan.model.Observations;
import io.orgscan.model.ScanMetadata;
import io.orgscan.model.ScanResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ScanObservations} to and from the {@link Observations} scan.json records, and the re-proof
 * of a saved scan: its cells judged again from its observations by the same {@link CoverageEvaluator}.
 * SHA256SUMS only proves the files are the ones written together; anyone who edits scan.json can
 * write a new SHA256SUMS. A cell that its own observations do not give is refused instead.
 */
public final class RecordedObservations {
    private RecordedObservations() {
    }

    /** What scan.json records of {@code observations}. */
    public static Observations of(ScanObservations observations) {
        List<Observations.AccountSeen> accounts = new ArrayList<>();
        for (AccountObservation account : observations.accounts()) {
            Map<String, Observations.Listing> listings = new HashMap<>();
            account.regions().forEach((region, listed) -> listings.put(region,
                    new Observations.Listing(listed.analyzers(), listed.failure())));
            List<Observations.RegionDenyStatement> denies = observations.regionDenies(account.account().id()).stream()
                    .map(d -> new Observations.RegionDenyStatement(d.policyId(), d.sid(), d.conditions().stream()
                            .map(c -> new Observations.RegionCondition(c.wildcards(), c.regions())).toList()))
                    .toList();
            accounts.add(new Observations.AccountSeen(account.account().id(), account.inScope(), account.sessionFailure(),
                    account.regionsFailure(), account.regionStatus(), listings, denies));
        }
        return new Observations(observations.delegatedAdministratorFailure(),
                observations.universe().stream().filter(observations.excludedRegions()::contains).toList(), accounts);
    }

    /**
     * The observations a saved scan was judged from: its recorded observations with its metadata's
     * management account, delegated administrator and policy, and its matrix's accounts and regions.
     *
     * @throws IllegalArgumentException when they do not fit the matrix (an account the observations
     *                                  do not have, or one they have twice)
     */
    public static ScanObservations replay(ScanResult result) {
        Observations recorded = Objects.requireNonNull(result.observations(), "observations");
        ScanMetadata meta = result.metadata();
        Map<String, Observations.AccountSeen> seen = new LinkedHashMap<>();
        for (Observations.AccountSeen account : recorded.accounts()) {
            if (seen.put(account.accountId(), account) != null) {
                throw new IllegalArgumentException("observations: account " + account.accountId() + " twice");
            }
        }
        List<AccountObservation> accounts = new ArrayList<>();
        Map<String, List<RegionDeny>> denies = new HashMap<>();
        for (AccountRef ref : result.matrix().accounts()) {
            Observations.AccountSeen account = seen.remove(ref.id());
            if (account == null) {
                throw new IllegalArgumentException("account " + ref.id() + " is not in the scan's observations");
            }
            Map<String, RegionObservation> regions = new HashMap<>();
            account.listings().forEach((region, listing) ->
                    regions.put(region, new RegionObservation(listing.analyzers(), listing.failure())));
            accounts.add(new AccountObservation(ref, account.inScope(), account.sessionFailure(), account.regionsFailure(),
                    account.regionStatus(), regions));
            if (!account.regionDenies().isEmpty()) {
                denies.put(ref.id(), account.regionDenies().stream()
                        .map(d -> new RegionDeny(d.policyId(), d.sid(), d.conditions().stream()
                                .map(c -> new RegionDeny.RegionCondition(c.wildcards(), c.regions())).toList()))
                        .toList());
            }
        }
        if (!seen.isEmpty()) {
            throw new IllegalArgumentException("observations: account " + seen.keySet().iterator().next()
                    + " is not in the matrix");
        }
        Set<String> excluded = new HashSet<>(recorded.excludedRegions());
        if (!result.matrix().regions().containsAll(excluded)) {
            throw new IllegalArgumentException("observations: an excluded region is not a region of the matrix");
        }
        return new ScanObservations(meta.managementAccountId(), meta.delegatedAdministratorId(), meta.policy(),
                result.matrix().regions(), excluded, accounts, denies, recorded.delegatedAdministratorFailure());
    }

    /**
     * The first cell of {@code result} (in the matrix's order) that its observations, judged again,
     * do not give, described in one line; empty when every cell agrees.
     *
     * @throws IllegalArgumentException as {@link #replay}
     */
    public static Optional<String> firstDisagreement(ScanResult result) {
        CoverageMatrix judged = new CoverageEvaluator().evaluate(replay(result));
        for (Cell recorded : result.matrix().cells()) {
            Cell again = judged.cell(recorded.key().accountId(), recorded.key().region());
            String where = "cell " + recorded.key().accountId() + " " + recorded.key().region();
            if (recorded.reason() != again.reason() || !Objects.equals(recorded.coveredByArn(), again.coveredByArn())) {
                return Optional.of(where + " says " + describe(recorded) + " but its observations give " + describe(again));
            }
            if (!recorded.equals(again)) {
                return Optional.of(where + " says " + describe(recorded) + " with other details (detail, analyzers, "
                        + "region opt-in status or failure) than its observations give: \"" + recorded.detail()
                        + "\" instead of \"" + again.detail() + "\"");
            }
        }
        return Optional.empty();
    }

    private static String describe(Cell cell) {
        return cell.status() + " / " + cell.reason() + (cell.coveredByArn() == null ? "" : " covered by " + cell.coveredByArn());
    }
}

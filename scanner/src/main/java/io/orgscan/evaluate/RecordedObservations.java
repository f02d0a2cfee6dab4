package io.orgscan.evaluate;

import io.orgscan.model.AccountRef;
import io.orgscan.model.Cell;
import io.orgscan.model.CoverageMatrix;
import io.orgscan.model.ErrorRecord;
import io.orgscan.model.Failure;
import io.orgscan.model.Observations;
import io.orgscan.model.ScanMetadata;
import io.orgscan.model.ScanResult;
import java.util.ArrayList;
import java.util.Comparator;
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
    /** scan.json's and errors.csv's order of failed calls: organization-level first, then by account, region and operation. */
    public static final Comparator<ErrorRecord> ERROR_ORDER = Comparator
            .comparing((ErrorRecord e) -> e.accountId() == null ? "" : e.accountId())
            .thenComparing(e -> e.region() == null ? "" : e.region())
            .thenComparing(e -> e.failure().operation());

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
     * do not give, else the first failed call its errors and its observations disagree on, described
     * in one line; empty when every cell and every error agrees.
     *
     * @throws IllegalArgumentException as {@link #replay}
     */
    public static Optional<String> firstDisagreement(ScanResult result) {
        ScanObservations observations = replay(result);
        CoverageMatrix judged = new CoverageEvaluator().evaluate(observations);
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
        return firstErrorDisagreement(result.errors(), failedCalls(observations));
    }

    /**
     * Every failed call the observations record, as errors.csv lists them: the delegated administrator's
     * lookup, each account's AssumeRole or DescribeRegions, each region's ListAnalyzers. The scan records
     * a call in both places when it fails, so the two lists must be the same.
     */
    static List<ErrorRecord> failedCalls(ScanObservations observations) {
        List<ErrorRecord> calls = new ArrayList<>();
        if (observations.delegatedAdministratorFailure() != null) {
            calls.add(new ErrorRecord(null, null, observations.delegatedAdministratorFailure()));
        }
        for (AccountObservation account : observations.accounts()) {
            String id = account.account().id();
            for (Failure failure : new Failure[] {account.sessionFailure(), account.regionsFailure()}) {
                if (failure != null) {
                    calls.add(new ErrorRecord(id, null, failure));
                }
            }
            account.regions().forEach((region, listed) -> {
                if (listed.failure() != null) {
                    calls.add(new ErrorRecord(id, region, listed.failure()));
                }
            });
        }
        calls.sort(ERROR_ORDER);
        return calls;
    }

    /** The first failed call one list has and the other has not (order aside), in one line; empty when they agree. */
    private static Optional<String> firstErrorDisagreement(List<ErrorRecord> recorded, List<ErrorRecord> observed) {
        List<ErrorRecord> inFile = new ArrayList<>(recorded);
        inFile.sort(ERROR_ORDER);
        for (int i = 0; i < Math.max(inFile.size(), observed.size()); i++) {
            ErrorRecord file = i < inFile.size() ? inFile.get(i) : null;
            ErrorRecord seen = i < observed.size() ? observed.get(i) : null;
            if (Objects.equals(file, seen)) {
                continue;
            }
            if (seen == null || file != null && ERROR_ORDER.compare(file, seen) < 0) {
                return Optional.of("errors list a failed call its observations do not record: " + describe(file));
            }
            if (file == null || ERROR_ORDER.compare(file, seen) > 0) {
                return Optional.of("errors lack a failed call its observations record: " + describe(seen));
            }
            return Optional.of("errors say " + describe(file) + " but its observations record " + describe(seen));
        }
        return Optional.empty();
    }

    private static String describe(ErrorRecord error) {
        return (error.accountId() == null ? "organization" : "account " + error.accountId())
                + (error.region() == null ? "" : " " + error.region()) + " " + error.failure().describe()
                + " (" + error.failure().attempts() + " attempts)";
    }

    private static String describe(Cell cell) {
        return cell.status() + " / " + cell.reason() + (cell.coveredByArn() == null ? "" : " covered by " + cell.coveredByArn());
    }
}

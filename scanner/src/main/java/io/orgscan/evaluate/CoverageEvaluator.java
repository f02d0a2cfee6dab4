package io.orgscan.evaluate;

import io.orgscan.model.AccountRef;
import io.orgscan.model.AccountState;
import io.orgscan.model.Analyzer;
import io.orgscan.model.AnalyzerType;
import io.orgscan.model.Cell;
import io.orgscan.model.CellKey;
import io.orgscan.model.CoverageMatrix;
import io.orgscan.model.CoveragePolicy;
import io.orgscan.model.DecisionRule;
import io.orgscan.model.Failure;
import io.orgscan.model.Reason;
import io.orgscan.model.RegionOptStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Judges every account x region of an organization from raw observations. Pure: no I/O, no clock.
 * It runs the decision table, {@link DecisionRule}, in its order: the first rule that matches a cell
 * decides it. A cell is never compliant without an ACTIVE external-access analyzer that provably
 * covers it.
 */
public final class CoverageEvaluator {

    public CoverageMatrix evaluate(ScanObservations observations) {
        Map<String, OrganizationAnalyzers> organizationAnalyzers = new HashMap<>();
        if (observations.policy() == CoveragePolicy.ORG) {
            for (String region : observations.universe()) {
                organizationAnalyzers.put(region, OrganizationAnalyzers.in(region, observations));
            }
        }
        Set<String> enabledEverywhere = enabledInEveryAccount(observations);
        Failure administratorFailure = observations.policy() == CoveragePolicy.ORG
                ? observations.delegatedAdministratorFailure() : null;
        Set<String> unknownOrganization = administratorFailure == null ? Set.of()
                : unknownOrganizationAnalyzers(observations);
        List<DecisionRule> rules = Arrays.stream(DecisionRule.values())
                .filter(rule -> rule.appliesUnder(observations.policy())).toList();
        List<Cell> cells = new ArrayList<>();
        for (AccountObservation account : observations.accounts()) {
            List<RegionDeny> denies = observations.regionDenies(account.account().id());
            for (String region : observations.universe()) {
                CellFacts facts = new CellFacts(account, region, observations.excludedRegions().contains(region),
                        enabledEverywhere.contains(region), organizationAnalyzers.get(region), denies,
                        administratorFailure, unknownOrganization.contains(region));
                cells.add(judge(rules, facts));
            }
        }
        List<AccountRef> accounts = observations.accounts().stream().map(AccountObservation::account).toList();
        return new CoverageMatrix(accounts, observations.universe(), cells);
    }

    /** The regions some account's DescribeRegions listed as opt-in-not-required: enabled in every account. */
    private static Set<String> enabledInEveryAccount(ScanObservations observations) {
        Set<String> regions = new HashSet<>();
        for (AccountObservation account : observations.accounts()) {
            account.regionStatus().forEach((region, status) -> {
                if (status == RegionOptStatus.OPT_IN_NOT_REQUIRED) {
                    regions.add(region);
                }
            });
        }
        return regions;
    }

    private static Cell judge(List<DecisionRule> rules, CellFacts facts) {
        for (DecisionRule rule : rules) {
            Cell cell = apply(rule, facts);
            if (cell != null) {
                return cell;
            }
        }
        throw new IllegalStateException("the last rule of the decision table decides every cell");
    }

    /** The cell {@code rule} decides, or null when it does not match. */
    private static Cell apply(DecisionRule rule, CellFacts facts) {
        AccountObservation account = facts.account();
        return switch (rule) {
            case ACCOUNT_NOT_ACTIVE -> account.account().state().isActive() ? null
                    : facts.decided(Reason.ACCOUNT_NOT_ACTIVE, "account state is " + account.account().state(), null);
            case EXCLUDED -> !account.inScope()
                    ? facts.decided(Reason.EXCLUDED, "account left out by the scan's scope", null)
                    : facts.regionExcluded()
                    ? facts.decided(Reason.EXCLUDED, "region left out by --exclude-regions", null)
                    : null;
            case REGION_NOT_ENABLED -> !facts.regionsKnown() || facts.optStatus().isEnabled() ? null
                    : facts.decided(Reason.REGION_NOT_ENABLED, facts.optStatus() == RegionOptStatus.NOT_OPTED_IN
                            ? "region is not enabled (not-opted-in) for the account"
                            : "region is not listed by DescribeRegions for the account", null);
            case OWN_ANALYZER -> ownAnalyzer(facts);
            case ORGANIZATION_COVERAGE -> organizationCoverage(facts);
            case REGION_DENIED_BY_SCP -> facts.denies().stream().filter(deny -> deny.denies(facts.key().region())).findFirst()
                    .map(deny -> facts.decided(Reason.REGION_DENIED_BY_SCP, "region denied by " + deny.describe(), null))
                    .orElse(null);
            case ROLE_NOT_ASSUMED -> account.sessionFailure() == null ? null
                    : facts.undecided(Reason.ASSUME_ROLE_FAILED, account.sessionFailure());
            case REGIONS_NOT_READ -> account.regionsFailure() == null ? null
                    : facts.undecided(FailureKind.reasonFor(account.regionsFailure()), account.regionsFailure());
            case ANALYZERS_NOT_READ -> analyzersNotRead(facts);
            case ORGANIZATION_ANALYZERS_NOT_READ -> organizationAnalyzersNotRead(facts);
            case DELEGATED_ADMINISTRATOR_UNKNOWN -> delegatedAdministratorUnknown(facts);
            case ANALYZER_NOT_ACTIVE -> analyzerNotActive(facts);
            case NO_EXTERNAL_ACCESS_ANALYZER -> facts.decided(Reason.NO_EXTERNAL_ACCESS_ANALYZER, facts.own().isEmpty()
                    ? "no analyzer in the region"
                    : "no external-access analyzer; only " + facts.own().stream().map(a -> a.type() + " " + a.name())
                            .collect(Collectors.joining(", ")), null);
        };
    }

    private static Cell ownAnalyzer(CellFacts facts) {
        String accountId = facts.key().accountId();
        Optional<Analyzer> account = firstActive(facts.own(), AnalyzerType.ACCOUNT, accountId);
        if (account.isPresent()) {
            return facts.decided(Reason.ACTIVE_ACCOUNT_ANALYZER, "ACCOUNT analyzer " + account.get().name() + " is ACTIVE",
                    account.get().arn());
        }
        return firstActive(facts.own(), AnalyzerType.ORGANIZATION, accountId)
                .map(a -> facts.decided(Reason.ACTIVE_ORGANIZATION_ANALYZER,
                        "ORGANIZATION analyzer " + a.name() + " owned by this account is ACTIVE", a.arn()))
                .orElse(null);
    }

    private static Cell organizationCoverage(CellFacts facts) {
        OrganizationAnalyzers organization = facts.organization();
        if (organization == null || organization.active().isEmpty() || !facts.regionKnownEnabled()) {
            return null;
        }
        Analyzer analyzer = organization.active().get(0);
        return facts.decided(Reason.ACTIVE_ORGANIZATION_ANALYZER,
                "covered by ORGANIZATION analyzer " + analyzer.name() + " of account " + analyzer.ownerAccountId(),
                analyzer.arn());
    }

    private static Cell analyzersNotRead(CellFacts facts) {
        RegionObservation listed = facts.account().regions().get(facts.key().region());
        if (listed == null) {
            return facts.undecided(Reason.API_ERROR, RegionObservation.NOT_LISTED);
        }
        return listed.succeeded() ? null : facts.undecided(FailureKind.reasonFor(listed.failure()), listed.failure());
    }

    private static Cell organizationAnalyzersNotRead(CellFacts facts) {
        OrganizationAnalyzers organization = facts.organization();
        if (organization == null || organization.unreadable().isEmpty()) {
            return null;
        }
        OrganizationAnalyzers.AdminFailure admin = organization.unreadable().get();
        Failure failure = admin.failure();
        Failure explained = new Failure(failure.operation(), failure.errorCode(),
                "organization analyzers of account " + admin.accountId() + " could not be read: " + failure.message(),
                failure.attempts());
        return facts.undecided(FailureKind.reasonFor(failure), explained);
    }

    private static Cell delegatedAdministratorUnknown(CellFacts facts) {
        Failure failure = facts.administratorFailure();
        if (failure == null || !facts.unknownOrganizationAnalyzer()) {
            return null;
        }
        Failure explained = new Failure(failure.operation(), failure.errorCode(),
                "the Access Analyzer delegated administrator is unknown, and an organization analyzer of it could "
                        + "cover this region: " + failure.message(), failure.attempts());
        return facts.undecided(FailureKind.reasonFor(failure), explained);
    }

    /**
     * Per region, true when an organization analyzer of an unknown delegated administrator could be
     * there: an ACTIVE account other than the management account lists an ACTIVE ORGANIZATION analyzer
     * in it, or some ACTIVE account's analyzers in it were not read (never scanned included).
     */
    private static Set<String> unknownOrganizationAnalyzers(ScanObservations observations) {
        Set<String> regions = new HashSet<>();
        for (String region : observations.universe()) {
            for (AccountObservation account : observations.accounts()) {
                if (account.account().state() != AccountState.ACTIVE) {
                    continue;
                }
                RegionObservation listed = account.regions().get(region);
                boolean notRead = account.sessionFailure() != null || account.regionsFailure() != null
                        || account.regionStatus().isEmpty()
                        || (account.optStatus(region).isEnabled() && (listed == null || !listed.succeeded()));
                boolean organizationAnalyzer = listed != null && listed.succeeded()
                        && !account.account().id().equals(observations.managementAccountId())
                        && listed.analyzers().stream().anyMatch(a -> a.type() == AnalyzerType.ORGANIZATION && a.isActive());
                if (notRead || organizationAnalyzer) {
                    regions.add(region);
                    break;
                }
            }
        }
        return regions;
    }

    private static Cell analyzerNotActive(CellFacts facts) {
        List<Analyzer> inactive = new ArrayList<>();
        for (Analyzer analyzer : facts.own()) {
            if (analyzer.type().analyzesExternalAccess() && !analyzer.isActive()) {
                inactive.add(analyzer);
            }
        }
        if (facts.organization() != null) {
            inactive.addAll(facts.organization().inactive());
        }
        if (inactive.isEmpty()) {
            return null;
        }
        String detail = inactive.stream()
                .map(a -> a.type() + " analyzer " + a.name() + " is " + a.status()
                        + (a.statusReason() == null ? "" : " (" + a.statusReason() + ")"))
                .collect(Collectors.joining("; "));
        return facts.decided(Reason.ANALYZER_NOT_ACTIVE, detail, null);
    }

    /** A loop, not a stream: it runs for every cell, mostly on an empty list, once per scan. */
    private static Optional<Analyzer> firstActive(List<Analyzer> analyzers, AnalyzerType type, String ownerAccountId) {
        for (Analyzer analyzer : analyzers) {
            if (analyzer.type() == type && analyzer.isActive() && analyzer.ownerAccountId().equals(ownerAccountId)) {
                return Optional.of(analyzer);
            }
        }
        return Optional.empty();
    }

    /**
     * What the rules look at for one cell.
     *
     * @param enabledEverywhere the region is opt-in-not-required, so enabled in every account
     * @param organization      the organization analyzers of the region under the org policy, else null
     * @param denies            the SCP region-deny statements that apply to the account
     */
    private record CellFacts(AccountObservation account, CellKey key, RegionOptStatus optStatus, boolean regionExcluded,
                             boolean enabledEverywhere, OrganizationAnalyzers organization, List<RegionDeny> denies,
                             Failure administratorFailure, boolean unknownOrganizationAnalyzer) {
        CellFacts(AccountObservation account, String region, boolean regionExcluded, boolean enabledEverywhere,
                  OrganizationAnalyzers organization, List<RegionDeny> denies, Failure administratorFailure,
                  boolean unknownOrganizationAnalyzer) {
            this(account, new CellKey(account.account().id(), region), account.optStatus(region), regionExcluded,
                    enabledEverywhere, organization, denies, administratorFailure, unknownOrganizationAnalyzer);
        }

        /** True when the account's DescribeRegions answered, so a region it did not list is not enabled. */
        boolean regionsKnown() {
            return account.sessionFailure() == null && account.regionsFailure() == null;
        }

        boolean regionKnownEnabled() {
            return (regionsKnown() && optStatus.isEnabled()) || enabledEverywhere;
        }

        /** The account's own analyzers in the region; none when they were not read. */
        List<Analyzer> own() {
            RegionObservation listed = account.regions().get(key.region());
            return listed == null || !listed.succeeded() ? List.of() : listed.analyzers();
        }

        Cell decided(Reason reason, String detail, String coveredBy) {
            return new Cell(key, optStatus, reason, detail, own(), coveredBy, null);
        }

        Cell undecided(Reason reason, Failure failure) {
            return new Cell(key, optStatus, reason, failure.describe(), own(), null, failure);
        }
    }
}

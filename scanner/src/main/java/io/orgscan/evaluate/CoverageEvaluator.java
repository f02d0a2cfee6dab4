package io.orgscan.evaluate;

import io.orgscan.model.AccountRef;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        List<DecisionRule> rules = Arrays.stream(DecisionRule.values())
                .filter(rule -> rule.appliesUnder(observations.policy())).toList();
        List<Cell> cells = new ArrayList<>();
        for (AccountObservation account : observations.accounts()) {
            for (String region : observations.universe()) {
                CellFacts facts = new CellFacts(account, region, observations.excludedRegions().contains(region),
                        organizationAnalyzers.get(region));
                cells.add(judge(rules, facts));
            }
        }
        List<AccountRef> accounts = observations.accounts().stream().map(AccountObservation::account).toList();
        return new CoverageMatrix(accounts, observations.universe(), cells);
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
                    : facts.decided(Reason.ACCOUNT_NOT_ACTIVE, "account state is " + account.account().state(), List.of(), null);
            case EXCLUDED -> !account.inScope()
                    ? facts.decided(Reason.EXCLUDED, "account left out by the scan's scope", List.of(), null)
                    : facts.regionExcluded()
                    ? facts.decided(Reason.EXCLUDED, "region left out by --exclude-regions", List.of(), null)
                    : null;
            case ROLE_NOT_ASSUMED -> account.sessionFailure() == null ? null
                    : facts.undecided(Reason.ASSUME_ROLE_FAILED, account.sessionFailure(), List.of());
            case REGIONS_NOT_READ -> account.regionsFailure() == null ? null
                    : facts.undecided(FailureKind.reasonFor(account.regionsFailure()), account.regionsFailure(), List.of());
            case REGION_NOT_ENABLED -> facts.optStatus().isEnabled() ? null
                    : facts.decided(Reason.REGION_NOT_ENABLED, facts.optStatus() == RegionOptStatus.NOT_OPTED_IN
                            ? "region is not enabled (not-opted-in) for the account"
                            : "region is not listed by DescribeRegions for the account", List.of(), null);
            case ANALYZERS_NOT_READ -> analyzersNotRead(facts);
            case OWN_ACCOUNT_ANALYZER -> firstActive(facts.own(), AnalyzerType.ACCOUNT, account.account().id())
                    .map(a -> facts.decided(Reason.ACTIVE_ACCOUNT_ANALYZER, "ACCOUNT analyzer " + a.name() + " is ACTIVE",
                            facts.own(), a.arn()))
                    .orElse(null);
            case ORGANIZATION_ANALYZER -> organizationAnalyzer(facts);
            case ORGANIZATION_ANALYZERS_NOT_READ -> organizationAnalyzersNotRead(facts);
            case ANALYZER_NOT_ACTIVE -> analyzerNotActive(facts);
            case NO_EXTERNAL_ACCESS_ANALYZER -> facts.decided(Reason.NO_EXTERNAL_ACCESS_ANALYZER, facts.own().isEmpty()
                    ? "no analyzer in the region"
                    : "no external-access analyzer; only " + facts.own().stream().map(a -> a.type() + " " + a.name())
                            .collect(Collectors.joining(", ")), facts.own(), null);
        };
    }

    private static Cell analyzersNotRead(CellFacts facts) {
        RegionObservation listed = facts.account().regions().get(facts.key().region());
        if (listed == null) {
            Failure notRead = new Failure("ListAnalyzers", "NotRead", "the scan did not list analyzers in this region", 0);
            return facts.undecided(Reason.API_ERROR, notRead, List.of());
        }
        return listed.succeeded() ? null : facts.undecided(FailureKind.reasonFor(listed.failure()), listed.failure(), List.of());
    }

    private static Cell organizationAnalyzer(CellFacts facts) {
        Optional<Analyzer> own = firstActive(facts.own(), AnalyzerType.ORGANIZATION, facts.key().accountId());
        if (own.isPresent()) {
            return facts.decided(Reason.ACTIVE_ORGANIZATION_ANALYZER,
                    "ORGANIZATION analyzer " + own.get().name() + " owned by this account is ACTIVE", facts.own(), own.get().arn());
        }
        OrganizationAnalyzers organization = facts.organization();
        if (organization == null || organization.active().isEmpty()) {
            return null;
        }
        Analyzer analyzer = organization.active().get(0);
        return facts.decided(Reason.ACTIVE_ORGANIZATION_ANALYZER,
                "covered by ORGANIZATION analyzer " + analyzer.name() + " of account " + analyzer.ownerAccountId(),
                facts.own(), analyzer.arn());
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
        return facts.undecided(FailureKind.reasonFor(failure), explained, facts.own());
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
        return facts.decided(Reason.ANALYZER_NOT_ACTIVE, detail, facts.own(), null);
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
     * @param organization the organization analyzers of the region under the org policy, else null
     */
    private record CellFacts(AccountObservation account, CellKey key, RegionOptStatus optStatus, boolean regionExcluded,
                             OrganizationAnalyzers organization) {
        CellFacts(AccountObservation account, String region, boolean regionExcluded, OrganizationAnalyzers organization) {
            this(account, new CellKey(account.account().id(), region), account.optStatus(region), regionExcluded, organization);
        }

        /** The account's own analyzers in the region: only asked for once the rules know they were read. */
        List<Analyzer> own() {
            return account.regions().get(key.region()).analyzers();
        }

        Cell decided(Reason reason, String detail, List<Analyzer> analyzers, String coveredBy) {
            return new Cell(key, optStatus, reason, detail, analyzers, coveredBy, null);
        }

        Cell undecided(Reason reason, Failure failure, List<Analyzer> analyzers) {
            return new Cell(key, optStatus, reason, failure.describe(), analyzers, null, failure);
        }
    }
}

package io.orgscan.evaluate;

import io.orgscan.model.AccountRef;
import io.orgscan.model.Analyzer;
import io.orgscan.model.AnalyzerType;
import io.orgscan.model.Cell;
import io.orgscan.model.CellKey;
import io.orgscan.model.CoverageMatrix;
import io.orgscan.model.CoveragePolicy;
import io.orgscan.model.Failure;
import io.orgscan.model.Reason;
import io.orgscan.model.RegionOptStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Judges every account x region of an organization from raw observations. Pure: no I/O, no clock.
 *
 * <p>Rules, first match wins: account not ACTIVE; account or region out of scope; role not
 * assumed (its regions are unknown, so every cell is undecided, even where an organization
 * analyzer might cover it); regions not readable; region not enabled; ListAnalyzers failed; then
 * the analyzers decide. A cell is never compliant without an ACTIVE external-access analyzer
 * that provably covers it.
 */
public final class CoverageEvaluator {

    public CoverageMatrix evaluate(ScanObservations observations) {
        Map<String, OrganizationAnalyzers> organizationAnalyzers = new HashMap<>();
        if (observations.policy() == CoveragePolicy.ORG) {
            for (String region : observations.universe()) {
                organizationAnalyzers.put(region, OrganizationAnalyzers.in(region, observations));
            }
        }
        List<Cell> cells = new ArrayList<>();
        for (AccountObservation account : observations.accounts()) {
            for (String region : observations.universe()) {
                cells.add(judge(account, region, observations, organizationAnalyzers.get(region)));
            }
        }
        List<AccountRef> accounts = observations.accounts().stream().map(AccountObservation::account).toList();
        return new CoverageMatrix(accounts, observations.universe(), cells);
    }

    private static Cell judge(AccountObservation account, String region, ScanObservations observations,
                              OrganizationAnalyzers organization) {
        CellKey key = new CellKey(account.account().id(), region);
        RegionOptStatus optStatus = account.optStatus(region);
        if (!account.account().state().isActive()) {
            return new Cell(key, optStatus, Reason.ACCOUNT_NOT_ACTIVE,
                    "account state is " + account.account().state(), List.of(), null, null);
        }
        if (!account.inScope()) {
            return new Cell(key, optStatus, Reason.EXCLUDED, "account left out by the scan's scope", List.of(), null, null);
        }
        if (observations.excludedRegions().contains(region)) {
            return new Cell(key, optStatus, Reason.EXCLUDED, "region left out by --exclude-regions", List.of(), null, null);
        }
        if (account.sessionFailure() != null) {
            return undecided(key, optStatus, Reason.ASSUME_ROLE_FAILED, account.sessionFailure(), List.of());
        }
        if (account.regionsFailure() != null) {
            return undecided(key, optStatus, FailureKind.reasonFor(account.regionsFailure()), account.regionsFailure(), List.of());
        }
        if (!optStatus.isEnabled()) {
            String detail = optStatus == RegionOptStatus.NOT_OPTED_IN
                    ? "region is not enabled (not-opted-in) for the account"
                    : "region is not listed by DescribeRegions for the account";
            return new Cell(key, optStatus, Reason.REGION_NOT_ENABLED, detail, List.of(), null, null);
        }
        RegionObservation listed = account.regions().get(region);
        if (listed == null) {
            Failure notRead = new Failure("ListAnalyzers", "NotRead", "the scan did not list analyzers in this region", 0);
            return undecided(key, optStatus, Reason.API_ERROR, notRead, List.of());
        }
        if (!listed.succeeded()) {
            return undecided(key, optStatus, FailureKind.reasonFor(listed.failure()), listed.failure(), List.of());
        }
        return byAnalyzers(key, optStatus, account.account().id(), listed.analyzers(), organization);
    }

    private static Cell byAnalyzers(CellKey key, RegionOptStatus optStatus, String accountId,
                                    List<Analyzer> own, OrganizationAnalyzers organization) {
        Optional<Analyzer> ownAccountAnalyzer = firstActive(own, AnalyzerType.ACCOUNT, accountId);
        if (ownAccountAnalyzer.isPresent()) {
            Analyzer analyzer = ownAccountAnalyzer.get();
            return new Cell(key, optStatus, Reason.ACTIVE_ACCOUNT_ANALYZER,
                    "ACCOUNT analyzer " + analyzer.name() + " is ACTIVE", own, analyzer.arn(), null);
        }
        Optional<Analyzer> ownOrganizationAnalyzer = firstActive(own, AnalyzerType.ORGANIZATION, accountId);
        if (ownOrganizationAnalyzer.isPresent()) {
            Analyzer analyzer = ownOrganizationAnalyzer.get();
            return new Cell(key, optStatus, Reason.ACTIVE_ORGANIZATION_ANALYZER,
                    "ORGANIZATION analyzer " + analyzer.name() + " owned by this account is ACTIVE", own, analyzer.arn(), null);
        }
        List<Analyzer> inactive = new ArrayList<>();
        for (Analyzer analyzer : own) {
            if (analyzer.type().analyzesExternalAccess() && !analyzer.isActive()) {
                inactive.add(analyzer);
            }
        }
        if (organization != null) {
            if (!organization.active().isEmpty()) {
                Analyzer analyzer = organization.active().get(0);
                return new Cell(key, optStatus, Reason.ACTIVE_ORGANIZATION_ANALYZER,
                        "covered by ORGANIZATION analyzer " + analyzer.name() + " of account " + analyzer.ownerAccountId(),
                        own, analyzer.arn(), null);
            }
            if (organization.unreadable().isPresent()) {
                OrganizationAnalyzers.AdminFailure admin = organization.unreadable().get();
                Failure failure = admin.failure();
                Failure explained = new Failure(failure.operation(), failure.errorCode(),
                        "organization analyzers of account " + admin.accountId() + " could not be read: " + failure.message(),
                        failure.attempts());
                return undecided(key, optStatus, FailureKind.reasonFor(failure), explained, own);
            }
            inactive.addAll(organization.inactive());
        }
        if (!inactive.isEmpty()) {
            String detail = inactive.stream()
                    .map(a -> a.type() + " analyzer " + a.name() + " is " + a.status()
                            + (a.statusReason() == null ? "" : " (" + a.statusReason() + ")"))
                    .collect(Collectors.joining("; "));
            return new Cell(key, optStatus, Reason.ANALYZER_NOT_ACTIVE, detail, own, null, null);
        }
        String detail = own.isEmpty()
                ? "no analyzer in the region"
                : "no external-access analyzer; only " + own.stream().map(a -> a.type() + " " + a.name())
                        .collect(Collectors.joining(", "));
        return new Cell(key, optStatus, Reason.NO_EXTERNAL_ACCESS_ANALYZER, detail, own, null, null);
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

    private static Cell undecided(CellKey key, RegionOptStatus optStatus, Reason reason, Failure failure,
                                  List<Analyzer> analyzers) {
        return new Cell(key, optStatus, reason, failure.describe(), analyzers, null, failure);
    }
}

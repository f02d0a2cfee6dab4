package io.orgscan.evaluate;

import io.orgscan.model.AccountState;
import io.orgscan.model.Analyzer;
import io.orgscan.model.AnalyzerType;
import io.orgscan.model.Failure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ORGANIZATION analyzers of one region that may cover member accounts: those owned by the
 * management account or the IAM Access Analyzer delegated administrator. When one of those
 * accounts could not be read in the region, the coverage there is unknown, and {@link #unreadable()}
 * carries the failure.
 */
record OrganizationAnalyzers(List<Analyzer> active, List<Analyzer> inactive, Optional<AdminFailure> unreadable) {

    /** Why an administrator account's organization analyzers in a region are unknown. */
    record AdminFailure(String accountId, Failure failure) {
    }

    static OrganizationAnalyzers in(String region, ScanObservations observations) {
        Set<String> admins = new LinkedHashSet<>();
        admins.add(observations.managementAccountId());
        if (observations.delegatedAdministratorId() != null) {
            admins.add(observations.delegatedAdministratorId());
        }
        List<Analyzer> active = new ArrayList<>();
        List<Analyzer> inactive = new ArrayList<>();
        AdminFailure unreadable = null;
        for (AccountObservation admin : observations.accounts()) {
            if (!admins.contains(admin.account().id()) || admin.account().state() != AccountState.ACTIVE) {
                continue;
            }
            Failure failure = failureIn(admin, region);
            if (failure != null) {
                unreadable = unreadable != null ? unreadable : new AdminFailure(admin.account().id(), failure);
                continue;
            }
            if (!admin.optStatus(region).isEnabled()) {
                continue;
            }
            for (Analyzer analyzer : admin.regions().get(region).analyzers()) {
                if (analyzer.type() == AnalyzerType.ORGANIZATION) {
                    (analyzer.isActive() ? active : inactive).add(analyzer);
                }
            }
        }
        active.sort(Comparator.comparing(Analyzer::arn));
        inactive.sort(Comparator.comparing(Analyzer::arn));
        return new OrganizationAnalyzers(active, inactive, Optional.ofNullable(unreadable));
    }

    /** The failure that hides the account's analyzers in the region, or null when they were read. */
    private static Failure failureIn(AccountObservation account, String region) {
        if (account.sessionFailure() != null) {
            return account.sessionFailure();
        }
        if (account.regionsFailure() != null) {
            return account.regionsFailure();
        }
        if (!account.optStatus(region).isEnabled()) {
            return null;
        }
        RegionObservation listed = account.regions().get(region);
        if (listed == null) {
            return RegionObservation.NOT_LISTED;
        }
        return listed.failure();
    }
}

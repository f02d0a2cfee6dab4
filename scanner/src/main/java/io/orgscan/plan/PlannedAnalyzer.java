package io.orgscan.plan;

import io.orgscan.model.AnalyzerType;
import io.orgscan.model.AwsNames;
import java.util.List;
import java.util.Objects;

/**
 * One analyzer the plan creates: an external-access analyzer (ACCOUNT or ORGANIZATION, never an
 * unused- or internal-access one) in one account and region, and the findings it turns COMPLIANT.
 *
 * @param actionId   stable across plans of the same scan: {@code create-<type>-<account>-<region>}
 * @param findingIds findings.csv's {@code finding_id} of every cell the analyzer fixes, sorted
 */
public record PlannedAnalyzer(String actionId, String accountId, String region, AnalyzerType type, String name,
                              List<String> findingIds) {
    public PlannedAnalyzer {
        Objects.requireNonNull(actionId, "action_id");
        AwsNames.requireAccountId(accountId);
        AwsNames.requireRegion(region);
        if (type != AnalyzerType.ACCOUNT && type != AnalyzerType.ORGANIZATION) {
            throw new IllegalArgumentException("a plan creates only ACCOUNT or ORGANIZATION analyzers, not " + type);
        }
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_.-]{0,254}")) {
            throw new IllegalArgumentException("not an analyzer name: " + name);
        }
        findingIds = List.copyOf(findingIds);
    }

    static String actionId(AnalyzerType type, String accountId, String region) {
        return "create-" + type.name().toLowerCase(java.util.Locale.ROOT) + "-" + accountId + "-" + region;
    }
}

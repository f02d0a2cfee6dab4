package io.orgscan.simulator.scenario;

import java.util.List;
import java.util.Objects;

/**
 * The organization itself: its id, management account and single root.
 *
 * @param trustedAccessDisabled service principals whose trusted access (EnableAWSServiceAccess) is off;
 *                              every other service has it, as a registered delegated administrator implies
 */
public record Organization(String id, String managementAccountId, String managementAccountEmail,
                           String featureSet, String rootId, String rootName, List<String> trustedAccessDisabled) {
    public Organization {
        trustedAccessDisabled = List.copyOf(trustedAccessDisabled);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(managementAccountId, "managementAccountId");
        Objects.requireNonNull(managementAccountEmail, "managementAccountEmail");
        Objects.requireNonNull(featureSet, "featureSet");
        Objects.requireNonNull(rootId, "rootId");
        Objects.requireNonNull(rootName, "rootName");
    }

    /** An organization whose every service has trusted access. */
    public Organization(String id, String managementAccountId, String managementAccountEmail, String featureSet,
                        String rootId, String rootName) {
        this(id, managementAccountId, managementAccountEmail, featureSet, rootId, rootName, List.of());
    }

    public boolean hasTrustedAccess(String servicePrincipal) {
        return !trustedAccessDisabled.contains(servicePrincipal);
    }

    public String arn() {
        return "arn:aws:organizations::" + managementAccountId + ":organization/" + id;
    }

    public String accountArn(String accountId) {
        return "arn:aws:organizations::" + managementAccountId + ":account/" + id + "/" + accountId;
    }

    public String rootArn() {
        return "arn:aws:organizations::" + managementAccountId + ":root/" + id + "/" + rootId;
    }

    public String organizationalUnitArn(String ouId) {
        return "arn:aws:organizations::" + managementAccountId + ":ou/" + id + "/" + ouId;
    }
}

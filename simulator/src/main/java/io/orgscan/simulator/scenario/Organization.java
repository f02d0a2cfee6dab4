package io.orgscan.simulator.scenario;

import java.util.Objects;

/** The organization itself: its id, management account and single root. */
public record Organization(String id, String managementAccountId, String managementAccountEmail,
                           String featureSet, String rootId, String rootName) {
    public Organization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(managementAccountId, "managementAccountId");
        Objects.requireNonNull(managementAccountEmail, "managementAccountEmail");
        Objects.requireNonNull(featureSet, "featureSet");
        Objects.requireNonNull(rootId, "rootId");
        Objects.requireNonNull(rootName, "rootName");
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

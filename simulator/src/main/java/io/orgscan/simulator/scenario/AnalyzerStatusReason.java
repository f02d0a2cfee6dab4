package io.orgscan.simulator.scenario;

/** IAM Access Analyzer {@code ReasonCode}, reported in {@code statusReason.code}. */
public enum AnalyzerStatusReason {
    AWS_SERVICE_ACCESS_DISABLED,
    DELEGATED_ADMINISTRATOR_DEREGISTERED,
    ORGANIZATION_DELETED,
    SERVICE_LINKED_ROLE_CREATION_FAILED
}

package io.orgscan.simulator.scenario;

/** IAM Access Analyzer {@code AnalyzerStatus}. */
public enum AnalyzerStatus {
    ACTIVE, CREATING, DISABLED, FAILED
}

package io.orgscan.simulator;

/** IAM Access Analyzer {@code AnalyzerStatus}. */
public enum AnalyzerStatus {
    ACTIVE, CREATING, DISABLED, FAILED
}

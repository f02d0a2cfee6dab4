package io.orgscan.model;

import java.util.Objects;

/**
 * One analyzer as ListAnalyzers returned it. The owner account and region are read from the ARN
 * ({@code arn:<partition>:access-analyzer:<region>:<account>:analyzer/<name>}), because that is
 * what decides whose analyzer it is.
 *
 * @param statusReason the {@code statusReason.code} AWS gave, or null when there was none
 */
public record Analyzer(String arn, String name, AnalyzerType type, AnalyzerStatus status, String statusReason) {
    public Analyzer {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        if (arnPart(arn, 4) == null) {
            throw new IllegalArgumentException("not an analyzer ARN: " + arn);
        }
    }

    /** The account that owns the analyzer. */
    public String ownerAccountId() {
        return arnPart(arn, 4);
    }

    public String region() {
        return arnPart(arn, 3);
    }

    public boolean isActive() {
        return status == AnalyzerStatus.ACTIVE;
    }

    private static String arnPart(String arn, int index) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && parts[0].equals("arn") ? parts[index] : null;
    }
}

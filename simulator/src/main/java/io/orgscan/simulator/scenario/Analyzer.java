package io.orgscan.simulator.scenario;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One analyzer as a scenario declares it. It carries no account or region: the ARN is built from the
 * (account, region) that owns it, so one instance can be shared by many accounts (the synthetic
 * generator relies on that to stay small).
 *
 * @param statusReason null when the analyzer has none
 */
public record Analyzer(String name, AnalyzerType type, AnalyzerStatus status,
                       AnalyzerStatusReason statusReason, Instant createdAt) {
    /** The model's {@code Name} shape: 1..255 characters. */
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,254}");

    public Analyzer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("analyzer name \"" + name + "\" does not match [A-Za-z][A-Za-z0-9_.-]* (1..255 characters)");
        }
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public String arn(String accountId, String region) {
        return "arn:aws:access-analyzer:" + region + ":" + accountId + ":analyzer/" + name;
    }
}

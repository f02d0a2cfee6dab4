package io.orgscan.scan;

import java.util.Optional;

/** What {@code --scp-denied-regions} asks for: how regions that service control policies deny are judged. */
public enum ScpDeniedRegions {
    /** The default: no policy is read; cells keep the status their calls gave, and the summary counts those in SCP-denied regions. */
    REPORT_ONLY("report-only"),
    /**
     * The SCPs are read, and a cell that is not COMPLIANT in a region a region-deny statement denies
     * to the account becomes NOT_APPLICABLE / REGION_DENIED_BY_SCP.
     */
    NOT_APPLICABLE("not-applicable");

    private final String optionValue;

    ScpDeniedRegions(String optionValue) {
        this.optionValue = optionValue;
    }

    /** As the command line spells it. */
    public String optionValue() {
        return optionValue;
    }

    public static Optional<ScpDeniedRegions> fromOption(String value) {
        for (ScpDeniedRegions mode : values()) {
            if (mode.optionValue.equals(value)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}

package io.orgscan.simulator.scenario;

/** Whether a region is enabled for every account or must be opted into, as AWS splits them since March 2019. */
public enum RegionKind {
    /** Launched before March 20, 2019: enabled for every account; EC2 reports {@code opt-in-not-required}. */
    DEFAULT("default"),
    /** Disabled unless the account opted in; EC2 reports {@code opted-in} or {@code not-opted-in}. */
    OPT_IN("opt-in");

    private final String scenarioName;

    RegionKind(String scenarioName) {
        this.scenarioName = scenarioName;
    }

    /** The spelling in scenario files. */
    public String scenarioName() {
        return scenarioName;
    }

    static RegionKind fromScenarioName(String value) {
        for (RegionKind kind : values()) {
            if (kind.scenarioName.equals(value)) {
                return kind;
            }
        }
        return null;
    }
}

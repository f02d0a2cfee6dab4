package io.orgscan.scan;

import io.orgscan.model.CoveragePolicy;
import io.orgscan.model.Parameter;
import java.util.List;
import java.util.Objects;

/**
 * What one scan should do, once the command line has been read and checked.
 *
 * @param homeRegion the region of the global calls (STS, Organizations, DescribeRegions)
 * @param parameters every parameter with its value and source, recorded in the evidence
 */
public record ScanSettings(String homeRegion, ScanScope scope, CoveragePolicy policy, List<Parameter> parameters) {
    public ScanSettings {
        Objects.requireNonNull(homeRegion, "homeRegion");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(policy, "policy");
        parameters = List.copyOf(parameters);
    }
}

package io.orgscan.scan;

import io.orgscan.model.CoveragePolicy;
import io.orgscan.model.Parameter;
import java.util.List;
import java.util.Objects;

/**
 * What one scan should do, once the command line has been read and checked.
 *
 * @param homeRegion the region of the global calls (STS, Organizations, DescribeRegions)
 * @param parameters       every parameter with its value and source, recorded in the evidence
 * @param scpDeniedRegions --scp-denied-regions: whether the SCPs are read and their region denies judged
 */
public record ScanSettings(String homeRegion, ScanScope scope, CoveragePolicy policy, List<Parameter> parameters,
                           ScpDeniedRegions scpDeniedRegions) {
    public ScanSettings {
        Objects.requireNonNull(homeRegion, "homeRegion");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(scpDeniedRegions, "scpDeniedRegions");
        parameters = List.copyOf(parameters);
    }

    /** Settings that leave SCP-denied regions as their calls found them (the default). */
    public ScanSettings(String homeRegion, ScanScope scope, CoveragePolicy policy, List<Parameter> parameters) {
        this(homeRegion, scope, policy, parameters, ScpDeniedRegions.REPORT_ONLY);
    }
}

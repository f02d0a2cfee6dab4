package io.orgscan.scan;

import io.orgscan.model.ScanResult;
import java.util.List;
import java.util.Objects;

/**
 * What a scan hands back: the result to report, and the service control policies it read (none
 * unless {@code --scp-denied-regions not-applicable}), in ListPolicies order.
 */
public record ScanOutcome(ScanResult result, List<PolicyRead> policiesRead) {
    public ScanOutcome {
        Objects.requireNonNull(result, "result");
        policiesRead = List.copyOf(policiesRead);
    }
}

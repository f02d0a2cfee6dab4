package io.orgscan.evaluate;

import io.orgscan.model.Analyzer;
import io.orgscan.model.Failure;
import java.util.List;

/**
 * What ListAnalyzers returned for one account in one region: the analyzers the account owns, or
 * the failure that kept the scan from reading them.
 */
public record RegionObservation(List<Analyzer> analyzers, Failure failure) {
    /** What stands for a region enabled for the account whose analyzers the scan did not list. */
    static final Failure NOT_LISTED = new Failure("ListAnalyzers", "NotRead",
            "the scan did not list analyzers in this region", 0);

    public RegionObservation {
        analyzers = List.copyOf(analyzers);
        if (failure != null && !analyzers.isEmpty()) {
            throw new IllegalArgumentException("a failed listing has no analyzers");
        }
    }

    public static RegionObservation listed(List<Analyzer> analyzers) {
        return new RegionObservation(analyzers, null);
    }

    public static RegionObservation failed(Failure failure) {
        return new RegionObservation(List.of(), failure);
    }

    public boolean succeeded() {
        return failure == null;
    }
}

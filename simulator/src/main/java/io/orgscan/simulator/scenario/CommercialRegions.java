package io.orgscan.simulator.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The commercial ({@code aws} partition) regions and whether each needs opting into. Used by the
 * synthetic generator and as the region universe of a scenario that does not list its own.
 */
public final class CommercialRegions {
    private static final String[] DEFAULT_REGIONS = {
        "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ap-south-1", "ap-northeast-1", "ap-northeast-2",
        "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "ca-central-1", "eu-central-1", "eu-west-1",
        "eu-west-2", "eu-west-3", "eu-north-1", "sa-east-1",
    };
    /** Regions launched after March 20, 2019: disabled unless an account opts in. */
    private static final String[] OPT_IN_REGIONS = {
        "af-south-1", "ap-east-1", "ap-east-2", "ap-south-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
        "ap-southeast-6", "ap-southeast-7", "ca-west-1", "eu-central-2", "eu-south-1", "eu-south-2", "il-central-1",
        "me-central-1", "me-south-1", "mx-central-1",
    };
    private static final Map<String, RegionKind> ALL;

    static {
        Map<String, RegionKind> all = new LinkedHashMap<>();
        for (String region : DEFAULT_REGIONS) {
            all.put(region, RegionKind.DEFAULT);
        }
        for (String region : OPT_IN_REGIONS) {
            all.put(region, RegionKind.OPT_IN);
        }
        ALL = Collections.unmodifiableMap(all);
    }

    private CommercialRegions() {
    }

    /** Every commercial region, default regions first. */
    public static Map<String, RegionKind> all() {
        return ALL;
    }
}

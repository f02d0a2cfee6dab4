package io.orgscan.simulator.scenario;

/**
 * The largest page the simulator returns per service: a page holds min(requested MaxResults, this).
 * Small values force clients through many pages.
 */
public record PageSizes(int organizations, int accessAnalyzer) {
    public static final PageSizes DEFAULT = new PageSizes(20, 100);

    public PageSizes {
        if (organizations < 1 || organizations > 20) {
            throw new IllegalArgumentException("pageSizes.organizations must be 1..20 (Organizations' MaxResults range), got " + organizations);
        }
        if (accessAnalyzer < 1) {
            throw new IllegalArgumentException("pageSizes.accessAnalyzer must be at least 1, got " + accessAnalyzer);
        }
    }
}

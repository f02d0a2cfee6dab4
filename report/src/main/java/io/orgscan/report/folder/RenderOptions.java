package io.orgscan.report.folder;

import io.orgscan.report.evidence.PreviousScan;
import java.util.Objects;

/**
 * How to render, beyond the scan itself.
 *
 * @param previous           an earlier scan to compare with ({@code orgscan report --previous}), or null
 * @param rendererVersion    the version of orgscan doing the rendering (run_manifest.json records it
 *                           beside the version that ran the scan)
 * @param securityHubAccount the account that imports findings.asff.json, or null for the scan's choice
 *                           ({@link io.orgscan.report.asff.SecurityHubTarget#of})
 * @param securityHubRegion  its Security Hub region, or null for the scan's choice
 */
public record RenderOptions(PreviousScan previous, String rendererVersion, String securityHubAccount,
                            String securityHubRegion) {
    public RenderOptions {
        Objects.requireNonNull(rendererVersion, "rendererVersion");
    }

    /** Options that leave the Security Hub target to the scan. */
    public RenderOptions(PreviousScan previous, String rendererVersion) {
        this(previous, rendererVersion, null, null);
    }

    /** No comparison; the renderer's version unknown (tests and library use). */
    public static RenderOptions defaults() {
        return new RenderOptions(null, "unknown");
    }
}

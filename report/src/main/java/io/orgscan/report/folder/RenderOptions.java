package io.orgscan.report.folder;

import io.orgscan.report.evidence.PreviousScan;
import java.util.Objects;

/**
 * How to render, beyond the scan itself.
 *
 * @param previous        an earlier scan to compare with ({@code orgscan report --previous}), or null
 * @param rendererVersion the version of orgscan doing the rendering (run_manifest.json records it
 *                        beside the version that ran the scan)
 */
public record RenderOptions(PreviousScan previous, String rendererVersion) {
    public RenderOptions {
        Objects.requireNonNull(rendererVersion, "rendererVersion");
    }

    /** No comparison; the renderer's version unknown (tests and library use). */
    public static RenderOptions defaults() {
        return new RenderOptions(null, "unknown");
    }
}

package io.orgscan.cli;

import io.orgscan.aws.AwsSettings;
import io.orgscan.aws.RoleSettings;
import io.orgscan.aws.SdkAwsGateway;
import io.orgscan.model.ScanResult;
import io.orgscan.report.evidence.PreviousScan;
import io.orgscan.report.folder.OutputFormat;
import io.orgscan.report.folder.RenderOptions;
import io.orgscan.report.folder.ReportRenderer;
import io.orgscan.report.folder.ReportWriteException;
import io.orgscan.scan.ScanCannotStartException;
import io.orgscan.scan.ScanLimits;
import io.orgscan.scan.ScanService;
import io.orgscan.scan.ScanSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** One scan from settings to written reports; shared by {@code scan} and {@code demo}. */
final class ScanJob {
    private final CliContext context;

    ScanJob(CliContext context) {
        this.context = context;
    }

    /**
     * Caps Organizations' back-off, in milliseconds, for tests that drive a scan through throttling and
     * cannot wait out the real back-off of seconds; not an option, so no report records it.
     */
    static final String ORGANIZATIONS_MAX_BACKOFF_MS = "ORGSCAN_TEST_ORGANIZATIONS_MAX_BACKOFF_MS";

    /**
     * Shortens the connect, socket and attempt timeouts, in milliseconds, for tests of endpoints that
     * do not answer, which cannot wait 30 seconds an attempt; not an option, so no report records it.
     */
    static final String TIMEOUT_MS = "ORGSCAN_TEST_TIMEOUT_MS";

    /** The one place a scan's limits are decided: the gateway and the service get the same record. */
    private ScanResult scan(AwsSettings aws, RoleSettings roles, ScanSettings settings, int maxParallel)
            throws ScanCannotStartException, InterruptedException {
        ScanLimits limits = ScanLimits.of(maxParallel);
        String maxBackoff = context.env(ORGANIZATIONS_MAX_BACKOFF_MS);
        if (maxBackoff != null) {
            try {
                limits = limits.withOrganizationsMaxBackoff(Duration.ofMillis(Long.parseLong(maxBackoff.trim())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(ORGANIZATIONS_MAX_BACKOFF_MS + " must be a number of milliseconds", e);
            }
        }
        String timeout = context.env(TIMEOUT_MS);
        if (timeout != null) {
            try {
                limits = limits.withTimeouts(Duration.ofMillis(Long.parseLong(timeout.trim())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(TIMEOUT_MS + " must be a number of milliseconds", e);
            }
        }
        try (SdkAwsGateway gateway = new SdkAwsGateway(aws, roles, limits);
             ProgressReporter progress = ProgressReporter.start(context)) {
            return new ScanService(gateway, context.clock(), () -> UUID.randomUUID().toString(), ToolVersion.get(),
                    limits, progress).run(settings);
        }
    }

    /** Runs the scan and writes the reports; returns the exit code. */
    int run(AwsSettings aws, RoleSettings roles, ScanSettings settings, int maxParallel, Path outDir, Set<OutputFormat> formats) {
        ScanResult result;
        try {
            result = scan(aws, roles, settings, maxParallel);
        } catch (ScanCannotStartException e) {
            context.err().println("orgscan: scan cannot start: " + e.getMessage());
            context.err().println("orgscan: no report was written.");
            return ExitCodes.USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.err().println("orgscan: interrupted; no report was written.");
            return ExitCodes.INTERNAL_ERROR;
        }
        return write(result, outDir, formats, null);
    }

    /** Writes the run folder; {@code previous} (or null) is the scan to compare with. */
    int write(ScanResult result, Path outDir, Set<OutputFormat> formats, PreviousScan previous) {
        List<Path> written;
        try {
            written = ReportRenderer.render(result, outDir, formats, new RenderOptions(previous, ToolVersion.get()));
        } catch (ReportWriteException e) {
            context.err().println("orgscan: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        ScanSummary.print(context.out(), result, written);
        return ExitCodes.of(result);
    }
}

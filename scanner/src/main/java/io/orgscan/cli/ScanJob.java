package io.orgscan.cli;

import io.orgscan.aws.AwsSettings;
import io.orgscan.aws.RoleSettings;
import io.orgscan.aws.SdkAwsGateway;
import io.orgscan.model.ScanResult;
import io.orgscan.report.OutputFormat;
import io.orgscan.report.PreviousScan;
import io.orgscan.report.RenderOptions;
import io.orgscan.report.ReportRenderer;
import io.orgscan.report.ReportWriteException;
import io.orgscan.scan.ScanCannotStartException;
import io.orgscan.scan.ScanLimits;
import io.orgscan.scan.ScanOutcome;
import io.orgscan.scan.ScanService;
import io.orgscan.scan.ScanSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** One scan from settings to written reports; shared by {@code scan} and {@code demo}. */
final class ScanJob {
    private final CliContext context;

    ScanJob(CliContext context) {
        this.context = context;
    }

    /** The one place a scan's limits are decided: the gateway and the service get the same record. */
    private ScanOutcome scan(AwsSettings aws, RoleSettings roles, ScanSettings settings, int maxParallel)
            throws ScanCannotStartException, InterruptedException {
        ScanLimits limits = ScanLimits.of(maxParallel);
        try (SdkAwsGateway gateway = new SdkAwsGateway(aws, roles, limits);
             ProgressReporter progress = ProgressReporter.start(context)) {
            return new ScanService(gateway, context.clock(), () -> UUID.randomUUID().toString(), ToolVersion.get(),
                    limits, progress).run(settings);
        }
    }

    /** Runs the scan and writes the reports; returns the exit code. */
    int run(AwsSettings aws, RoleSettings roles, ScanSettings settings, int maxParallel, Path outDir, Set<OutputFormat> formats) {
        ScanOutcome outcome;
        try {
            outcome = scan(aws, roles, settings, maxParallel);
        } catch (ScanCannotStartException e) {
            context.err().println("orgscan: scan cannot start: " + e.getMessage());
            context.err().println("orgscan: no report was written.");
            return ExitCodes.USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.err().println("orgscan: interrupted; no report was written.");
            return ExitCodes.INTERNAL_ERROR;
        }
        // outcome.policiesRead() (id, name, SHA-256, region-deny Sids) goes into scan.json and the
        // Parameters and Method sheets once the report module's restructuring lands.
        return write(outcome.result(), outDir, formats, null);
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

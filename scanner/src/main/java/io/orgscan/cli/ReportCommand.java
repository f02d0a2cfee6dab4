package io.orgscan.cli;

import io.orgscan.evaluate.RecordedObservations;
import io.orgscan.model.ScanResult;
import io.orgscan.report.asff.SecurityHubTarget;
import io.orgscan.report.evidence.Changes;
import io.orgscan.report.evidence.PreviousScan;
import io.orgscan.report.folder.OutputFormat;
import io.orgscan.report.folder.RenderOptions;
import io.orgscan.report.json.ScanFileException;
import io.orgscan.report.json.ScanJson;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class,
        description = "Render every report again from a saved scan.json, without credentials or AWS calls.")
final class ReportCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "SCAN.json", description = "The scan.json of an earlier scan.")
    Path scanFile;

    @Option(names = "--out-dir", paramLabel = "DIR", required = true, description = "Folder for the reports, replaced as a whole: it must be new, empty or an earlier orgscan report.")
    Path outDir;

    @Option(names = "--format", paramLabel = "FORMAT[,FORMAT...]", defaultValue = "json,csv,xlsx,ocsf",
            description = "Reports to write: json (scan.json), csv (every CSV), xlsx (coverage.xlsx), ocsf "
                    + "(findings.ocsf.json), asff (findings.asff.json for Security Hub), junit (junit.xml for CI "
                    + "servers). Default: ${DEFAULT-VALUE}. "
                    + "run_manifest.json and SHA256SUMS are always written.")
    java.util.List<String> formats = new java.util.ArrayList<>();

    @Option(names = "--previous", paramLabel = "OLD_SCAN.json",
            description = "An earlier scan.json of the same organization: adds previous_status and status_changed to "
                    + "findings.csv and a 'Changes since last run' table to the Summary.")
    Path previousFile;

    @Option(names = ScanCommand.EXCEPTIONS, paramLabel = "FILE", description = ScanCommand.EXCEPTIONS_HELP
            + " Replaces the register scan.json records; without it, that one applies again.")
    Path exceptionsFile;

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    @Mixin
    SecurityHubOptions securityHubOptions;

    ReportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws UsageException {
        var chosen = InputChecks.formats(formats);
        ScanResult result;
        PreviousScan previous = null;
        try {
            result = ScanJson.read(scanFile);
            if (previousFile != null) {
                previous = PreviousScan.read(previousFile);
            }
        } catch (ScanFileException e) {
            throw new UsageException(e.getMessage(), e);
        }
        reprove(scanFile, result);
        if (exceptionsFile != null) {
            result = result.withExceptions(InputChecks.exceptions(exceptionsFile));
        }
        if (previous != null) {
            try {
                Changes.requireComparable(previous, result);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--previous: " + e.getMessage(), e);
            }
        }
        String securityHubAccount = securityHubOptions.account();
        String securityHubRegion = securityHubOptions.region();
        if (chosen.contains(OutputFormat.ASFF)) {
            try {
                SecurityHubTarget.of(result.metadata(), securityHubAccount, securityHubRegion);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--format asff: " + e.getMessage(), e);
            }
        }
        return new ScanJob(context).write(result, InputChecks.writableDirectory("--out-dir", outDir), chosen,
                new RenderOptions(previous, ToolVersion.get(), securityHubAccount, securityHubRegion));
    }

    /**
     * Judges every cell again from the observations scan.json records, with the scanner's own
     * evaluator, and refuses a file whose cells they do not give: an edited status, reason or
     * covered_by_arn, a cell in a region or of an account the observations do not have. A file
     * without observations (written before they were recorded) cannot be re-proved and is refused
     * too: otherwise deleting the section would get an edited file through.
     */
    static void reprove(Path scanFile, ScanResult result) throws UsageException {
        if (result.observations() == null) {
            throw new UsageException(scanFile + ": no \"observations\": this scan.json cannot be re-proved (written "
                    + "by an older orgscan, or the section was removed); scan again");
        }
        java.util.Optional<String> disagreement;
        try {
            disagreement = RecordedObservations.firstDisagreement(result);
        } catch (IllegalArgumentException e) {
            throw new UsageException(scanFile + ": scan.json does not re-prove: " + e.getMessage(), e);
        }
        if (disagreement.isPresent()) {
            throw new UsageException(scanFile + ": scan.json " + disagreement.get() + "; refusing to render it");
        }
    }
}

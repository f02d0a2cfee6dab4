package io.orgscan.cli;

import io.orgscan.model.AccountRef;
import io.orgscan.model.ScanResult;
import io.orgscan.model.Sha256;
import io.orgscan.plan.PlanFile;
import io.orgscan.plan.PlanWriter;
import io.orgscan.plan.RemediationPlan;
import io.orgscan.plan.RemediationPlanner;
import io.orgscan.report.folder.FolderInUseException;
import io.orgscan.report.folder.ReportWriteException;
import io.orgscan.report.folder.RunFolder;
import io.orgscan.report.json.ScanFileException;
import io.orgscan.report.json.ScanJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class,
        description = "Plan the analyzers that close a saved scan's NON_COMPLIANT cells, without credentials or AWS "
                + "calls: plan.md (for people), plan.json (for orgscan remediate), CloudFormation templates, SHA256SUMS.")
final class PlanCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "SCAN.json", description = "The scan.json of a scan.")
    Path scanFile;

    @Option(names = "--out-dir", paramLabel = "DIR", required = true,
            description = "Folder for the plan, replaced as a whole: it must be new, empty or an earlier plan.")
    Path outDir;

    @Option(names = "--account-analyzers",
            description = "ACCOUNT analyzers for the failing cells even under the org policy (default under it: one "
                    + "ORGANIZATION analyzer per region in the delegated administrator).")
    boolean accountAnalyzers;

    @Option(names = "--exceptions", paramLabel = "FILE",
            description = "An exceptions register (CSV or a filled-in coverage.xlsx) replacing the one the scan "
                    + "recorded: NON_COMPLIANT cells it marks RISK_ACCEPTED or FALSE_POSITIVE are not planned.")
    Path exceptionsFile;

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    PlanCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws UsageException {
        if (outDir == null || outDir.toString().isBlank()) {
            throw new UsageException("--out-dir: the value is empty; name a folder");
        }
        try {
            RunFolder.check(outDir, PlanFile.names());
        } catch (ReportWriteException e) {
            throw new UsageException("--out-dir: " + e.getMessage(), e);
        }
        ScanResult scan;
        try {
            scan = ScanJson.read(scanFile);
        } catch (ScanFileException e) {
            throw new UsageException(e.getMessage(), e);
        }
        ReportCommand.reprove(scanFile, scan);
        if (exceptionsFile != null) {
            scan = scan.withExceptions(InputChecks.exceptions(exceptionsFile));
        }
        RemediationPlan plan = RemediationPlanner.plan(scan, sha256(scanFile), accountAnalyzers);
        Map<String, String> names = new LinkedHashMap<>();
        for (AccountRef account : scan.matrix().accounts()) {
            names.put(account.id(), account.name());
        }
        List<Path> written;
        try {
            written = PlanWriter.write(plan, names, outDir);
        } catch (ReportWriteException e) {
            context.err().println("orgscan: " + e.getMessage());
            return e instanceof FolderInUseException ? ExitCodes.FOLDER_IN_USE : ExitCodes.USAGE;
        }
        int fixed = plan.actions().stream().mapToInt(a -> a.findingIds().size()).sum();
        context.out().println("plan: " + plan.actions().size() + " " + plan.analyzerType() + " analyzer(s) to create ("
                + fixed + " cell(s)), " + plan.repairs().size() + " to repair, " + plan.notFixable().size()
                + " cell(s) not fixable yet");
        written.forEach(path -> context.out().println("wrote " + path));
        return ExitCodes.OK;
    }

    private static String sha256(Path file) throws UsageException {
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}

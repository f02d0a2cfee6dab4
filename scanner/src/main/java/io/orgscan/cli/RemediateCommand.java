package io.orgscan.cli;

import io.orgscan.aws.AwsSettings;
import io.orgscan.aws.RoleSettings;
import io.orgscan.aws.SdkRemediationGateway;
import io.orgscan.plan.PlanFileException;
import io.orgscan.plan.PlannedAnalyzer;
import io.orgscan.plan.RemediationPlan;
import io.orgscan.remediate.PlanFolder;
import io.orgscan.remediate.RemediationEntry;
import io.orgscan.remediate.RemediationRun;
import io.orgscan.remediate.RemediationService;
import io.orgscan.report.folder.FolderInUseException;
import io.orgscan.report.folder.ReportWriteException;
import io.orgscan.scan.AwsCallException;
import io.orgscan.scan.ScanLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "remediate", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class,
        description = "Create the analyzers of a plan written by orgscan plan. Without --apply it prints what it would "
                + "do and calls nothing; with --apply it is the one orgscan command that changes AWS.")
final class RemediateCommand implements Callable<Integer> {
    static final String DEFAULT_ROLE = "OrgScanRemediation";

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PLAN.json", description = "The plan.json of a plan folder (checked against its SHA256SUMS).")
    Path planFile;

    @Option(names = "--apply", description = "Create the analyzers (default: only print what would be done).")
    boolean apply;

    @Option(names = "--role-name", paramLabel = "NAME", defaultValue = DEFAULT_ROLE,
            description = "Remediation role assumed in each target account (default ${DEFAULT-VALUE}; samples/iam).")
    String roleName;

    @Option(names = "--external-id", paramLabel = "ID", description = "External id the remediation roles require.")
    String externalId;

    @Option(names = "--role-session-name", paramLabel = "NAME", defaultValue = "orgscan-remediate",
            description = "Session name of the assumed roles, as CloudTrail shows it (default ${DEFAULT-VALUE}).")
    String roleSessionName;

    @Option(names = "--profile", paramLabel = "NAME", description = "Use a named profile of the AWS shared config files.")
    String profile;

    @Option(names = "--region", paramLabel = "REGION", description = "Home region for STS (default as for scan).")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Send every AWS call to this URL (as the AWS CLI's --endpoint-url).")
    String endpointUrl;

    @Option(names = "--max-parallel", paramLabel = "N", defaultValue = "8",
            description = "Analyzers created at once (default ${DEFAULT-VALUE}).")
    int maxParallel;

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    RemediateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws UsageException {
        if (maxParallel < 1 || maxParallel > 64) {
            throw new UsageException("--max-parallel: " + maxParallel + " is not between 1 and 64");
        }
        PlanFolder.Verified verified;
        try {
            verified = PlanFolder.read(planFile);
        } catch (PlanFileException e) {
            throw new UsageException(e.getMessage(), e);
        }
        RemediationPlan plan = verified.plan();
        String role = InputChecks.roleName(roleName);
        if (!apply) {
            for (PlannedAnalyzer action : plan.actions()) {
                context.out().println("would create " + describe(action) + " as role " + role);
            }
            context.out().println("dry run: " + plan.actions().size() + " analyzer(s) would be created; "
                    + plan.repairs().size() + " to repair and " + plan.notFixable().size()
                    + " cell(s) not fixable are in plan.md; nothing was changed (add --apply)");
            return ExitCodes.OK;
        }
        AwsSettings aws = AwsConnection.settings(context, profile, region, endpointUrl);
        RoleSettings roles = new RoleSettings(role, InputChecks.externalId(externalId),
                InputChecks.sessionName(roleSessionName), null);
        RemediationRun run;
        try (SdkRemediationGateway gateway = new SdkRemediationGateway(aws, roles, ScanLimits.of(maxParallel))) {
            run = new RemediationService(gateway, context.clock(), maxParallel).apply(plan, verified.sha256(),
                    UUID.randomUUID().toString());
        } catch (AwsCallException e) {
            context.err().println("orgscan: remediate cannot start: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.err().println("orgscan: interrupted");
            return ExitCodes.INTERNAL_ERROR;
        }
        for (RemediationEntry entry : run.entries()) {
            context.out().println(line(entry));
        }
        List<Path> written;
        try {
            written = PlanFolder.addRun(planFile.toAbsolutePath().getParent(), run);
        } catch (ReportWriteException e) {
            context.err().println("orgscan: the analyzers above were handled, but the remediation log could not be "
                    + "written: " + e.getMessage());
            return e instanceof FolderInUseException ? ExitCodes.FOLDER_IN_USE : ExitCodes.USAGE;
        } catch (PlanFileException e) {
            context.err().println("orgscan: the analyzers above were handled, but " + e.getMessage());
            return ExitCodes.USAGE;
        }
        written.forEach(path -> context.out().println("wrote " + path));
        return run.failed() ? ExitCodes.INSUFFICIENT_DATA : ExitCodes.OK;
    }

    private static String describe(PlannedAnalyzer action) {
        return action.type() + " analyzer " + action.name() + " in " + action.accountId() + " " + action.region()
                + " (" + action.findingIds().size() + " cell(s))";
    }

    private static String line(RemediationEntry e) {
        String what = e.analyzerType() + " analyzer " + e.analyzerName() + " in " + e.accountId() + " " + e.region();
        return switch (e.outcome()) {
            case CREATED -> "created " + what + " (request " + e.requestId() + "), now " + e.afterStatus();
            case ALREADY_EXISTS -> "already there: " + what + ", " + e.afterStatus();
            case ALREADY_COVERED -> "already covered: " + what + " not created, " + e.analyzerArn() + " is ACTIVE";
            case FAILED -> "FAILED " + what + ": " + e.errorCode() + " " + e.errorMessage();
        };
    }
}

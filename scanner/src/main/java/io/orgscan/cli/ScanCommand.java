package io.orgscan.cli;

import io.orgscan.aws.AwsSettings;
import io.orgscan.aws.RoleSettings;
import io.orgscan.model.ExceptionRegister;
import io.orgscan.scan.ScanSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class,
        description = "Scan every account and region of the organization and write the reports. Read-only.")
final class ScanCommand implements Callable<Integer> {
    static final String DEFAULT_ROLE = "OrganizationAccountAccessRole";

    /** The option both scan and report take; the register it names is recorded on its own, not as a scan parameter. */
    static final String EXCEPTIONS = "--exceptions";
    static final String EXCEPTIONS_HELP = "An exceptions register: a CSV (finding_id or account_id/region patterns, "
            + "disposition, owner, approver, justification, ticket, expires) or last quarter's coverage.xlsx with its "
            + "Exceptions sheet filled in. Annotates findings.csv and the workbook; never changes a status or the exit code.";

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    ScopeOptions scopeOptions;

    @Mixin
    SecurityHubOptions securityHubOptions;

    @Option(names = "--profile", paramLabel = "NAME", description = "Use a named profile of the AWS shared config files.")
    String profile;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Home region for STS, Organizations and DescribeRegions (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region, else us-east-1).")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Send every AWS call to this URL (as the AWS CLI's --endpoint-url).")
    String endpointUrl;

    @Option(names = "--role-name", paramLabel = "NAME", defaultValue = DEFAULT_ROLE,
            description = "Role assumed in each member account (default ${DEFAULT-VALUE}).")
    String roleName;

    @Option(names = "--external-id", paramLabel = "ID", description = "External id the member roles require.")
    String externalId;

    @Option(names = "--role-session-name", paramLabel = "NAME", defaultValue = "orgscan",
            description = "Session name of the assumed roles, as CloudTrail shows it (default ${DEFAULT-VALUE}).")
    String roleSessionName;

    @Option(names = "--org-role-arn", paramLabel = "ARN",
            description = "Role for the Organizations calls, when the scan runs from an account that is neither the management account nor a delegated administrator.")
    String orgRoleArn;

    @Option(names = "--out-dir", paramLabel = "DIR", defaultValue = "orgscan-report", description = "Folder for the reports (default ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = EXCEPTIONS, paramLabel = "FILE", description = EXCEPTIONS_HELP)
    Path exceptionsFile;

    ScanCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws UsageException {
        AwsSettings aws = AwsConnection.settings(context, profile, region, endpointUrl);
        String home = aws.region();
        // Recorded as used, wherever it came from: findings.asff.json's default Security Hub region is read from it.
        region = home;
        securityHubOptions.account();
        securityHubOptions.region();
        RoleSettings roles = new RoleSettings(InputChecks.roleName(roleName), InputChecks.externalId(externalId),
                InputChecks.sessionName(roleSessionName), InputChecks.roleArn(orgRoleArn));
        ScanSettings settings = new ScanSettings(home, scopeOptions.scope(), scopeOptions.coveragePolicy(), ParameterRecord.of(spec),
                scopeOptions.scpDeniedRegions());
        int maxParallel = scopeOptions.parallelism();
        var formats = scopeOptions.outputFormats();
        // Before any AWS call: a register that cannot be used stops the run with nothing written.
        ExceptionRegister register = InputChecks.exceptions(exceptionsFile);
        // Last, once every other input is known good: it creates the folder.
        boolean existed = Files.exists(outDir);
        Path out = InputChecks.writableDirectory("--out-dir", outDir);
        int exitCode = new ScanJob(context).run(aws, roles, settings, maxParallel, out, formats, register);
        if (!existed) {
            // A scan that could not start wrote nothing: leave no empty folder behind.
            try {
                Files.deleteIfExists(out);
            } catch (IOException notEmpty) {
                // it holds the reports
            }
        }
        return exitCode;
    }

    @SafeVarargs
    static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}

package io.orgscan.cli;

import io.orgscan.aws.AwsSettings;
import io.orgscan.aws.RoleSettings;
import io.orgscan.model.Parameter;
import io.orgscan.model.ParameterSource;
import io.orgscan.scan.ScanSettings;
import io.orgscan.simulator.AwsSimulator;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.scenario.ScenarioException;
import io.orgscan.simulator.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class,
        description = "Scan the built-in demo organization: starts the AWS simulator on a free loopback port "
                + "and runs the very same scan code against it through the AWS SDK. No AWS account needed.")
final class DemoCommand implements Callable<Integer> {
    static final String DEMO_SCENARIO = "/io/orgscan/demo/demo-org.json";
    /** {@code --scenario landing-zone}: samples/landing-zone-org.json, built in like the demo organization. */
    static final String LANDING_ZONE = "landing-zone";
    static final String LANDING_ZONE_SCENARIO = "/io/orgscan/demo/landing-zone-org.json";
    /**
     * The landing zone's management account has no OrganizationAccountAccessRole (Organizations creates
     * it only in the accounts it creates); the scan reaches the Organizations calls through this role.
     */
    static final String LANDING_ZONE_ORG_ROLE = "OrgScanOrganizationReadOnly";
    private static final String HOME_REGION = "us-east-1";
    private static final String SESSION_NAME = "orgscan-demo";

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    ScopeOptions scopeOptions;

    @Mixin
    SecurityHubOptions securityHubOptions;

    @Option(names = "--scenario", paramLabel = "FILE|landing-zone",
            description = "Use this scenario instead of the built-in demo organization; landing-zone is the built-in "
                    + "landing-zone organization (samples/landing-zone-org.json: SCP region denies, scanned from the "
                    + "security account with the management account's organization role).")
    Path scenarioFile;

    @Option(names = "--org-role-arn", paramLabel = "ARN",
            description = "Role for the Organizations calls (default: none; for --scenario landing-zone, the management "
                    + "account's " + LANDING_ZONE_ORG_ROLE + ").")
    String orgRoleArn;

    @Option(names = "--latency-ms", paramLabel = "MS", defaultValue = "0", description = "Latency the simulator adds to every response.")
    int latencyMs;

    @Option(names = "--out-dir", paramLabel = "DIR", defaultValue = "orgscan-demo", description = "Folder for the reports (default ${DEFAULT-VALUE}), replaced as a whole: it must be new, empty or an earlier orgscan report.")
    Path outDir;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws UsageException, IOException {
        Scenario scenario = scenario();
        if (scenario.credentials().isEmpty()) {
            throw new UsageException("--scenario: the scenario names no credentials to scan with");
        }
        Scenario.Credentials caller = scenario.credentials().get(0);
        // The demo fixes what `scan` takes as options; record them so the evidence names them too.
        List<Parameter> parameters = new ArrayList<>(ParameterRecord.of(spec));
        parameters.add(new Parameter("--region", HOME_REGION, ParameterSource.DEFAULT));
        parameters.add(new Parameter("--role-name", ScanCommand.DEFAULT_ROLE, ParameterSource.DEFAULT));
        parameters.add(new Parameter("--role-session-name", SESSION_NAME, ParameterSource.DEFAULT));
        parameters.sort(Comparator.comparing(Parameter::name));
        String organizationRole = InputChecks.roleArn(orgRoleArn);
        if (organizationRole == null && isLandingZone()) {
            organizationRole = "arn:aws:iam::" + scenario.managementAccountId() + ":role/" + LANDING_ZONE_ORG_ROLE;
            parameters.removeIf(p -> p.name().equals("--org-role-arn"));
            parameters.add(new Parameter("--org-role-arn", organizationRole, ParameterSource.DEFAULT));
            parameters.sort(Comparator.comparing(Parameter::name));
        }
        ScanSettings settings = new ScanSettings(HOME_REGION, scopeOptions.scope(), scopeOptions.coveragePolicy(), parameters,
                scopeOptions.scpDeniedRegions());
        var formats = scopeOptions.outputFormats();
        securityHubOptions.account();
        securityHubOptions.region();
        int maxParallel = scopeOptions.parallelism();
        InputChecks.range("--latency-ms", latencyMs, 0, 60_000);
        Path out = InputChecks.writableDirectory("--out-dir", outDir);
        try (AwsSimulator simulator = AwsSimulator.start(scenario, 0, latencyMs)) {
            context.err().println("orgscan demo: AWS simulator listening on " + simulator.endpoint()
                    + " with " + scenario.accountCount() + " accounts; scanning as " + caller.accountId());
            AwsSettings aws = new AwsSettings(null, HOME_REGION, simulator.endpoint(),
                    new AwsSettings.StaticKeys(caller.accessKeyId(), caller.secretAccessKey(), null));
            RoleSettings roles = new RoleSettings(ScanCommand.DEFAULT_ROLE, null, SESSION_NAME, organizationRole);
            int code = new ScanJob(context).run(aws, roles, settings, maxParallel, out, formats);
            if (code == ExitCodes.NON_COMPLIANT || code == ExitCodes.INSUFFICIENT_DATA) {
                context.out().println("The demo organization has gaps and failures on purpose; a real scan would exit "
                        + code + ". Open " + out.resolve("coverage.xlsx") + " to see them.");
                return ExitCodes.OK;
            }
            return code;
        }
    }

    /** {@code --scenario landing-zone}, unless a file of that name is there to be read. */
    private boolean isLandingZone() {
        return scenarioFile != null && scenarioFile.toString().equals(LANDING_ZONE) && !Files.exists(scenarioFile);
    }

    private Scenario scenario() throws UsageException {
        try {
            if (scenarioFile != null && !isLandingZone()) {
                return ScenarioLoader.load(scenarioFile);
            }
            String resource = isLandingZone() ? LANDING_ZONE_SCENARIO : DEMO_SCENARIO;
            try (InputStream in = DemoCommand.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new UsageException("the demo organization is missing from this build");
                }
                return ScenarioLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        resource.substring(resource.lastIndexOf('/') + 1));
            }
        } catch (ScenarioException e) {
            throw new UsageException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UsageException("cannot read the demo organization: " + e.getMessage(), e);
        }
    }
}

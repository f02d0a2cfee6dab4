package io.orgscan.e2e.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.orgscan.e2e.OrgscanInProcess;
import io.orgscan.plan.DeployCommands;
import io.orgscan.plan.PlanJson;
import io.orgscan.plan.RemediationPlan;
import io.orgscan.plan.StackInstanceGroup;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan's StackSet commands as the AWS CLI parses them: each is run against an endpoint where nothing
 * listens, with --debug, and the request the CLI would have sent is read from its log: the template from
 * the plan folder, SERVICE_MANAGED, and per group exactly its accounts (INTERSECTION with the root) and
 * its regions. A command the CLI could not parse would fail before any request.
 */
class DeployCommandsCliTest {
    private static final Pattern MEMBER = Pattern.compile("'(DeploymentTargets\\.Accounts|Regions)\\.member\\.(\\d+)': '([^']+)'");

    @TempDir
    Path dir;

    @Test
    void theStackSetCommandsParseIntoExactlyThePlannedTargets() throws Exception {
        Optional<Path> executable = AwsCli.locate();
        if (executable.isEmpty()) {
            if (System.getenv("CI") != null) {
                fail("AWS CLI not found; install it with: " + AwsCli.INSTALL_HINT);
            }
            Assumptions.abort("AWS CLI not found");
        }
        Path scan = findUp(Path.of("samples/demo/scan.json"));
        Path planDir = dir.resolve("plan");
        OrgscanInProcess.Result planned = OrgscanInProcess.run("plan", scan.toString(), "--out-dir", planDir.toString(),
                "--account-analyzers");
        assertThat(planned.exitCode()).as(planned.all()).isZero();
        RemediationPlan plan = PlanJson.read(planDir.resolve("plan.json"));
        List<String> commands = DeployCommands.stackSet(plan);
        assertThat(commands.get(0)).startsWith("ROOT_ID=$(aws organizations list-roots");
        assertThat(commands).hasSize(2 + plan.stackInstanceGroups().size());

        AwsCli cli = new AwsCli(executable.get(), URI.create("http://127.0.0.1:9"), Files.createDirectories(dir.resolve("cli")),
                Duration.ofSeconds(60));
        CliCredentials keys = CliCredentials.base("AKIAEXAMPLEDEPLOY001", "not-a-secret");
        String createSet = cli.run(keys, "us-east-1", withDebug(commands.get(1), planDir)).stderr();
        assertThat(createSet).contains("'PermissionModel': 'SERVICE_MANAGED'").contains("AWS::AccessAnalyzer::Analyzer")
                .contains("Type: ACCOUNT");
        for (int i = 0; i < plan.stackInstanceGroups().size(); i++) {
            StackInstanceGroup group = plan.stackInstanceGroups().get(i);
            String log = cli.run(keys, "us-east-1", withDebug(commands.get(2 + i), planDir)).stderr();
            String request = log.lines().filter(l -> l.contains("Making request for OperationModel(name=CreateStackInstances)"))
                    .findFirst().orElseThrow(() -> new AssertionError("no CreateStackInstances request:\n" + log));
            TreeMap<Integer, String> accounts = new TreeMap<>();
            TreeMap<Integer, String> regions = new TreeMap<>();
            Matcher m = MEMBER.matcher(request);
            while (m.find()) {
                (m.group(1).equals("Regions") ? regions : accounts).put(Integer.parseInt(m.group(2)), m.group(3));
            }
            assertThat(new ArrayList<>(accounts.values())).isEqualTo(group.accounts());
            assertThat(new ArrayList<>(regions.values())).isEqualTo(group.regions());
            assertThat(request).contains("'DeploymentTargets.AccountFilterType': 'INTERSECTION'")
                    .contains("'DeploymentTargets.OrganizationalUnitIds.member.1': 'r-7k2m'");
        }
    }

    /** The command's arguments after {@code aws}, the root id filled in, the template's path made absolute. */
    private static String[] withDebug(String command, Path planDir) {
        List<String> args = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(command.replace("$ROOT_ID", "r-7k2m")
                .replace("file://", "file://" + planDir.toAbsolutePath() + "/"));
        while (m.find()) {
            args.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        assertThat(args.get(0)).isEqualTo("aws");
        args.remove(0);
        args.add("--debug");
        return args.toArray(String[]::new);
    }

    private static Path findUp(Path relative) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(relative))) {
                return d.resolve(relative);
            }
        }
        throw new AssertionError(relative + " not found");
    }
}

package io.orgscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import io.orgscan.scan.ScanCannotStartException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input gets one line naming the problem and exit code 2, never a stack trace, and no AWS call. */
class BadInputTest {
    @TempDir
    Path dir;

    /** The one "scan cannot start" line of {@code err} is at most ScanCannotStartException.MAX_LINE long; returns it. */
    static String assertShortStartLine(String err) {
        List<String> lines = err.lines().filter(l -> l.startsWith(ScanCannotStartException.LINE_PREFIX)).toList();
        assertThat(lines).as(err).hasSize(1);
        assertThat(lines.get(0)).hasSizeLessThanOrEqualTo(ScanCannotStartException.MAX_LINE);
        return lines.get(0);
    }

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        // An endpoint nobody listens on: if any check were skipped, the scan would fail differently.
        return run(Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE", "AWS_SECRET_ACCESS_KEY", "x",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:9"), args);
    }

    static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Orgscan(new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, Clock.systemUTC(), false)).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "scan --bogus                          | Unknown option: '--bogus'",
            "scan --accounts 12345                 | --accounts: '12345' is not a 12-digit AWS account id",
            "scan --accounts 111111111111,abc      | --accounts: 'abc' is not a 12-digit AWS account id",
            "scan --exclude-accounts 1234567890123 | --exclude-accounts: '1234567890123' is not a 12-digit",
            "scan --ous engineering                | --ous: 'engineering' is not an organizational unit id",
            "scan --regions us-east-1,mars-1       | --regions: 'mars-1' is not an AWS region name",
            "scan --exclude-regions EU_WEST_1      | --exclude-regions: 'EU_WEST_1' is not an AWS region name",
            "scan --region moon                    | --region: 'moon' is not an AWS region name",
            "scan --policy strict                  | --policy: 'strict' is not one of [org, account]",
            "scan --format pdf                     | --format: 'pdf' is not one of [json, csv, xlsx, ocsf, asff, junit]",
            "scan --securityhub-account 12         | --securityhub-account: '12' is not a 12-digit account id",
            "scan --securityhub-region Mars        | --securityhub-region: 'Mars' is not a region name",
            "demo --securityhub-account x          | --securityhub-account: 'x' is not a 12-digit account id",
            "scan --scp-denied-regions yes         | --scp-denied-regions: 'yes' is not one of [report-only, not-applicable]",
            "scan --max-parallel 0                 | --max-parallel: 0 is out of range 1..512",
            "scan --max-parallel lots              | Invalid value for option '--max-parallel'",
            "scan --endpoint-url ftp://x           | --endpoint-url: 'ftp://x' is not an http:// or https:// URL",
            "scan --role-name bad/name!            | --role-name: 'bad/name!' is not an IAM role name",
            "scan --org-role-arn arn:aws:iam::1:x  | --org-role-arn: 'arn:aws:iam::1:x' is not an IAM role ARN",
            "scan --external-id x                  | --external-id: 'x' is not an external id",
            "frobnicate                            | Unmatched argument at index 0: 'frobnicate'",
            "report                                | Missing required",
            "report missing-scan.json --out-dir .  | missing-scan.json",
            "simulate --scenario no-such-org.json  | no-such-org.json",
            "simulate --port 70000 --synthetic 10  | --port",
            "demo --scenario no-such-org.json      | no-such-org.json",
            "demo --latency-ms -5                  | --latency-ms: -5 is out of range",
    })
    void rejectsWithOneLineAndExitTwo(String args, String message) {
        Run run = run(args.trim().split("\\s+"));
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(message).doesNotContain("\tat ").doesNotContain("Exception:");
    }

    @ParameterizedTest(name = "{0} \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "--regions          | ''",
            "--regions          | ','",
            "--exclude-regions  | ''",
            "--accounts         | ''",
            "--exclude-accounts | ' '",
            "--ous              | ''",
    })
    void anEmptyScopeValueIsAUsageErrorNotAWiderScan(String option, String value) {
        Run run = run("scan", option, value, "--out-dir", dir.resolve("out").toString());
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(option + ": the value is empty").doesNotContain("\tat ");
    }

    @Test
    void anEmptyOutputFolderIsAUsageErrorNotTheCurrentDirectory() {
        for (String command : List.of("scan", "demo")) {
            Run run = run(command, "--out-dir", "");
            assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).contains("--out-dir: the value is empty");
        }
        Run report = run("report", "scan.json", "--out-dir", "");
        assertThat(report.code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aRegionNoAccountListedIsIncompleteAndSaysSo() {
        Run run = run("demo", "--regions", "us-eest-1", "--out-dir", dir.resolve("typo").toString());
        assertThat(run.out()).as(run.err()).contains("result: INCOMPLETE: us-eest-1 is not a region any account listed (exit 4)")
                .contains("a real scan would exit 4");
    }

    @Test
    void aRegionNoAccountListedBesideRealOnesIsStillIncomplete() {
        Run run = run("demo", "--regions", "eu-west-1,us-eest-1", "--out-dir", dir.resolve("typo2").toString());
        assertThat(run.out()).as(run.err()).contains("us-eest-1 is not a region any account listed")
                .doesNotContain("eu-west-1 is not").contains("a real scan would exit 4");
    }

    @Test
    void aScopeThatLeavesEveryAccountOutIsIncomplete() {
        Run listed = run("demo", "--out-dir", dir.resolve("all").toString());
        String account = listed.out().lines().filter(l -> l.startsWith("scan ")).findFirst().orElseThrow()
                .replaceAll(".*management account (\\d{12}).*", "$1");
        Run run = run("demo", "--accounts", account, "--exclude-accounts", account, "--out-dir", dir.resolve("none").toString());
        assertThat(run.out()).as(run.err()).contains("result: INCOMPLETE: no applicable cell")
                .contains("a real scan would exit 4");
    }

    @Test
    void anOutputFolderThatIsAFileIsRejectedBeforeScanning() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        Run run = run("scan", "--out-dir", file.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--out-dir: cannot write to folder " + file + ": it is a file, not a folder")
                .doesNotContain("\tat ");
    }

    @Test
    void anUnreadableScanFileIsOneLine() throws Exception {
        Path bad = Files.writeString(dir.resolve("scan.json"), "{ not json");
        Run run = run("report", bad.toString(), "--out-dir", dir.resolve("out").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains(bad.toString()).doesNotContain("\tat ");
    }

    @Test
    void anUnreachableEndpointCannotStartAndWritesNoReport() throws Exception {
        Path out = dir.resolve("out");
        Run run = run("scan", "--out-dir", out.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("scan cannot start").contains("GetCallerIdentity").doesNotContain("\tat ");
        assertShortStartLine(run.err());
        // A refused connection is the network's problem, not the credentials' (issue 13).
        assertThat(run.err()).contains("ConnectionRefused: endpoint http://127.0.0.1:9 refused the connection")
                .contains("a network problem, not the credentials").doesNotContain("check the credentials");
        assertThat(out).as("the folder appears only when a report is swapped in").doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no staging folder left")
                    .containsExactly(".out.orgscan-lock");
        }
    }

    @Test
    void helpAndVersionExitZero() {
        assertThat(run("--help").code()).isZero();
        assertThat(run("scan", "--help").out()).contains("--endpoint-url").contains("--policy");
        assertThat(run("--version").out()).startsWith("orgscan ");
    }
}

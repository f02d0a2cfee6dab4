package io.orgscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 step 1: {@code orgscan plan} on the demo organization's scan, read back with independent
 * readers (findings.csv through commons-csv, plan.json as a plain JSON tree, SHA256SUMS recomputed),
 * and its templates checked by cfn-lint.
 */
class PlanCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "131091502096";
    private static final String MANAGEMENT = "179974257960";

    @TempDir
    static Path dir;
    static Path scan;
    static Map<String, CSVRecord> findings = new HashMap<>();

    @TempDir
    Path work;

    @BeforeAll
    static void scanTheDemoOrganization() throws IOException {
        BadInputTest.Run demo = BadInputTest.run("demo", "--out-dir", dir.resolve("demo").toString());
        assertThat(demo.out()).as(demo.err()).contains("a real scan would exit 4");
        scan = dir.resolve("demo").resolve("scan.json");
        try (Reader in = Files.newBufferedReader(dir.resolve("demo").resolve("findings.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                findings.put(row.get("finding_id"), row);
            }
        }
    }

    @Test
    void orgPolicyPlanCoversEveryGapOnceAndNothingElse() throws Exception {
        Path out = work.resolve("plan");
        BadInputTest.Run run = BadInputTest.run("plan", scan.toString(), "--out-dir", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("ORGANIZATION analyzer(s) to create").contains("wrote " + out.resolve("plan.json"));
        JsonNode plan = JSON.readTree(out.resolve("plan.json").toFile());

        assertThat(plan.path("plan_version").asInt()).isEqualTo(1);
        assertThat(plan.path("scan_file_sha256").asText()).isEqualTo(sha256(scan));
        assertThat(plan.path("policy").asText()).isEqualTo("ORG");
        assertThat(plan.path("analyzer_type").asText()).isEqualTo("ORGANIZATION");
        List<String> actionRegions = new ArrayList<>();
        for (JsonNode action : plan.path("actions")) {
            assertThat(action.path("account_id").asText()).isEqualTo(ADMIN);
            assertThat(action.path("analyzer_type").asText()).isEqualTo("ORGANIZATION");
            actionRegions.add(action.path("region").asText());
        }
        // Regions with no organization analyzer of the delegated administrator, which has them enabled.
        assertThat(actionRegions).containsExactly("ap-northeast-3", "me-central-1");
        // The CREATING and the DISABLED organization analyzers are repaired, not duplicated.
        assertThat(plan.path("repairs")).extracting(r -> r.path("region").asText() + " " + r.path("status").asText())
                .containsExactly("ca-central-1 CREATING", "sa-east-1 DISABLED");
        // Members use regions the delegated administrator has not enabled.
        Set<String> notEnabled = new TreeSet<>();
        for (JsonNode n : plan.path("not_fixable")) {
            if (n.path("obstacle").asText().equals("DELEGATED_ADMINISTRATOR_REGION_NOT_ENABLED")) {
                notEnabled.add(n.path("region").asText());
            }
        }
        assertThat(notEnabled).containsExactly("ap-southeast-5", "ap-southeast-7", "il-central-1");
        assertEveryGapOnce(plan);
        assertSumsVerify(out);
        assertThat(out.resolve("organization-analyzer.yaml")).exists();
        assertThat(out.resolve("account-analyzer.yaml")).doesNotExist();

        String md = Files.readString(out.resolve("plan.md"));
        assertThat(md).contains("free of charge").contains("create-stack-instances --stack-set-name orgscan-organization-analyzer")
                .contains("Accounts=[" + ADMIN + "],AccountFilterType=INTERSECTION\" --regions ap-northeast-3 me-central-1")
                .contains("aws account enable-region --account-id " + ADMIN + " --region-name il-central-1")
                .doesNotContain("UNUSED_ACCESS analyzer to create");

        // Deterministic: the same scan gives the same plan, byte for byte.
        Path again = work.resolve("again");
        assertThat(BadInputTest.run("plan", scan.toString(), "--out-dir", again.toString()).code()).isZero();
        for (String file : List.of("plan.json", "plan.md", "organization-analyzer.yaml", "SHA256SUMS")) {
            assertThat(Files.readAllBytes(again.resolve(file))).as(file).isEqualTo(Files.readAllBytes(out.resolve(file)));
        }
    }

    @Test
    void accountAnalyzersTargetExactlyTheFailingCells() throws Exception {
        Path out = work.resolve("plan");
        BadInputTest.Run run = BadInputTest.run("plan", scan.toString(), "--out-dir", out.toString(), "--account-analyzers");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode plan = JSON.readTree(out.resolve("plan.json").toFile());
        assertThat(plan.path("analyzer_type").asText()).isEqualTo("ACCOUNT");
        Set<String> cells = new HashSet<>();
        for (JsonNode action : plan.path("actions")) {
            assertThat(action.path("analyzer_type").asText()).isEqualTo("ACCOUNT");
            String id = "iam-aa-coverage:aws:" + action.path("account_id").asText() + ":" + action.path("region").asText();
            assertThat(action.path("finding_ids")).extracting(JsonNode::asText).containsExactly(id);
            assertThat(findings.get(id).get("status")).isEqualTo("NON_COMPLIANT");
            cells.add(action.path("account_id").asText() + "/" + action.path("region").asText());
        }
        // The stack instances are exactly the non-management cells, each once.
        Set<String> instances = new HashSet<>();
        for (JsonNode group : plan.path("stack_instance_groups")) {
            for (JsonNode account : group.path("accounts")) {
                assertThat(account.asText()).isNotEqualTo(MANAGEMENT);
                for (JsonNode region : group.path("regions")) {
                    assertThat(instances.add(account.asText() + "/" + region.asText())).isTrue();
                }
            }
        }
        cells.removeIf(c -> c.startsWith(MANAGEMENT + "/"));
        assertThat(instances).isEqualTo(cells);
        assertEveryGapOnce(plan);
        assertSumsVerify(out);
        cfnLint(out.resolve("account-analyzer.yaml"));
    }

    @Test
    void theTemplatesPassCfnLint() throws Exception {
        Path out = work.resolve("plan");
        assertThat(BadInputTest.run("plan", scan.toString(), "--out-dir", out.toString()).code()).isZero();
        cfnLint(out.resolve("organization-analyzer.yaml"));
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException {
        BadInputTest.Run missing = BadInputTest.run("plan", work.resolve("nope.json").toString(), "--out-dir",
                work.resolve("p").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err().lines()).hasSize(1).first().asString().startsWith("orgscan: ").doesNotContain("Exception");

        Path foreign = Files.createDirectories(work.resolve("busy"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        BadInputTest.Run refused = BadInputTest.run("plan", scan.toString(), "--out-dir", foreign.toString());
        assertThat(refused.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("notes.txt");
        assertThat(foreign.resolve("notes.txt")).hasContent("mine");
    }

    /** Every NON_COMPLIANT finding is fixed, repaired or explained exactly once; every undecided one is explained. */
    private static void assertEveryGapOnce(JsonNode plan) {
        List<String> mentioned = new ArrayList<>();
        plan.path("actions").forEach(a -> a.path("finding_ids").forEach(f -> mentioned.add(f.asText())));
        plan.path("repairs").forEach(r -> r.path("finding_ids").forEach(f -> mentioned.add(f.asText())));
        plan.path("not_fixable").forEach(n -> mentioned.add(n.path("finding_id").asText()));
        assertThat(mentioned).doesNotHaveDuplicates();
        Set<String> gaps = new HashSet<>();
        findings.forEach((id, row) -> {
            if (row.get("status").equals("NON_COMPLIANT") || row.get("status").equals("INSUFFICIENT_DATA")) {
                gaps.add(id);
            }
        });
        assertThat(new HashSet<>(mentioned)).isEqualTo(gaps);
    }

    private static void assertSumsVerify(Path out) throws Exception {
        Map<String, String> listed = new HashMap<>();
        for (String line : Files.readAllLines(out.resolve("SHA256SUMS"))) {
            listed.put(line.substring(66), line.substring(0, 64));
        }
        Set<String> files = new TreeSet<>();
        try (Stream<Path> entries = Files.list(out)) {
            entries.map(p -> p.getFileName().toString()).filter(n -> !n.equals("SHA256SUMS")).forEach(files::add);
        }
        assertThat(listed.keySet()).isEqualTo(files);
        for (String file : files) {
            assertThat(listed.get(file)).as(file).isEqualTo(sha256(out.resolve(file)));
        }
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /**
     * cfn-lint (PyPI; .ci/run installs it when it can) checks the template against the resource
     * specification. Without it on the PATH the check is skipped locally and fails under CI.
     */
    static void cfnLint(Path template) throws Exception {
        Path lint = null;
        for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(entry).resolve("cfn-lint");
            if (Files.isExecutable(candidate)) {
                lint = candidate;
                break;
            }
        }
        if (lint == null) {
            assertThat(System.getenv("CI")).as("cfn-lint is not on the PATH (pip install cfn-lint)").isNull();
            Assumptions.abort("cfn-lint is not on the PATH");
        }
        Process process = new ProcessBuilder(lint.toString(), "--", template.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}

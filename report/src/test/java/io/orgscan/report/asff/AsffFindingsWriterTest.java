package io.orgscan.report.asff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orgscan.model.AccountRef;
import io.orgscan.model.AccountState;
import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.Reason;
import io.orgscan.model.ScanResult;
import io.orgscan.report.evidence.RenderInput;
import io.orgscan.report.testkit.ScanFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsffFindingsWriterTest {
    private static final SecurityHubTarget TARGET = new SecurityHubTarget(ScanFixture.DELEGATED_ADMIN, "eu-west-1", "aws");

    private static byte[] asff(ScanResult scan) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AsffFindingsWriter.write(RenderInput.of(scan), TARGET, out);
        return out.toByteArray();
    }

    /** Read back with a plain Jackson tree, independent of the writer's generator and layout. */
    private static JsonNode parse(byte[] bytes) throws IOException {
        return new ObjectMapper().readTree(bytes);
    }

    private static List<JsonNode> findings(JsonNode file) {
        List<JsonNode> all = new ArrayList<>();
        file.forEach(batch -> batch.get("Findings").forEach(all::add));
        return all;
    }

    private static JsonNode finding(JsonNode file, String accountId, String region) {
        String id = "iam-aa-coverage:aws:" + accountId + ":" + region;
        return findings(file).stream().filter(f -> f.get("Id").asText().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyCellButTheNotApplicableOnesIsOneFindingInBatchesOfAtMostAHundred() throws IOException {
        ScanResult scan = ScanFixture.large(30, 12);
        long applicable = scan.matrix().cells().stream().filter(c -> c.status() != ComplianceStatus.NOT_APPLICABLE).count();

        JsonNode file = parse(asff(scan));

        assertThat(file.isArray()).isTrue();
        List<Integer> sizes = new ArrayList<>();
        file.forEach(batch -> {
            assertThat(batch.size()).as("a batch holds Findings only: --cli-input-json input").isEqualTo(1);
            sizes.add(batch.get("Findings").size());
        });
        assertThat(sizes).allMatch(size -> size >= 1 && size <= AsffFindingsWriter.BATCH_SIZE);
        assertThat(sizes.subList(0, sizes.size() - 1)).allMatch(size -> size == AsffFindingsWriter.BATCH_SIZE);
        List<String> ids = findings(file).stream().map(f -> f.get("Id").asText()).toList();
        assertThat(ids).hasSize((int) applicable).doesNotHaveDuplicates();
        List<String> expected = scan.matrix().cells().stream().filter(c -> c.status() != ComplianceStatus.NOT_APPLICABLE)
                .map(c -> "iam-aa-coverage:aws:" + c.key().accountId() + ":" + c.key().region()).toList();
        assertThat(ids).containsExactlyElementsOf(expected);
    }

    @Test
    void eachFindingIsOnALineOfItsOwn() throws IOException {
        ScanResult scan = ScanFixture.large(3, 5);

        String text = new String(asff(scan), StandardCharsets.UTF_8);

        List<String> lines = List.of(text.split("\n", -1));
        long findingLines = lines.stream().filter(l -> l.startsWith("{\"SchemaVersion\"")).count();
        assertThat(findingLines).isEqualTo(findings(parse(text.getBytes(StandardCharsets.UTF_8))).size());
        assertThat(lines.get(0)).isEqualTo("[");
        assertThat(lines.get(1)).isEqualTo("{\"Findings\":[");
        assertThat(text).endsWith("]}\n]\n");
    }

    @Test
    void aScanWithNothingApplicableGivesAnEmptyArray() throws IOException {
        ScanResult scan = ScanFixture.builder().regions("eu-west-1").account("000000000003", "closed")
                .cell("000000000003", "eu-west-1", Reason.ACCOUNT_NOT_ACTIVE).build();

        assertThat(new String(asff(scan), StandardCharsets.UTF_8)).isEqualTo("[]\n");
    }

    @Test
    void aFailedFindingCarriesTheImportingAccountTheMemberAsResourceAndTheControlsSeverity() throws IOException {
        JsonNode f = finding(parse(asff(ScanFixture.rich())), ScanFixture.DELEGATED_ADMIN, "us-east-1");

        assertThat(f.get("SchemaVersion").asText()).isEqualTo("2018-10-08");
        assertThat(f.get("ProductArn").asText()).isEqualTo("arn:aws:securityhub:eu-west-1:" + ScanFixture.DELEGATED_ADMIN
                + ":product/" + ScanFixture.DELEGATED_ADMIN + "/default");
        assertThat(f.get("AwsAccountId").asText()).isEqualTo(ScanFixture.DELEGATED_ADMIN);
        assertThat(f.get("GeneratorId").asText()).isEqualTo("orgscan/IAM.28");
        assertThat(f.get("Types").get(0).asText()).isEqualTo(AsffFindingsWriter.FINDING_TYPE);
        assertThat(f.get("CreatedAt").asText()).isEqualTo("2025-09-30T22:07:41Z");
        assertThat(f.get("UpdatedAt").asText()).isEqualTo("2025-09-30T22:07:41Z");
        assertThat(f.get("Severity").get("Label").asText()).isEqualTo("HIGH");
        assertThat(f.get("Compliance").get("Status").asText()).isEqualTo("FAILED");
        assertThat(f.get("Compliance").get("StatusReasons").get(0).get("ReasonCode").asText())
                .isEqualTo("ANALYZER_NOT_ACTIVE");
        assertThat(f.get("Compliance").get("StatusReasons").get(0).get("Description").asText())
                .isEqualTo(Reason.ANALYZER_NOT_ACTIVE.meaning());
        assertThat(f.get("Description").asText()).contains("ExternalAccess is DISABLED: DISABLED_BY_USER");
        assertThat(f.get("Compliance").get("RelatedRequirements").toString())
                .contains("CIS AWS Foundations Benchmark v5.0/1.19", "CIS AWS Foundations Benchmark v7.0/2.18");
        JsonNode resource = f.get("Resources").get(0);
        assertThat(resource.get("Type").asText()).isEqualTo("AwsAccount");
        assertThat(resource.get("Id").asText()).isEqualTo("AWS::::Account:" + ScanFixture.DELEGATED_ADMIN);
        assertThat(resource.get("Region").asText()).isEqualTo("us-east-1");
        assertThat(resource.get("Partition").asText()).isEqualTo("aws");
        assertThat(f.get("Workflow").get("Status").asText()).isEqualTo("NEW");
        assertThat(f.get("RecordState").asText()).isEqualTo("ACTIVE");
        assertThat(f.get("Remediation").get("Recommendation").get("Url").asText()).startsWith("https://docs.aws.amazon.com/");
        assertThat(f.get("ProductFields").get("orgscan/OuPath").asText()).isEqualTo("Root/Security, \"core\"");
    }

    @Test
    void passedIsInformationalAndResolvedAndUndecidedIsAWarningThatKeepsTheSeverity() throws IOException {
        JsonNode file = parse(asff(ScanFixture.rich()));

        JsonNode passed = finding(file, ScanFixture.MANAGEMENT, "us-east-1");
        assertThat(passed.get("Compliance").get("Status").asText()).isEqualTo("PASSED");
        assertThat(passed.get("Severity").get("Label").asText()).isEqualTo("INFORMATIONAL");
        assertThat(passed.get("Workflow").get("Status").asText()).isEqualTo("RESOLVED");
        assertThat(passed.has("Remediation")).isFalse();
        assertThat(passed.get("ProductFields").get("orgscan/CoveredByArn").asText()).startsWith("arn:aws:access-analyzer:");

        JsonNode warning = finding(file, ScanFixture.DELEGATED_ADMIN, "eu-central-1");
        assertThat(warning.get("Compliance").get("Status").asText()).isEqualTo("WARNING");
        assertThat(warning.get("Severity").get("Label").asText()).isEqualTo("HIGH");
        assertThat(warning.get("Compliance").get("StatusReasons").get(0).get("ReasonCode").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(warning.get("Description").asText()).contains("AccessDeniedException");
    }

    @Test
    void hostileAndOverlongTextStaysWithinTheModelsLimitsAndPatterns() throws IOException {
        ScanFixture fixture = ScanFixture.builder().regions("eu-west-1");
        String huge = "=cmd|' /C calc'!A0 \u0001\u0007 line\nbreak " + "long ".repeat(1000);
        fixture.account(new AccountRef("000000000009", huge, "x@example.com", AccountState.ACTIVE, huge, false, false))
                .cell("000000000009", "eu-west-1", Reason.NO_EXTERNAL_ACCESS_ANALYZER, huge);
        ScanResult hostile = ScanFixture.hostile();

        for (ScanResult scan : List.of(fixture.build(), hostile)) {
            JsonNode file = parse(asff(scan));
            for (JsonNode f : findings(file)) {
                assertThat(f.get("Title").asText().length()).isLessThanOrEqualTo(AsffFindingsWriter.TITLE_LIMIT);
                assertThat(f.get("Description").asText().length()).isLessThanOrEqualTo(AsffFindingsWriter.DESCRIPTION_LIMIT);
                assertThat(f.get("Id").asText().length()).isLessThanOrEqualTo(512);
                f.get("ProductFields").fields().forEachRemaining(e -> {
                    assertThat(e.getKey().length()).isLessThanOrEqualTo(128);
                    assertThat(e.getValue().asText().length()).isLessThanOrEqualTo(AsffFindingsWriter.PRODUCT_FIELD_LIMIT);
                });
                everyStringIsANonEmptyLineOfText(f);
            }
        }
        JsonNode f = findings(parse(asff(fixture.build()))).get(0);
        assertThat(f.get("Description").asText()).endsWith(AsffText.TRUNCATED);
        assertThat(f.get("ProductFields").get("orgscan/AccountName").asText()).startsWith("=cmd|' /C calc'!A0    line break");
    }

    /** Security Hub's NonEmptyString is {@code .*\S.*}, where {@code .} matches no line break. */
    private static void everyStringIsANonEmptyLineOfText(JsonNode node) {
        if (node.isTextual()) {
            assertThat(node.asText()).matches(".*\\S.*");
            return;
        }
        Iterator<JsonNode> children = node.elements();
        while (children.hasNext()) {
            everyStringIsANonEmptyLineOfText(children.next());
        }
    }

    @Test
    void theSameScanGivesTheSameBytes() throws IOException {
        ScanResult scan = ScanFixture.rich();

        assertThat(asff(scan)).isEqualTo(asff(scan));
    }
}

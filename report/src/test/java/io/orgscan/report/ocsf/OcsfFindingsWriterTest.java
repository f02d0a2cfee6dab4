package io.orgscan.report.ocsf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orgscan.model.Cell;
import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.Reason;
import io.orgscan.model.ScanResult;
import io.orgscan.report.evidence.Control;
import io.orgscan.report.evidence.RenderInput;
import io.orgscan.report.json.ScanJson;
import io.orgscan.report.testkit.OcsfReader;
import io.orgscan.report.testkit.ScanFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OcsfFindingsWriterTest {
    @TempDir
    Path dir;

    @Test
    void everyEventOfRealisticScansIsAValidComplianceFinding() throws Exception {
        // rich: every status, a suspended account, an excluded cell, a hostile name; large: every reason,
        // the SCP ones included, on a grid; hostile: names and details built to break a naive writer.
        for (ScanResult scan : List.of(ScanFixture.rich(), ScanFixture.large(30, 7), ScanFixture.hostile(),
                ScanFixture.builder().partition("aws-us-gov").regions("us-gov-west-1")
                        .account("000000000001", "Mgmt").cell("000000000001", "us-gov-west-1",
                                Reason.ACTIVE_ORGANIZATION_ANALYZER).build())) {
            List<JsonNode> events = OcsfReader.events(write(scan));

            assertThat(events).hasSize(scan.matrix().cells().size());
            for (JsonNode event : events) {
                assertThat(OcsfReader.errors(event)).as(event.toString()).isEmpty();
            }
        }
    }

    @Test
    void theRealisticScansCoverEveryStatusAndReason() {
        Set<Reason> reasons = ScanFixture.large(30, 7).matrix().cells().stream().map(Cell::reason)
                .collect(Collectors.toSet());
        assertThat(reasons).containsExactlyInAnyOrder(Reason.values());
    }

    @Test
    void eachEventIsTheCellItDescribesInFindingsOrder() throws Exception {
        ScanResult scan = ScanFixture.rich();
        List<JsonNode> events = OcsfReader.events(write(scan));
        List<Cell> cells = scan.matrix().cells();

        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            JsonNode event = events.get(i);
            assertThat(event.at("/finding_info/uid").asText()).isEqualTo(
                    "iam-aa-coverage:aws:" + cell.key().accountId() + ":" + cell.key().region());
            assertThat(event.at("/cloud/account/uid").asText()).isEqualTo(cell.key().accountId());
            assertThat(event.at("/cloud/region").asText()).isEqualTo(cell.key().region());
            assertThat(event.at("/cloud/provider").asText()).isEqualTo("AWS");
            assertThat(event.at("/unmapped/reason").asText()).isEqualTo(cell.reason().name());
            assertThat(event.at("/status_detail").asText()).startsWith(cell.reason().name());
            assertThat(event.at("/time").asLong()).isEqualTo(ScanFixture.FINISHED.toEpochMilli());
        }
        JsonNode first = events.get(0);
        assertThat(first.at("/class_uid").asInt()).isEqualTo(2003);
        assertThat(first.at("/category_uid").asInt()).isEqualTo(2);
        assertThat(first.at("/activity_id").asInt()).isEqualTo(1);
        assertThat(first.at("/type_uid").asInt()).isEqualTo(200301);
        assertThat(first.at("/metadata/version").asText()).isEqualTo("1.6.0");
        assertThat(first.at("/metadata/profiles").toString()).isEqualTo("[\"cloud\"]");
        assertThat(first.at("/metadata/product/name").asText()).isEqualTo("orgscan");
        assertThat(first.at("/metadata/product/version").asText()).isEqualTo("0.1.0-test");
        assertThat(first.at("/metadata/correlation_uid").asText()).isEqualTo(scan.metadata().scanId());
        assertThat(first.at("/cloud/account/name").asText()).isEqualTo("Management");
        assertThat(first.at("/cloud/org/uid").asText()).isEqualTo("o-abc123def4");
        // Free text is JSON text, never altered: no spreadsheet apostrophe.
        assertThat(event(events, ScanFixture.DELEGATED_ADMIN, "us-east-1").at("/cloud/account/name").asText())
                .isEqualTo("=HYPERLINK(\"http://x\",\"y\")");
        assertThat(event(events, "123456789012", "us-east-1").at("/cloud/account/name").asText())
                .isEqualTo("Zürich-Ñandú 東京");
    }

    @Test
    void statusesMapAsDocumentedAndAsTheLegendSays() throws Exception {
        ScanResult scan = ScanFixture.rich();
        List<JsonNode> events = OcsfReader.events(write(scan));
        List<Cell> cells = scan.matrix().cells();
        Set<ComplianceStatus> seen = EnumSet.noneOf(ComplianceStatus.class);
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            JsonNode compliance = events.get(i).get("compliance");
            int expectedId = switch (cell.status()) {
                case COMPLIANT -> 1;
                case INSUFFICIENT_DATA -> 2;
                case NON_COMPLIANT -> 3;
                case NOT_APPLICABLE -> 99;
            };
            String expectedCaption = switch (cell.status()) {
                case COMPLIANT -> "Pass";
                case INSUFFICIENT_DATA -> "Warning";
                case NON_COMPLIANT -> "Fail";
                case NOT_APPLICABLE -> "Not Applicable";
            };
            assertThat(compliance.get("status_id").asInt()).as(cell.key().toString()).isEqualTo(expectedId);
            assertThat(compliance.get("status").asText()).isEqualTo(expectedCaption);
            // Security Hub's severity of IAM.28 (High, 4) for what is not a pass, as in findings.asff.json.
            boolean pass = cell.status() == ComplianceStatus.COMPLIANT || cell.status() == ComplianceStatus.NOT_APPLICABLE;
            assertThat(events.get(i).get("severity_id").asInt()).isEqualTo(pass ? 1 : 4);
            assertThat(events.get(i).get("severity").asText()).isEqualTo(pass ? "Informational" : "High");
            seen.add(cell.status());
        }
        assertThat(seen).containsExactlyInAnyOrder(ComplianceStatus.values());
        for (Control.StatusMapping mapping : Control.standard().statuses()) {
            assertThat(OcsfStatus.of(mapping.status(), Control.standard()).label()).as("control.json's ocsf name of " + mapping.status())
                    .isEqualTo(mapping.ocsf());
        }
    }

    @Test
    void complianceNamesTheControlAndEveryCisVersion() throws Exception {
        JsonNode compliance = OcsfReader.events(write(ScanFixture.rich())).get(0).get("compliance");

        assertThat(compliance.get("control").asText()).isEqualTo("IAM.28");
        List<String> standards = new ArrayList<>();
        compliance.get("standards").forEach(s -> standards.add(s.asText()));
        assertThat(standards).hasSize(8).first().isEqualTo("CIS Amazon Web Services Foundations Benchmark v1.4");
        assertThat(standards).last().isEqualTo("CIS Amazon Web Services Foundations Benchmark v7.0");
        assertThat(compliance.get("requirements").get(7).asText())
                .isEqualTo("CIS v7.0 2.18");
        assertThat(compliance.get("requirements").get(0).asText()).isEqualTo("CIS v1.4 1.20");
    }

    @Test
    void resourcesAreTheAccountAndTheCoveringAnalyzerWhenCompliant() throws Exception {
        List<JsonNode> events = OcsfReader.events(write(ScanFixture.rich()));

        JsonNode own = event(events, ScanFixture.MANAGEMENT, "us-east-1").get("resources"); // its ACCOUNT analyzer
        JsonNode org = event(events, ScanFixture.MANAGEMENT, "eu-central-1").get("resources"); // the admin's ORGANIZATION one
        JsonNode failing = event(events, ScanFixture.DELEGATED_ADMIN, "us-east-1");
        assertThat(own).hasSize(2);
        assertThat(own.get(0).get("uid").asText()).isEqualTo(ScanFixture.MANAGEMENT);
        assertThat(own.get(0).get("type").asText()).isEqualTo("AWS::::Account");
        assertThat(own.get(0).get("role_id").asInt()).isEqualTo(1);
        assertThat(own.get(1).get("uid").asText())
                .isEqualTo("arn:aws:access-analyzer:us-east-1:000000000001:analyzer/ExternalAccess");
        assertThat(own.get(1).get("role_id").asInt()).isEqualTo(4);
        assertThat(org.get(1).get("uid").asText())
                .isEqualTo("arn:aws:access-analyzer:eu-central-1:000000000002:analyzer/Org");
        assertThat(failing.get("compliance").get("status").asText()).isEqualTo("Fail");
        assertThat(failing.get("resources")).hasSize(1);
        assertThat(failing.at("/remediation/desc").asText()).contains("ORGANIZATION");
        assertThat(event(events, ScanFixture.MANAGEMENT, "us-east-1").has("remediation")).isFalse();
        assertThat(event(events, ScanFixture.DELEGATED_ADMIN, "eu-central-1").get("resources")).hasSize(1);
    }

    private static JsonNode event(List<JsonNode> events, String account, String region) {
        return events.stream().filter(e -> e.at("/finding_info/uid").asText()
                .equals("iam-aa-coverage:aws:" + account + ":" + region)).findFirst().orElseThrow();
    }

    @Test
    void theFileIsOneJsonArrayWithOneEventPerLine() throws Exception {
        ScanResult scan = ScanFixture.rich();
        List<String> lines = Files.readAllLines(write(scan), StandardCharsets.UTF_8);

        assertThat(lines).hasSize(scan.matrix().cells().size() + 2);
        assertThat(lines.get(0)).isEqualTo("[");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("]");
        for (String line : lines.subList(1, lines.size() - 1)) {
            assertThat(line).startsWith("{\"activity_id\":1,").matches(".*\\},?$");
        }
        assertThat(OcsfReader.events(write(ScanFixture.builder().regions("eu-west-1").build()))).isEmpty();
    }

    @Test
    void reRenderingTheSameScanGivesTheSameBytes() throws Exception {
        ScanResult scan = ScanFixture.hostile();
        byte[] first = bytes(scan);
        ScanResult read = ScanJson.read(ScanFixture.write(scan, dir.resolve("scan.json")));

        assertThat(bytes(read)).isEqualTo(first);
        assertThat(bytes(scan)).isEqualTo(first);
    }

    @Test
    void eventsAreStreamedNotHeldAsADocument() throws Exception {
        ScanResult scan = ScanFixture.large(300, 10);
        List<Long> sizesAtEachWrite = new ArrayList<>();
        long[] total = new long[1];
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                total[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                total[0] += len;
                sizesAtEachWrite.add(total[0]);
            }
        };
        OcsfFindingsWriter.write(RenderInput.of(scan), counting);

        // The generator hands its buffer over as it fills: the first bytes leave long before the last
        // event is written, and no write is larger than the buffer.
        assertThat(total[0]).isGreaterThan(1_000_000);
        assertThat(sizesAtEachWrite.size()).isGreaterThan(50);
        assertThat(sizesAtEachWrite.get(0)).isLessThan(total[0] / 50);
    }

    @Test
    void theValidatorBites() throws Exception {
        JsonNode valid = OcsfReader.events(write(ScanFixture.rich())).get(0);
        assertThat(OcsfReader.errors(valid)).isEmpty();

        assertThat(OcsfReader.errors(without(valid, "/cloud", "provider"))).isNotEmpty();
        assertThat(OcsfReader.errors(without(valid, "/finding_info", "uid"))).isNotEmpty();
        assertThat(OcsfReader.errors(without(valid, "/metadata", "version"))).isNotEmpty();
        assertThat(OcsfReader.errors(without(valid, "", "compliance"))).isNotEmpty();
        assertThat(OcsfReader.errors(without(valid, "", "severity_id"))).isNotEmpty();
        assertThat(OcsfReader.errors(with(valid, "/compliance", "status_id", 4))).isNotEmpty();
        assertThat(OcsfReader.errors(with(valid, "", "class_uid", 2004))).isNotEmpty();
        assertThat(OcsfReader.errors(with(valid, "", "type_uid", 200401))).isNotEmpty();
        assertThat(OcsfReader.errors(with(valid, "", "time", "2025-09-30T22:07:41Z"))).isNotEmpty();
        assertThat(OcsfReader.errors(with(valid, "/cloud", "acount", "typo"))).isNotEmpty();
        // The same edits that stay inside the schema pass: the failures above are the schema's, not noise.
        assertThat(OcsfReader.errors(with(valid, "/compliance", "status_id", 99))).isEmpty();
        assertThat(OcsfReader.errors(with(valid, "/unmapped", "anything", "goes"))).isEmpty();
    }

    private static JsonNode without(JsonNode event, String parent, String field) {
        JsonNode copy = event.deepCopy();
        ((ObjectNode) copy.at(parent)).remove(field);
        return copy;
    }

    private static JsonNode with(JsonNode event, String parent, String field, Object value) {
        JsonNode copy = event.deepCopy();
        ObjectNode node = (ObjectNode) copy.at(parent);
        if (value instanceof Integer number) {
            node.put(field, number);
        } else {
            node.put(field, (String) value);
        }
        return copy;
    }

    private Path write(ScanResult scan) throws IOException {
        Path file = Files.createTempFile(dir, "findings", ".ocsf.json");
        Files.write(file, bytes(scan));
        return file;
    }

    private static byte[] bytes(ScanResult scan) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long events = OcsfFindingsWriter.write(RenderInput.of(scan), out);
        assertThat(events).isEqualTo(scan.matrix().cells().size());
        return out.toByteArray();
    }
}

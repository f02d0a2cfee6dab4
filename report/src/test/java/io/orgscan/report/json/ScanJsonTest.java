package io.orgscan.report.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orgscan.model.Analyzer;
import io.orgscan.model.AnalyzerStatus;
import io.orgscan.model.AnalyzerType;
import io.orgscan.model.Disposition;
import io.orgscan.model.ExceptionEntry;
import io.orgscan.model.ExceptionRegister;
import io.orgscan.model.Failure;
import io.orgscan.model.Observations;
import io.orgscan.model.RegionOptStatus;
import io.orgscan.model.ScanMetadata;
import io.orgscan.model.ScanResult;
import io.orgscan.model.ServiceControlPolicy;
import io.orgscan.report.testkit.ScanFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanJsonTest {
    @TempDir
    Path dir;

    /** An independent reader for checking what was written. */
    private static final ObjectMapper TREE = new ObjectMapper();

    static byte[] json(ScanResult result) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScanJson.write(result, out);
        return out.toByteArray();
    }

    @Test
    void readGivesBackWhatWasWritten() throws Exception {
        for (ScanResult result : List.of(ScanFixture.rich(), ScanFixture.hostile(), ScanFixture.large(7, 5))) {
            Path file = dir.resolve("scan.json");
            ScanFixture.write(result, file);
            assertThat(ScanJson.read(file)).isEqualTo(result);
        }
    }

    @Test
    void keepsTheServiceControlPoliciesReadAndSaysWhenNoneWereRead() throws Exception {
        ScanResult plain = ScanFixture.rich();
        ScanMetadata m = plain.metadata();
        List<ServiceControlPolicy> policies = List.of(
                new ServiceControlPolicy("p-FullAWSAccess", "FullAWSAccess", "a".repeat(64), List.of(), List.of()),
                new ServiceControlPolicy("p-regiondeny1", "RegionDeny", "0123456789abcdef".repeat(4), List.of("Deny", "#2"),
                        List.of("r-ab12", "ou-ab12-cdefgh34")));
        ScanResult withPolicies = new ScanResult(new ScanMetadata(m.scanId(), m.startedAt(), m.finishedAt(), m.callerArn(),
                m.callerAccountId(), m.organizationId(), m.managementAccountId(), m.delegatedAdministratorId(), m.partition(),
                m.policy(), m.toolName(), m.toolVersion(), m.parameters(), policies), plain.matrix(), plain.errors());
        Path file = dir.resolve("scan.json");
        ScanFixture.write(withPolicies, file);
        assertThat(ScanJson.read(file)).isEqualTo(withPolicies);
        JsonNode written = TREE.readTree(file.toFile()).at("/scan/service_control_policies/1");
        assertThat(written.get("policy_id").asText()).isEqualTo("p-regiondeny1");
        assertThat(written.get("region_deny_sids").toString()).isEqualTo("[\"Deny\",\"#2\"]");

        ScanFixture.write(plain, file);
        assertThat(TREE.readTree(file.toFile()).at("/scan/service_control_policies").isNull())
                .as("null, not [], when the scan did not read SCPs").isTrue();
        assertThat(ScanJson.read(file).metadata().serviceControlPolicies()).isNull();
    }

    @Test
    void keepsTheObservationsAndReadsAFileWithout() throws Exception {
        ScanResult plain = ScanFixture.rich();
        Failure throttled = new Failure("ListDelegatedAdministrators", "TooManyRequestsException", "Rate exceeded", 14);
        Analyzer analyzer = new Analyzer("arn:aws:access-analyzer:us-east-1:000000000001:analyzer/a", "a",
                AnalyzerType.ORGANIZATION, AnalyzerStatus.ACTIVE, null);
        Observations observations = new Observations(throttled, List.of("eu-central-1"), List.of(
                new Observations.AccountSeen("000000000001", true, null, null,
                        Map.of("us-east-1", RegionOptStatus.OPT_IN_NOT_REQUIRED, "af-south-1", RegionOptStatus.NOT_OPTED_IN),
                        Map.of("us-east-1", new Observations.Listing(List.of(analyzer), null)), List.of()),
                new Observations.AccountSeen("000000000002", false, null,
                        new Failure("DescribeRegions", "UnauthorizedOperation", "no", 1), Map.of(),
                        Map.of("eu-central-1", new Observations.Listing(List.of(), new Failure("ListAnalyzers", "X", "y", 2))),
                        List.of(new Observations.RegionDenyStatement("p-regiondeny1", "#2", List.of(
                                new Observations.RegionCondition(true, List.of("eu-*")),
                                new Observations.RegionCondition(false, List.of("us-east-1"))))))));
        ScanResult with = new ScanResult(plain.metadata(), plain.matrix(), plain.errors(), observations);
        Path file = dir.resolve("scan.json");
        ScanFixture.write(with, file);
        assertThat(ScanJson.read(file)).isEqualTo(with);
        JsonNode root = TREE.readTree(file.toFile());
        assertThat(fieldNames(root)).containsExactly("schema_version", "scan", "accounts", "regions", "cells", "errors",
                "observations");
        assertThat(fieldNames(root.get("observations"))).containsExactly("delegated_administrator_lookup_failure",
                "excluded_regions", "accounts");
        assertThat(fieldNames(root.at("/observations/accounts/0"))).containsExactly("account_id", "in_scope",
                "session_failure", "regions_failure", "region_status", "listings", "region_denies");
        assertThat(root.at("/observations/accounts/0/region_status/0/region").asText())
                .as("sorted by region").isEqualTo("af-south-1");
        assertThat(root.at("/observations/accounts/1/region_denies/0/conditions/0").toString())
                .isEqualTo("{\"wildcards\":true,\"regions\":[\"eu-*\"]}");

        ScanFixture.write(plain, file);
        assertThat(TREE.readTree(file.toFile()).has("observations")).isFalse();
        assertThat(ScanJson.read(file).observations()).as("a file from before observations still reads").isNull();
    }

    static ScanResult withRegister() {
        return ScanFixture.rich().withExceptions(new ExceptionRegister("coverage.xlsx", "ab".repeat(32), List.of(
                new ExceptionEntry(2, "iam-aa-coverage:aws:000000000002:us-east-1", null, null, Disposition.RISK_ACCEPTED,
                        "=owner", "CISO", "closing, \"soon\"", "SEC-1", LocalDate.of(2026, 3, 31)),
                new ExceptionEntry(7, null, "*", "eu-central-1", Disposition.RETEST, "", "", "", "", null))));
    }

    @Test
    void keepsTheExceptionRegisterAndReadsAFileWithout() throws Exception {
        ScanResult with = withRegister();
        Path file = dir.resolve("scan.json");
        ScanFixture.write(with, file);
        assertThat(ScanJson.read(file)).isEqualTo(with);
        JsonNode root = TREE.readTree(file.toFile());
        assertThat(fieldNames(root)).containsExactly("schema_version", "scan", "accounts", "regions", "cells", "errors",
                "exception_register");
        assertThat(fieldNames(root.get("exception_register"))).containsExactly("file_name", "sha256", "entries");
        assertThat(fieldNames(root.at("/exception_register/entries/0"))).containsExactly("row", "finding_id",
                "account_id", "region", "disposition", "owner", "approver", "justification", "ticket", "expires");
        assertThat(root.at("/exception_register/entries/0/owner").asText()).as("kept as typed").isEqualTo("=owner");
        assertThat(root.at("/exception_register/entries/0/expires").asText()).isEqualTo("2026-03-31");
        assertThat(root.at("/exception_register/entries/1/finding_id").isNull()).isTrue();
        assertThat(root.at("/exception_register/entries/1/expires").isNull()).isTrue();

        ScanFixture.write(ScanFixture.rich(), file);
        assertThat(TREE.readTree(file.toFile()).has("exception_register")).isFalse();
        assertThat(ScanJson.read(file).exceptions()).as("a file from before registers still reads").isNull();
    }

    @Test
    void aBrokenRegisterEntryNamesItsField() throws IOException {
        ObjectNode root = (ObjectNode) TREE.readTree(json(withRegister()));
        ((ObjectNode) root.at("/exception_register/entries/1")).put("disposition", "IGNORE");
        Path file = Files.write(dir.resolve("scan.json"), TREE.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        assertThat(readFails(file)).hasMessageMatching(".*: exception_register\\.entries\\[1]\\.disposition \\(entry at "
                + "line \\d+\\): unknown value \"IGNORE\", expected one of REMEDIATE, RISK_ACCEPTED, FALSE_POSITIVE, RETEST");

        ((ObjectNode) root.at("/exception_register/entries/1")).put("disposition", "RETEST").put("account_id", "12");
        Files.write(file, TREE.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        assertThat(readFails(file)).hasMessageContaining("exception_register.entries[1]")
                .hasMessageContaining("account_id must be 12 digits or *");

        ((ObjectNode) root.at("/exception_register/entries/1")).put("account_id", "*")
                .put("region", "us-east-1").put("row", 2);
        ((ObjectNode) root.at("/exception_register/entries/0")).putNull("finding_id").put("account_id", "*")
                .put("region", "us-east-1");
        Files.write(file, TREE.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        assertThat(readFails(file)).hasMessageContaining("exception_register.entries")
                .hasMessageContaining("account_id=* region=us-east-1 is already an entry of an earlier row");
    }

    @Test
    void keepsTimesToTheNanosecond() throws Exception {
        Path file = dir.resolve("scan.json");
        ScanFixture.write(ScanFixture.rich(), file);
        assertThat(ScanJson.read(file).metadata().startedAt()).isEqualTo(ScanFixture.STARTED);
        assertThat(TREE.readTree(file.toFile()).at("/scan/started_at").asText())
                .isEqualTo("2025-09-30T22:00:05.123456789Z");
    }

    @Test
    void theSameScanGivesTheSameBytes() throws IOException {
        assertThat(json(ScanFixture.rich())).isEqualTo(json(ScanFixture.rich()));
    }

    @Test
    void isPrettyPrintedUtf8WithLfLineEnds() throws IOException {
        String text = new String(json(ScanFixture.hostile()), StandardCharsets.UTF_8);

        assertThat(text).startsWith("{\n  \"schema_version\": 1,\n  \"scan\": {\n    \"scan_id\": ");
        assertThat(text).endsWith("\n}\n").doesNotContain("\r\n");
        assertThat(text).contains("Zürich Ålesund 東京 Ñandú 🙂");
        assertThat(text).contains("\"errors\": []").contains("\"analyzers\": []");
    }

    @Test
    void fieldsComeInTheDocumentedOrder() throws IOException {
        JsonNode root = TREE.readTree(json(ScanFixture.rich()));

        assertThat(fieldNames(root)).containsExactly("schema_version", "scan", "accounts", "regions", "cells", "errors");
        assertThat(fieldNames(root.get("scan"))).containsExactly("scan_id", "started_at", "finished_at", "caller_arn",
                "caller_account_id", "organization_id", "management_account_id", "delegated_administrator_id",
                "partition", "policy", "tool_name", "tool_version", "parameters", "service_control_policies");
        assertThat(fieldNames(root.at("/scan/parameters/0"))).containsExactly("name", "value", "source");
        assertThat(fieldNames(root.at("/accounts/0"))).containsExactly("account_id", "name", "email", "state", "ou_path",
                "management", "delegated_administrator");
        assertThat(fieldNames(root.at("/cells/0"))).containsExactly("account_id", "region", "region_opt_status",
                "status", "reason", "detail", "analyzers", "covered_by_arn", "failure");
        JsonNode compliant = find(root.get("cells"), "000000000001", "us-east-1");
        assertThat(fieldNames(compliant.at("/analyzers/0"))).containsExactly("arn", "name", "type", "status",
                "status_reason");
        JsonNode denied = find(root.get("cells"), "000000000002", "eu-central-1");
        assertThat(fieldNames(denied.get("failure"))).containsExactly("operation", "error_code", "message", "attempts");
        assertThat(fieldNames(root.at("/errors/0"))).containsExactly("account_id", "region", "failure");
    }

    @Test
    void valuesAreWrittenAsDocumented() throws IOException {
        JsonNode root = TREE.readTree(json(ScanFixture.rich()));

        assertThat(root.get("schema_version").isInt()).isTrue();
        assertThat(root.at("/scan/delegated_administrator_id").asText()).isEqualTo("000000000002");
        assertThat(root.at("/scan/policy").asText()).isEqualTo("ORG");
        assertThat(root.at("/scan/parameters/1/source").asText()).isEqualTo("COMMAND_LINE");
        assertThat(root.at("/accounts/0/account_id").isTextual()).isTrue();
        assertThat(root.at("/accounts/0/management").asBoolean()).isTrue();
        assertThat(root.get("regions")).extracting(JsonNode::asText)
                .containsExactly("ap-southeast-7", "eu-central-1", "us-east-1");
        JsonNode compliant = find(root.get("cells"), "000000000001", "us-east-1");
        assertThat(compliant.get("status").asText()).isEqualTo("COMPLIANT");
        assertThat(compliant.get("region_opt_status").asText()).isEqualTo("opt-in-not-required");
        assertThat(compliant.get("failure").isNull()).isTrue();
        assertThat(compliant.at("/analyzers/0/status_reason").isNull()).isTrue();
        JsonNode denied = find(root.get("cells"), "000000000002", "eu-central-1");
        assertThat(denied.get("covered_by_arn").isNull()).isTrue();
        assertThat(denied.at("/failure/attempts").asInt()).isEqualTo(1);
        assertThat(root.at("/errors/0/account_id").asText()).isEqualTo("000000000002");
        assertThat(root.at("/errors/1/account_id").isNull()).isTrue();
    }

    // ---- bad files: each a one-line message naming the file --------------------------------------

    private ScanFileException readFails(Path file) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> ScanJson.read(file));
        assertThat(thrown).isInstanceOf(ScanFileException.class);
        ScanFileException e = (ScanFileException) thrown;
        assertThat(e.getMessage()).startsWith(file + ": ").doesNotContain("\n").doesNotContain("\r");
        assertThat(e.file()).isEqualTo(file);
        return e;
    }

    private Path fileWith(String content) throws IOException {
        return Files.writeString(dir.resolve("scan.json"), content);
    }

    /** A valid scan.json, changed by {@code edit}. */
    private Path edited(Consumer<ObjectNode> edit) throws IOException {
        ObjectNode root = (ObjectNode) TREE.readTree(json(ScanFixture.rich()));
        edit.accept(root);
        return Files.write(dir.resolve("scan.json"), TREE.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    private static ObjectNode cell(ObjectNode root, int index) {
        return (ObjectNode) root.get("cells").get(index);
    }

    @Test
    void aMissingFile() {
        assertThat(readFails(dir.resolve("nope.json"))).hasMessage(dir.resolve("nope.json") + ": no such file");
    }

    @Test
    void aFolder() {
        assertThat(readFails(dir)).hasMessage(dir + ": is a folder, not a scan file");
    }

    @Test
    void anEmptyFile() throws IOException {
        assertThat(readFails(fileWith(""))).hasMessageEndingWith(": empty file, not JSON");
    }

    @Test
    void notJsonSaysWhere() throws IOException {
        assertThat(readFails(fileWith("{\n  \"schema_version\": 1,\n  \"scan\": }\n")))
                .hasMessageContaining(": not valid JSON at line 3, column 11: ");
        assertThat(readFails(fileWith("orgscan,csv,not,json"))).hasMessageContaining(": not valid JSON at line 1, column");
    }

    @Test
    void notAnObject() throws IOException {
        assertThat(readFails(fileWith("[1, 2]"))).hasMessageEndingWith(": not a scan file: the JSON is not an object");
    }

    @Test
    void trailingContent() throws IOException {
        Path file = fileWith(new String(json(ScanFixture.rich()), StandardCharsets.UTF_8) + "{}");
        assertThat(readFails(file)).hasMessageContaining("more than one JSON value");
    }

    @Test
    void noSchemaVersionSaysWhichThisBuildReads() throws IOException {
        Path file = edited(root -> root.remove("schema_version"));
        assertThat(readFails(file)).hasMessage(file + ": no schema_version: not an orgscan scan file? "
                + "(this build reads schema_version 1)");
    }

    @Test
    void anotherSchemaVersionSaysWhichThisBuildReads() throws IOException {
        Path file = edited(root -> root.put("schema_version", 2));
        assertThat(readFails(file)).hasMessage(file + ": schema_version 2 is not supported: this build of orgscan "
                + "reads schema_version 1");
        assertThat(readFails(edited(root -> root.put("schema_version", "1"))))
                .hasMessageContaining("schema_version \"1\" is not supported");
    }

    @Test
    void theSchemaVersionIsCheckedBeforeAnythingElse() throws IOException {
        Path file = fileWith("{\"cells\": {\"whatever\": true}, \"schema_version\": 9}");
        assertThat(readFails(file)).hasMessageContaining("schema_version 9 is not supported");
    }

    @Test
    void aMalformedAccountIdNamesTheEntryAndTheField() throws IOException {
        Path file = edited(root -> ((ObjectNode) root.get("accounts").get(1)).put("account_id", "12345"));
        assertThat(readFails(file)).hasMessageMatching(".*: accounts\\[1]\\.account_id \\(entry at line \\d+\\): "
                + "not a 12-digit AWS account id: 12345");
    }

    @Test
    void anAccountIdWrittenAsANumberIsRejected() throws IOException {
        Path file = edited(root -> ((ObjectNode) root.get("accounts").get(2)).put("account_id", 123456789012L));
        assertThat(readFails(file)).hasMessageMatching(".*: accounts\\[2]\\.account_id \\(line \\d+, column \\d+\\): "
                + "expected a string");
    }

    @Test
    void numbersAndBooleansAreNotCoerced() throws IOException {
        ObjectNode root = (ObjectNode) TREE.readTree(json(ScanFixture.rich()));
        int index = indexOf(root.get("cells"), "000000000002", "eu-central-1");
        Path fraction = edited(r -> ((ObjectNode) cell(r, index).get("failure")).put("attempts", 1.5));
        assertThat(readFails(fraction)).hasMessageContaining("cells[" + index + "].failure.attempts (line")
                .hasMessageEndingWith("expected an integer");
        Path text = edited(r -> ((ObjectNode) r.get("accounts").get(0)).put("management", "yes"));
        assertThat(readFails(text)).hasMessageContaining("accounts[0].management (line")
                .hasMessageEndingWith("expected true or false");
    }

    @Test
    void anUnknownStatusListsTheKnownOnes() throws IOException {
        Path file = edited(root -> cell(root, 4).put("status", "BANANA"));
        assertThat(readFails(file)).hasMessageMatching(".*: cells\\[4]\\.status \\(entry at line \\d+\\): unknown value "
                + "\"BANANA\", expected one of COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, INSUFFICIENT_DATA");
    }

    @Test
    void anUnknownRegionOptStatusListsTheKnownOnes() throws IOException {
        Path file = edited(root -> cell(root, 0).put("region_opt_status", "ENABLED"));
        assertThat(readFails(file)).hasMessageContaining("cells[0].region_opt_status (entry at line")
                .hasMessageEndingWith("expected one of opt-in-not-required, opted-in, not-opted-in, unknown");
    }

    @Test
    void aStatusThatContradictsItsReason() throws IOException {
        Path file = edited(root -> cell(root, 0).put("status", "COMPLIANT").put("reason", "REGION_NOT_ENABLED"));
        assertThat(readFails(file)).hasMessageContaining("status COMPLIANT does not go with reason REGION_NOT_ENABLED");
    }

    @Test
    void anUnknownAnalyzerTypeNamesTheNestedPath() throws IOException {
        ObjectNode root = (ObjectNode) TREE.readTree(json(ScanFixture.rich()));
        int index = indexOf(root.get("cells"), "000000000001", "us-east-1");
        Path file = edited(r -> ((ObjectNode) cell(r, index).get("analyzers").get(1)).put("type", "SOMETHING"));
        assertThat(readFails(file)).hasMessageContaining("cells[" + index + "].analyzers[1].type (entry at line")
                .hasMessageContaining("unknown value \"SOMETHING\"");
    }

    @Test
    void aCompliantCellWithoutItsAnalyzerBreaksTheModelsRule() throws IOException {
        ObjectNode root = (ObjectNode) TREE.readTree(json(ScanFixture.rich()));
        int index = indexOf(root.get("cells"), "000000000001", "us-east-1");
        Path file = edited(r -> cell(r, index).putNull("covered_by_arn"));
        assertThat(readFails(file)).hasMessageContaining("cells[" + index + "] (entry at line")
                .hasMessageContaining("a compliant cell names the analyzer that covers it");
    }

    @Test
    void aMissingFieldIsNamed() throws IOException {
        Path file = edited(root -> cell(root, 3).remove("detail"));
        assertThat(readFails(file)).hasMessageMatching(".*: cells\\[3]\\.detail \\(entry at line \\d+\\): missing or null");
        Path noCells = edited(root -> root.remove("cells"));
        assertThat(readFails(noCells)).hasMessage(noCells + ": missing top-level field \"cells\"");
    }

    @Test
    void aProblemInsideANestedObjectNamesItsFullPath() throws IOException {
        ObjectNode root = (ObjectNode) TREE.readTree(json(ScanFixture.rich()));
        int index = indexOf(root.get("cells"), "000000000002", "eu-central-1");
        Path cellFailure = edited(r -> ((ObjectNode) cell(r, index).get("failure")).putNull("operation"));
        assertThat(readFails(cellFailure)).hasMessageMatching(".*: cells\\[" + index
                + "]\\.failure\\.operation \\(entry at line \\d+\\): missing or null");
        Path errorFailure = edited(r -> ((ObjectNode) r.get("errors").get(1)).putNull("failure"));
        assertThat(readFails(errorFailure)).hasMessageMatching(".*: errors\\[1]\\.failure \\(entry at line \\d+\\): missing or null");
        Path badArn = edited(r -> ((ObjectNode) cell(r, indexOf(r.get("cells"), "000000000001", "us-east-1"))
                .get("analyzers").get(0)).put("arn", "not-an-arn"));
        assertThat(readFails(badArn)).hasMessageContaining("].analyzers[0].arn (entry at line")
                .hasMessageEndingWith("not an analyzer ARN: not-an-arn");
    }

    @Test
    void anUnknownFieldIsRejected() throws IOException {
        Path file = edited(root -> cell(root, 2).put("colour", "red"));
        assertThat(readFails(file)).hasMessageMatching(".*: cells\\[2]\\.colour \\(line \\d+, column \\d+\\): unknown field");
        Path top = edited(root -> root.put("extra", 1));
        assertThat(readFails(top)).hasMessageContaining("unknown top-level field \"extra\"");
    }

    @Test
    void aBadTime() throws IOException {
        Path file = edited(root -> ((ObjectNode) root.get("scan")).put("finished_at", "30/09/2025 22:07"));
        assertThat(readFails(file)).hasMessageContaining("scan.finished_at (entry at line 3): not an ISO-8601 UTC time");
    }

    @Test
    void aMissingCellIsAnInvalidMatrix() throws IOException {
        Path file = edited(root -> ((ArrayNode) root.get("cells")).remove(5));
        assertThat(readFails(file)).hasMessageContaining(": invalid matrix: no cell for account");
    }

    @Test
    void aMalformedRegionIsAnInvalidMatrix() throws IOException {
        Path file = edited(root -> ((ArrayNode) root.get("regions")).set(0, "Mars-1"));
        assertThat(readFails(file)).hasMessageContaining(": invalid matrix: not an AWS region name: Mars-1");
    }

    @Test
    void aDuplicateFieldIsRejected() throws IOException {
        String text = new String(json(ScanFixture.rich()), StandardCharsets.UTF_8)
                .replaceFirst("\"scan_id\": ", "\"scan_id\": \"dup\",\n    \"scan_id\": ");
        assertThat(readFails(fileWith(text))).hasMessageContaining("not valid JSON at line 5")
                .hasMessageContaining("Duplicate field 'scan_id'");
    }

    @Test
    void aNullEntry() throws IOException {
        Path file = edited(root -> ((ArrayNode) root.get("errors")).addNull());
        assertThat(readFails(file)).hasMessageMatching(".*: errors\\[2] \\(entry at line \\d+\\): null");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode find(JsonNode cells, String account, String region) {
        return cells.get(indexOf(cells, account, region));
    }

    private static int indexOf(JsonNode cells, String account, String region) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).get("account_id").asText().equals(account) && cells.get(i).get("region").asText().equals(region)) {
                return i;
            }
        }
        throw new AssertionError("no cell " + account + " " + region);
    }
}

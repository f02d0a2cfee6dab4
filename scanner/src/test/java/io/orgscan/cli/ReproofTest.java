package io.orgscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 5: {@code orgscan report} judges every cell of scan.json again from the observations
 * it records and refuses (exit 2, naming the first differing cell) a file whose cells they do not give.
 */
class ReproofTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path scan;

    @TempDir
    Path work;

    @BeforeAll
    static void scanTheDemoOrganization() {
        BadInputTest.Run demo = BadInputTest.run("demo", "--out-dir", dir.resolve("demo").toString());
        assertThat(demo.out()).as(demo.err()).contains("a real scan would exit 4");
        scan = dir.resolve("demo").resolve("scan.json");
    }

    @Test
    void aScanReprovesAndRendersTheSameScanJson() throws IOException {
        Path out = work.resolve("again");
        BadInputTest.Run report = BadInputTest.run("report", scan.toString(), "--out-dir", out.toString());
        assertThat(report.code()).as(report.err()).isEqualTo(ExitCodes.INSUFFICIENT_DATA);
        assertThat(Files.readAllBytes(out.resolve("scan.json"))).isEqualTo(Files.readAllBytes(scan));
        assertThat(JSON.readTree(scan.toFile()).path("observations").path("accounts").size())
                .isEqualTo(JSON.readTree(scan.toFile()).path("accounts").size());
    }

    @Test
    void aNonCompliantCellEditedToCompliantWithAMadeUpAnalyzerIsRefused() throws IOException {
        ObjectNode edited = firstCell(c -> c.path("status").asText().equals("NON_COMPLIANT"), cell -> {
            cell.put("status", "COMPLIANT");
            cell.put("reason", "ACTIVE_ORGANIZATION_ANALYZER");
            cell.put("covered_by_arn", "arn:aws:access-analyzer:" + cell.path("region").asText() + ":123456789012:analyzer/made-up");
        });
        assertRefused(edited, "cell " + edited.path("account_id").asText() + " " + edited.path("region").asText()
                + " says COMPLIANT / ACTIVE_ORGANIZATION_ANALYZER covered by arn:aws:access-analyzer:", "but its observations give NON_COMPLIANT");
    }

    @Test
    void anEditedCoveredByArnIsRefused() throws IOException {
        ObjectNode edited = firstCell(c -> c.path("status").asText().equals("COMPLIANT"),
                cell -> cell.put("covered_by_arn", cell.path("covered_by_arn").asText() + "-other"));
        assertRefused(edited, "cell " + edited.path("account_id").asText(), "-other but its observations give COMPLIANT");
    }

    @Test
    void anEditedReasonIsRefused() throws IOException {
        ObjectNode edited = firstCell(c -> c.path("reason").asText().equals("NO_EXTERNAL_ACCESS_ANALYZER"),
                cell -> cell.put("reason", "ANALYZER_NOT_ACTIVE"));
        assertRefused(edited, "says NON_COMPLIANT / ANALYZER_NOT_ACTIVE but its observations give NON_COMPLIANT / "
                + "NO_EXTERNAL_ACCESS_ANALYZER");
    }

    @Test
    void anEditedDetailIsRefused() throws IOException {
        firstCell(c -> c.path("status").asText().equals("NON_COMPLIANT"), cell -> cell.put("detail", "all fine"));
        assertRefused(null, "with other details", "\"all fine\"");
    }

    @Test
    void aRenamedRegionIsRefused() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(scan.toFile());
        String region = firstCompliantRegion(root);
        ArrayNode regions = (ArrayNode) root.get("regions");
        for (int i = 0; i < regions.size(); i++) {
            if (regions.get(i).asText().equals(region)) {
                regions.set(i, TextNode.valueOf("eu-north-9"));
            }
        }
        root.get("cells").forEach(c -> {
            if (c.path("region").asText().equals(region)) {
                ((ObjectNode) c).put("region", "eu-north-9");
            }
        });
        write(root);
        assertRefused(null, " eu-north-9 says COMPLIANT");
    }

    @Test
    void anUnknownAccountIsRefused() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(scan.toFile());
        JsonNode account = null;
        for (JsonNode a : root.get("accounts")) {
            if (!a.path("management").asBoolean(false) && !a.path("delegated_administrator").asBoolean(false)) {
                account = a;
                break;
            }
        }
        String id = account.path("account_id").asText(account.path("id").asText());
        String field = account.has("account_id") ? "account_id" : "id";
        ((ObjectNode) account).put(field, "999999999999");
        root.get("cells").forEach(c -> {
            if (c.path("account_id").asText().equals(id)) {
                ((ObjectNode) c).put("account_id", "999999999999");
            }
        });
        write(root);
        assertRefused(null, "account 999999999999 is not in the scan's observations");
    }

    @Test
    void aFileWithoutObservationsIsRefused() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(scan.toFile());
        root.remove("observations");
        write(root);
        assertRefused(null, "no \"observations\"", "cannot be re-proved");
    }

    @Test
    void editedObservationsThatNoLongerGiveTheCellsAreRefused() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(scan.toFile());
        for (JsonNode account : root.path("observations").path("accounts")) {
            ((ObjectNode) account).put("in_scope", false);
        }
        write(root);
        assertRefused(null, "but its observations give NOT_APPLICABLE / EXCLUDED");
    }

    @Test
    void aRemovedErrorRowIsRefusedNamingIt() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(scan.toFile());
        ArrayNode errors = (ArrayNode) root.get("errors");
        assertThat(errors.size()).as("the demo has failed calls").isGreaterThan(1);
        JsonNode removed = errors.remove(errors.size() - 1);
        write(root);
        assertRefused(null, "scan.json errors lack a failed call its observations record: account "
                + removed.path("account_id").asText(), removed.path("failure").path("error_code").asText());
    }

    @Test
    void anEditedErrorRowIsRefusedNamingWhatDiffers() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(scan.toFile());
        ObjectNode failure = (ObjectNode) root.get("errors").get(0).get("failure");
        String code = failure.path("error_code").asText();
        failure.put("error_code", "ThrottlingException");
        write(root);
        assertRefused(null, "scan.json errors say account " + root.get("errors").get(0).path("account_id").asText(),
                "ThrottlingException", "but its observations record", code);
    }

    @Test
    void anInventedErrorRowIsRefused() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(scan.toFile());
        ObjectNode invented = ((ArrayNode) root.get("errors")).addObject();
        invented.putNull("account_id");
        invented.putNull("region");
        ObjectNode failure = invented.putObject("failure");
        failure.put("operation", "ListDelegatedAdministrators");
        failure.put("error_code", "TooManyRequestsException");
        failure.put("message", "Rate exceeded");
        failure.put("attempts", 5);
        write(root);
        assertRefused(null, "scan.json errors list a failed call its observations do not record: organization "
                + "ListDelegatedAdministrators: TooManyRequestsException");
    }

    @Test
    void reorderedErrorRowsAreTheSameEvidence() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(scan.toFile());
        ArrayNode errors = (ArrayNode) root.get("errors");
        errors.add(errors.remove(0));
        write(root);
        BadInputTest.Run report = BadInputTest.run("report", work.resolve("scan.json").toString(), "--out-dir",
                work.resolve("out").toString());
        assertThat(report.code()).as(report.err()).isEqualTo(ExitCodes.INSUFFICIENT_DATA);
    }

    private static String firstCompliantRegion(JsonNode root) {
        for (JsonNode cell : root.get("cells")) {
            if (cell.path("status").asText().equals("COMPLIANT")) {
                return cell.path("region").asText();
            }
        }
        throw new AssertionError("the demo has a compliant cell");
    }

    /** Edits the first cell matching {@code which} in a copy of the demo's scan.json; returns the cell as edited. */
    private ObjectNode firstCell(Predicate<JsonNode> which, Consumer<ObjectNode> edit) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(scan.toFile());
        for (JsonNode cell : root.get("cells")) {
            if (which.test(cell)) {
                edit.accept((ObjectNode) cell);
                write(root);
                return (ObjectNode) cell;
            }
        }
        throw new AssertionError("no such cell in the demo");
    }

    private void write(JsonNode root) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(work.resolve("scan.json").toFile(), root);
    }

    private void assertRefused(ObjectNode cell, String... messages) {
        Path out = work.resolve("out");
        BadInputTest.Run report = BadInputTest.run("report", work.resolve("scan.json").toString(), "--out-dir", out.toString());
        assertThat(report.code()).as(report.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(report.err().strip().lines()).hasSize(1);
        for (String message : messages) {
            assertThat(report.err()).contains(message);
        }
        assertThat(out).doesNotExist();
    }
}

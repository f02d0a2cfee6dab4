package io.orgscan.e2e.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orgscan.e2e.OrgscanInProcess;
import io.orgscan.report.testkit.CsvReader;
import io.orgscan.report.testkit.WorkbookReader;
import io.orgscan.simulator.AwsSimulator;
import io.orgscan.simulator.scenario.ScenarioLoader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Account and OU names chosen to attack whoever opens the reports (formula triggers, quotes, commas,
 * line breaks, non-ASCII letters) go through a real scan: the simulator serves them over the
 * Organizations wire protocol, the AWS SDK reads them, and every output keeps them as text. scan.json
 * holds them exactly; the CSVs and the workbook hold them neutralised (a leading apostrophe before a
 * trigger), never as a formula. Read back with a separately configured CSV parser, POI's usermodel and
 * the raw sheet XML.
 */
class HostileNamesTest {
    static final List<String> NAMES = List.of(
            "=HYPERLINK(\"http://x\",\"y\")",
            "+SUM(1,2)",
            "-2+3",
            "@SUM(A1:A2)",
            "=cmd|' /C calc'!A0",
            "Quote \"inside\", and a comma",
            "Line\nbreak and\r\nCRLF inside",
            "Zürich Ålesund 東京 Ñandú",
            "plain name");
    static final String HOSTILE_OU = "-Ops, \"core\"";
    static final String MANAGEMENT = "100000000000";

    @TempDir
    Path dir;

    /** Scans an organization whose accounts carry {@link #NAMES}, writing every output to {@code out}. */
    static Path scanHostileOrganization(Path out) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode scenario = json.createObjectNode();
        scenario.putObject("organization").put("id", "o-hostile0001").put("managementAccountId", MANAGEMENT)
                .put("rootId", "r-host");
        scenario.putArray("credentials").addObject().put("accessKeyId", "AKIAHOSTILEMANAGEMENT")
                .put("secretAccessKey", "hostile-secret").put("accountId", MANAGEMENT);
        scenario.putObject("regions").put("us-east-1", "default").put("eu-west-1", "default");
        scenario.putArray("organizationalUnits").addObject().put("id", "ou-host-aaaaaaaa").put("name", HOSTILE_OU)
                .put("parentId", "r-host");
        ArrayNode accounts = scenario.putArray("accounts");
        ObjectNode management = accounts.addObject().put("id", MANAGEMENT).put("name", "management")
                .put("parentId", "r-host");
        management.putObject("analyzers").putArray("us-east-1").addObject().put("name", "org").put("type", "ORGANIZATION");
        for (int i = 0; i < NAMES.size(); i++) {
            accounts.addObject().put("id", String.format("2000000000%02d", i)).put("name", NAMES.get(i))
                    .put("email", "a" + i + "@example.com").put("parentId", "ou-host-aaaaaaaa");
        }
        Path file = Files.createDirectories(out.getParent()).resolve("hostile-org.json");
        Files.writeString(file, json.writeValueAsString(scenario));
        try (AwsSimulator simulator = AwsSimulator.start(ScenarioLoader.load(file), 0, 0)) {
            OrgscanInProcess.Result result = OrgscanInProcess.run(Map.of("AWS_ACCESS_KEY_ID", "AKIAHOSTILEMANAGEMENT",
                            "AWS_SECRET_ACCESS_KEY", "hostile-secret", "AWS_REGION", "us-east-1"),
                    "scan", "--endpoint-url", simulator.endpoint().toString(), "--out-dir", out.toString());
            assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
        }
        return out;
    }

    static String neutralised(String text) {
        return "=+-@\t\r\n".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    @Test
    void hostileNamesSurviveAsTextInEveryOutput() throws Exception {
        Path out = scanHostileOrganization(dir.resolve("out"));

        JsonNode scan = new ObjectMapper().readTree(out.resolve("scan.json").toFile());
        List<String> exact = new ArrayList<>();
        scan.get("accounts").forEach(a -> exact.add(a.get("name").asText()));
        assertThat(exact).containsAll(NAMES);
        assertThat(scan.get("accounts").get(1).get("ou_path").asText()).isEqualTo("Root/" + HOSTILE_OU);

        Map<String, String> accountNames = new HashMap<>();
        for (CSVRecord row : csv(out.resolve("accounts.csv"))) {
            accountNames.put(row.get("account_id"), row.get("account_name"));
            if (!row.get("account_id").equals(MANAGEMENT)) {
                assertThat(row.get("ou_path")).isEqualTo("Root/" + HOSTILE_OU);
            }
        }
        for (CSVRecord row : csv(out.resolve("findings.csv"))) {
            assertThat(row.get("account_name")).isEqualTo(accountNames.get(row.get("account_id")));
        }
        for (int i = 0; i < NAMES.size(); i++) {
            assertThat(accountNames.get(String.format("2000000000%02d", i))).isEqualTo(neutralised(NAMES.get(i)));
        }

        byte[] workbook = Files.readAllBytes(out.resolve("coverage.xlsx"));
        Map<String, List<List<String>>> sheets = WorkbookReader.contents(workbook);
        for (String sheet : List.of("Accounts", "Findings", "Matrix", "Exceptions")) {
            List<String> values = sheets.get(sheet).stream().flatMap(List::stream).toList();
            for (String name : NAMES) {
                assertThat(values).as(sheet).contains(neutralised(name));
            }
        }
        sheets.forEach((sheet, rows) -> rows.forEach(row -> row.forEach(value -> assertThat(
                value == null || value.isEmpty() || "=+@\t\r\n".indexOf(value.charAt(0)) < 0
                        && !(value.startsWith("-") && !value.startsWith("--")))
                .as("%s: %s", sheet, value).isTrue())));
        assertThat(formulaElements(workbook)).isZero();
    }

    static List<CSVRecord> csv(Path file) throws Exception {
        return CsvReader.parse(file);
    }

    /** {@code <f>} elements in every worksheet, counted on the raw XML. */
    static int formulaElements(byte[] xlsx) throws Exception {
        int formulas = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().startsWith("xl/worksheets/sheet")) {
                    String xml = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                    formulas += xml.split("<f>|<f ", -1).length - 1;
                }
            }
        }
        return formulas;
    }
}

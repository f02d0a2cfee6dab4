package io.orgscan.report.folder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orgscan.model.Disposition;
import io.orgscan.model.ExceptionEntry;
import io.orgscan.model.ExceptionRegister;
import io.orgscan.model.Reason;
import io.orgscan.model.ScanResult;
import io.orgscan.report.exceptions.RegisterFile;
import io.orgscan.report.json.ScanJson;
import io.orgscan.report.testkit.CsvReader;
import io.orgscan.report.testkit.OcsfReader;
import io.orgscan.report.testkit.ScanFixture;
import io.orgscan.report.testkit.WorkbookReader;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A render with an exceptions register, every output read back by an independent reader (Commons CSV,
 * POI, Jackson's tree): findings.csv's appended columns, the Exceptions sheet pre-filled, the Summary's
 * review, control_result.csv's counts, the Parameters sheet, the manifest, a byte-for-byte re-render
 * from scan.json, and a quarter's loop through a workbook people filled in.
 */
class ExceptionsRenderTest {
    static final String SANDBOX = "111111111111";
    static final String PROD = "222222222222";
    static final String HOSTILE_OWNER = "=HYPERLINK(\"http://x\",\"y\")";
    static final ObjectMapper TREE = new ObjectMapper();

    @TempDir
    Path temp;

    /** Sandbox and Prod x eu-west-1 and us-east-1; every cell NON_COMPLIANT but Prod's eu-west-1. */
    static ScanResult scan() {
        return ScanFixture.builder().regions("eu-west-1", "us-east-1")
                .account(SANDBOX, "Sandbox").account(PROD, "Prod")
                .cell(PROD, "eu-west-1", Reason.ACTIVE_ACCOUNT_ANALYZER)
                .build();
    }

    /** Row 2 for one finding, row 3 for all of Sandbox, row 4 expired (the scan ended 2025-09-30), row 5 an orphan. */
    static ExceptionRegister register() {
        return new ExceptionRegister("register.csv", "c0ffee".repeat(10) + "c0de", List.of(
                new ExceptionEntry(2, "iam-aa-coverage:aws:" + SANDBOX + ":us-east-1", null, null,
                        Disposition.RISK_ACCEPTED, HOSTILE_OWNER, "CISO", "+closing in Q1", "-1+1", LocalDate.of(2026, 3, 31)),
                new ExceptionEntry(3, null, SANDBOX, "*", Disposition.REMEDIATE, "team-a", "", "", "SEC-2", null),
                new ExceptionEntry(4, null, "*", "us-east-1", Disposition.FALSE_POSITIVE, "ops", "", "", "SEC-3",
                        LocalDate.of(2025, 9, 29)),
                new ExceptionEntry(5, null, "999999999999", "*", Disposition.RETEST, "gone", "", "", "", null)));
    }

    Path render(ScanResult result, String name) throws Exception {
        Path dir = temp.resolve(name);
        ReportRenderer.render(result, dir, EnumSet.allOf(OutputFormat.class));
        return dir;
    }

    static Map<String, String> byFinding(CSVRecord record) {
        return record.toMap();
    }

    @Test
    void findingsCsvGainsTheFourColumnsAtTheEndAndNoStatusChanges() throws Exception {
        Path plain = render(scan(), "plain");
        Path with = render(scan().withExceptions(register()), "with");
        byte[] bytes = Files.readAllBytes(with.resolve("findings.csv"));
        List<String> header = CsvReader.header(bytes);
        List<String> plainHeader = CsvReader.header(Files.readAllBytes(plain.resolve("findings.csv")));
        assertThat(header).hasSize(plainHeader.size() + 4).startsWith(plainHeader.toArray(String[]::new))
                .endsWith("exception_disposition", "exception_owner", "exception_ticket", "exception_expires");

        List<CSVRecord> records = CsvReader.parse(bytes);
        List<CSVRecord> before = CsvReader.parse(plain.resolve("findings.csv"));
        assertThat(records).hasSameSizeAs(before);
        for (int i = 0; i < records.size(); i++) {
            assertThat(records.get(i).toList().subList(0, plainHeader.size()))
                    .as("a register changes no column of the scan").isEqualTo(before.get(i).toList());
        }
        assertThat(exceptionColumns(records, SANDBOX, "us-east-1"))
                .as("the finding's own entry, its free text neutralised")
                .containsExactly("RISK_ACCEPTED", "'" + HOSTILE_OWNER, "'-1+1", "2026-03-31");
        assertThat(exceptionColumns(records, SANDBOX, "eu-west-1")).containsExactly("REMEDIATE", "team-a", "SEC-2", "");
        assertThat(exceptionColumns(records, PROD, "us-east-1")).as("only an expired entry matches")
                .containsExactly("", "", "", "");
        assertThat(exceptionColumns(records, PROD, "eu-west-1")).containsExactly("", "", "", "");
    }

    @Test
    void theOcsfAndAsffFindingsCarryTheEntryThatAppliesAndNothingElseChanges() throws Exception {
        Path plain = render(scan(), "plain");
        Path with = render(scan().withExceptions(register()), "with");

        List<JsonNode> events = OcsfReader.events(with.resolve("findings.ocsf.json"));
        List<JsonNode> plainEvents = OcsfReader.events(plain.resolve("findings.ocsf.json"));
        assertThat(events).hasSameSizeAs(plainEvents);
        for (int i = 0; i < events.size(); i++) {
            assertThat(OcsfReader.errors(events.get(i))).as("event %d against the OCSF schema", i).isEmpty();
            com.fasterxml.jackson.databind.node.ObjectNode without = events.get(i).deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) without.get("unmapped"))
                    .remove(List.of("exception_disposition", "exception_owner", "exception_ticket", "exception_expires"));
            assertThat(without).as("a register changes nothing else in event %d", i).isEqualTo(plainEvents.get(i));
        }
        assertThat(ocsfException(events, SANDBOX, "us-east-1")).isEqualTo(
                "{\"exception_disposition\":\"RISK_ACCEPTED\",\"exception_owner\":" + TREE.writeValueAsString(HOSTILE_OWNER)
                        + ",\"exception_ticket\":\"-1+1\",\"exception_expires\":\"2026-03-31\"}");
        assertThat(ocsfException(events, SANDBOX, "eu-west-1"))
                .isEqualTo("{\"exception_disposition\":\"REMEDIATE\",\"exception_owner\":\"team-a\",\"exception_ticket\":\"SEC-2\"}");
        assertThat(ocsfException(events, PROD, "us-east-1")).as("only an expired entry matches").isEqualTo("{}");

        List<JsonNode> findings = new ArrayList<>();
        TREE.readTree(with.resolve("findings.asff.json").toFile()).forEach(batch -> batch.get("Findings").forEach(findings::add));
        JsonNode sandboxUsEast = asffFinding(findings, SANDBOX, "us-east-1");
        assertThat(sandboxUsEast.get("ProductFields").get("orgscan/ExceptionDisposition").asText()).isEqualTo("RISK_ACCEPTED");
        assertThat(sandboxUsEast.get("ProductFields").get("orgscan/ExceptionOwner").asText()).isEqualTo(HOSTILE_OWNER);
        assertThat(sandboxUsEast.get("ProductFields").get("orgscan/ExceptionTicket").asText()).isEqualTo("-1+1");
        assertThat(sandboxUsEast.get("ProductFields").get("orgscan/ExceptionExpires").asText()).isEqualTo("2026-03-31");
        assertThat(sandboxUsEast.get("Workflow").get("Status").asText()).as("the Security Hub user's, not the register's")
                .isEqualTo("NEW");
        assertThat(sandboxUsEast.get("Compliance").get("Status").asText()).isEqualTo("FAILED");
        assertThat(asffFinding(findings, PROD, "us-east-1").get("ProductFields").has("orgscan/ExceptionDisposition"))
                .isFalse();
    }

    /** The exception attributes of an event's unmapped object, as compact JSON. */
    static String ocsfException(List<JsonNode> events, String account, String region) {
        JsonNode unmapped = events.stream().filter(e -> e.get("cloud").get("account").get("uid").asText().equals(account)
                && e.get("cloud").get("region").asText().equals(region)).findFirst().orElseThrow().get("unmapped");
        com.fasterxml.jackson.databind.node.ObjectNode only = TREE.createObjectNode();
        unmapped.fields().forEachRemaining(field -> {
            if (field.getKey().startsWith("exception_")) {
                only.set(field.getKey(), field.getValue());
            }
        });
        return only.toString();
    }

    static JsonNode asffFinding(List<JsonNode> findings, String account, String region) {
        return findings.stream().filter(f -> f.get("Id").asText().equals("iam-aa-coverage:aws:" + account + ":" + region))
                .findFirst().orElseThrow();
    }

    static List<String> exceptionColumns(List<CSVRecord> records, String account, String region) {
        CSVRecord record = records.stream()
                .filter(r -> r.get("account_id").equals(account) && r.get("region").equals(region)).findFirst()
                .orElseThrow();
        return List.of(record.get("exception_disposition"), record.get("exception_owner"),
                record.get("exception_ticket"), record.get("exception_expires"));
    }

    @Test
    void controlResultCountsNonCompliantFindingsWithAndWithoutAnException() throws Exception {
        Path with = render(scan().withExceptions(register()), "with");
        CSVRecord row = CsvReader.parse(with.resolve("control_result.csv")).get(0);
        List<String> header = CsvReader.header(Files.readAllBytes(with.resolve("control_result.csv")));
        assertThat(header).endsWith("findings_csv_sha256", "result_reason", "rows_non_compliant_with_exception",
                "rows_non_compliant_without_exception");
        assertThat(row.get("rows_non_compliant")).isEqualTo("3");
        assertThat(row.get("rows_non_compliant_with_exception")).isEqualTo("2");
        assertThat(row.get("rows_non_compliant_without_exception")).isEqualTo("1");
        assertThat(row.get("result")).as("a disposition never changes the result").isEqualTo("NON_COMPLIANT");

        Path plain = render(scan(), "plain");
        assertThat(CsvReader.header(Files.readAllBytes(plain.resolve("control_result.csv"))))
                .doesNotContain("rows_non_compliant_with_exception");
    }

    @Test
    void theDataDictionaryDescribesTheNewColumns() throws Exception {
        Path plain = render(scan(), "plain");
        List<CSVRecord> dictionary = CsvReader.parse(plain.resolve("data_dictionary.csv"));
        List<String> findings = dictionary.stream().filter(r -> r.get("file").equals("findings.csv"))
                .map(r -> r.get("column")).toList();
        assertThat(findings).endsWith("previous_status", "status_changed", "exception_disposition", "exception_owner",
                "exception_ticket", "exception_expires");
        CSVRecord disposition = dictionary.stream().filter(r -> r.get("column").equals("exception_disposition"))
                .findFirst().orElseThrow();
        assertThat(disposition.get("allowed_values")).isEqualTo("REMEDIATE|RISK_ACCEPTED|FALSE_POSITIVE|RETEST");
        assertThat(disposition.get("required")).isEqualTo("false");
        assertThat(dictionary.stream().filter(r -> r.get("column").equals("exception_owner")).findFirst().orElseThrow()
                .get("type")).isEqualTo("free_text");
        assertThat(dictionary.stream().filter(r -> r.get("column").equals("exception_expires")).findFirst().orElseThrow()
                .get("type")).isEqualTo("date");
        assertThat(dictionary.stream().filter(r -> r.get("file").equals("control_result.csv")).map(r -> r.get("column")))
                .endsWith("rows_non_compliant_with_exception", "rows_non_compliant_without_exception");
    }

    @Test
    void theWorkbookIsPreFilledReviewsTheRegisterAndNamesIt() throws Exception {
        Path with = render(scan().withExceptions(register()), "with");
        Map<String, List<List<String>>> sheets = WorkbookReader.contents(Files.readAllBytes(with.resolve("coverage.xlsx")));

        List<List<String>> exceptions = sheets.get("Exceptions");
        List<String> header = exceptions.get(0);
        Map<String, List<String>> rows = new java.util.HashMap<>();
        for (List<String> row : exceptions.subList(1, exceptions.size())) {
            List<String> people = new ArrayList<>();
            for (String column : List.of("owner", "disposition", "ticket", "target_date", "comment", "approver")) {
                int c = header.indexOf(column);
                people.add(c < row.size() && row.get(c) != null ? row.get(c) : "");
            }
            rows.put(row.get(0), people);
        }
        assertThat(rows).hasSize(3);
        assertThat(rows.get("iam-aa-coverage:aws:" + SANDBOX + ":us-east-1"))
                .containsExactly("'" + HOSTILE_OWNER, "RISK_ACCEPTED", "'-1+1", "2026-03-31", "'+closing in Q1", "CISO");
        assertThat(rows.get("iam-aa-coverage:aws:" + SANDBOX + ":eu-west-1"))
                .containsExactly("team-a", "REMEDIATE", "SEC-2", "", "", "");
        assertThat(rows.get("iam-aa-coverage:aws:" + PROD + ":us-east-1")).as("expired: to be decided again")
                .containsOnly("");

        String summary = sheets.get("Summary").stream().map(r -> String.join("\t", r.stream()
                .map(v -> v == null ? "" : v).toList())).reduce("", (a, b) -> a + b + "\n");
        assertThat(summary).contains("Exceptions review\n")
                .contains("Exceptions register\tregister.csv (SHA-256 " + register().sha256() + ")")
                .contains("Expiry judged on (the scan's end, UTC)\t2025-09-30")
                .contains("NON_COMPLIANT findings with an unexpired exception\t2\n")
                .contains("NON_COMPLIANT findings without one\t1\n")
                .contains("EXPIRED\t4\taccount_id=* region=us-east-1\tFALSE_POSITIVE\tops\t2025-09-29\n")
                .contains("ORPHAN\t5\taccount_id=999999999999 region=*\tRETEST\tgone\t\n");

        assertThat(sheets.get("Parameters")).anySatisfy(row -> assertThat(row).containsExactly("--exceptions",
                "register.csv (4 entries, SHA-256 " + register().sha256() + ")", "COMMAND_LINE", "report"));
        assertThat(WorkbookReader.contents(Files.readAllBytes(render(scan(), "plain").resolve("coverage.xlsx")))
                .get("Summary").stream().flatMap(List::stream)).doesNotContain("Exceptions review");
    }

    /** Every hostile text as every text of a register entry, one entry per hostile account. */
    @Test
    void hostileRegisterTextNeverReachesASpreadsheetAsAFormula() throws Exception {
        ScanResult hostile = ScanFixture.hostile();
        List<ExceptionEntry> entries = new ArrayList<>();
        for (int i = 0; i < ScanFixture.HOSTILE_TEXT.size(); i++) {
            String text = ScanFixture.HOSTILE_TEXT.get(i);
            entries.add(new ExceptionEntry(i + 2, null, String.format("%012d", 100 + i), "*", Disposition.RETEST, text,
                    text, text, text, null));
        }
        Path dir = render(hostile.withExceptions(new ExceptionRegister("hostile.csv", "1".repeat(64), entries)), "hostile");

        List<CSVRecord> findings = CsvReader.parse(dir.resolve("findings.csv"));
        assertThat(findings).hasSize(ScanFixture.HOSTILE_TEXT.size()).allSatisfy(record -> {
            for (String column : List.of("exception_owner", "exception_ticket")) {
                assertThat(io.orgscan.report.table.SpreadsheetText.startsWithTrigger(record.get(column)))
                        .as(column + " " + record.get(column)).isFalse();
            }
        });
        // Commons CSV gives back the neutralised text: the register's, with a ' where it started with a trigger.
        assertThat(findings.get(0).get("exception_owner")).isEqualTo("'" + ScanFixture.HOSTILE_TEXT.get(0));
        assertThat(findings.get(7).get("exception_owner")).isEqualTo(ScanFixture.HOSTILE_TEXT.get(7));

        // WorkbookReader refuses any formula cell; no text cell may start with a trigger either.
        Map<String, List<List<String>>> sheets = WorkbookReader.contents(Files.readAllBytes(dir.resolve("coverage.xlsx")));
        for (String sheet : List.of("Exceptions", "Findings", "Summary")) {
            assertThat(sheets.get(sheet).stream().flatMap(List::stream)
                    .filter(v -> v != null && io.orgscan.report.table.SpreadsheetText.startsWithTrigger(v)))
                    .as(sheet).isEmpty();
        }
        // The Parameters sheet's names are orgscan's own option names (--exceptions); its values are checked.
        assertThat(sheets.get("Parameters").stream().map(row -> row.size() > 1 ? row.get(1) : null)
                .filter(v -> v != null && io.orgscan.report.table.SpreadsheetText.startsWithTrigger(v))).isEmpty();
        assertThat(sheets.get("Exceptions").stream().flatMap(List::stream)).contains("'=cmd|' /C calc'!A0");
    }

    @Test
    void theManifestRecordsTheRegister() throws Exception {
        Path with = render(scan().withExceptions(register()), "with");
        JsonNode register = TREE.readTree(with.resolve("run_manifest.json").toFile()).get("exception_register");
        assertThat(register.toString()).isEqualTo("{\"file\":\"register.csv\",\"sha256\":\"" + register().sha256()
                + "\",\"entries\":4,\"judged_on\":\"2025-09-30\",\"expired\":[4],\"orphans\":[5],"
                + "\"non_compliant_with_exception\":2,\"non_compliant_without_exception\":1}");
        JsonNode plain = TREE.readTree(render(scan(), "plain").resolve("run_manifest.json").toFile());
        assertThat(plain.get("exception_register").isNull()).isTrue();
    }

    @Test
    void scanJsonCarriesTheRegisterSoARenderFromItGivesTheSameBytes() throws Exception {
        Path first = render(scan().withExceptions(register()), "first");
        ScanResult again = ScanJson.read(first.resolve("scan.json"));
        assertThat(again.exceptions()).isEqualTo(register());
        Path second = render(again, "second");
        for (String name : ReportRendererTest.ALL_FILES) {
            assertThat(Files.readAllBytes(second.resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(first.resolve(name)));
        }
    }

    /**
     * The quarterly loop: people fill last quarter's Exceptions sheet (with POI, as Excel would save
     * it), the workbook goes back in as the register, and their decisions come out in findings.csv and
     * pre-filled on the new Exceptions sheet, which reads back as the same entries.
     */
    @Test
    void aFilledInWorkbookCarriesItsDecisionsIntoTheNextReports() throws Exception {
        Path lastQuarter = render(scan(), "last-quarter");
        Path filled = temp.resolve("q3-coverage.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(lastQuarter.resolve("coverage.xlsx")));
             OutputStream out = Files.newOutputStream(filled)) {
            XSSFSheet sheet = workbook.getSheet("Exceptions");
            Row header = sheet.getRow(0);
            Map<String, Integer> column = new java.util.HashMap<>();
            for (Cell cell : header) {
                column.put(cell.getStringCellValue(), cell.getColumnIndex());
            }
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String finding = row.getCell(column.get("finding_id")).getStringCellValue();
                if (finding.endsWith(SANDBOX + ":us-east-1")) {
                    set(row, column.get("owner"), "@ops");
                    set(row, column.get("disposition"), "RISK_ACCEPTED");
                    set(row, column.get("ticket"), "SEC-9");
                    set(row, column.get("target_date"), "2026-06-30");
                    set(row, column.get("comment"), "sandbox closes in June");
                    set(row, column.get("approver"), "CISO");
                } else if (finding.endsWith(PROD + ":us-east-1")) {
                    set(row, column.get("owner"), "platform");
                    set(row, column.get("disposition"), "REMEDIATE");
                } else {
                    set(row, column.get("owner"), "somebody, undecided");
                }
            }
            workbook.write(out);
        }

        ExceptionRegister register = RegisterFile.read(filled);
        assertThat(register.entries()).extracting(ExceptionEntry::findingId).containsExactly(
                "iam-aa-coverage:aws:" + SANDBOX + ":us-east-1", "iam-aa-coverage:aws:" + PROD + ":us-east-1");
        Path thisQuarter = render(scan().withExceptions(register), "this-quarter");
        List<CSVRecord> findings = CsvReader.parse(thisQuarter.resolve("findings.csv"));
        assertThat(exceptionColumns(findings, SANDBOX, "us-east-1"))
                .containsExactly("RISK_ACCEPTED", "'@ops", "SEC-9", "2026-06-30");
        assertThat(exceptionColumns(findings, PROD, "us-east-1")).containsExactly("REMEDIATE", "platform", "", "");
        assertThat(exceptionColumns(findings, SANDBOX, "eu-west-1")).as("no disposition: not an entry")
                .containsExactly("", "", "", "");

        ExceptionRegister carried = RegisterFile.read(thisQuarter.resolve("coverage.xlsx"));
        assertThat(carried.entries()).hasSize(2);
        assertThat(carried.entries().get(1)).isEqualTo(register.entries().get(1));
        assertThat(carried.entries().get(0)).as("the same decision; the owner now carries the apostrophe that kept "
                + "it text").isEqualTo(new ExceptionEntry(register.entries().get(0).row(),
                register.entries().get(0).findingId(), null, null, Disposition.RISK_ACCEPTED, "'@ops", "CISO",
                "sandbox closes in June", "SEC-9", LocalDate.of(2026, 6, 30)));
    }

    static void set(Row row, int column, String value) {
        Cell cell = row.getCell(column);
        (cell == null ? row.createCell(column) : cell).setCellValue(value);
    }
}

package io.orgscan.report.xlsx;

import static io.orgscan.report.testkit.WorkbookReader.MAIN_NS;
import static io.orgscan.report.testkit.WorkbookReader.cellAt;
import static io.orgscan.report.testkit.WorkbookReader.contents;
import static io.orgscan.report.testkit.WorkbookReader.open;
import static io.orgscan.report.testkit.WorkbookReader.parts;
import static io.orgscan.report.testkit.WorkbookReader.sheets;
import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.model.AccountRef;
import io.orgscan.model.AccountState;
import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.Failure;
import io.orgscan.model.Reason;
import io.orgscan.model.ScanMetadata;
import io.orgscan.model.ScanResult;
import io.orgscan.model.ServiceControlPolicy;
import io.orgscan.report.csv.CsvTableWriter;
import io.orgscan.report.evidence.RenderInput;
import io.orgscan.report.table.AccountsTable;
import io.orgscan.report.table.ErrorsTable;
import io.orgscan.report.table.FindingsTable;
import io.orgscan.report.table.SpreadsheetText;
import io.orgscan.report.table.Table;
import io.orgscan.report.testkit.CsvReader;
import io.orgscan.report.testkit.ScanFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.ConditionalFormatting;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class WorkbookWriterTest {
    static final List<String> SHEETS = List.of("Cover", "Summary", "Method", "Parameters", "Reconciliation", "Accounts",
            "Findings", "Matrix", "Exceptions", "Errors", "Legend", "Sign-off");

    static byte[] xlsx(ScanResult result) throws IOException {
        return xlsx(WorkbookWriter.standard(), result);
    }

    static byte[] xlsx(WorkbookWriter writer, ScanResult result) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(RenderInput.of(result), out);
        return out.toByteArray();
    }

    /** A table written as CSV then parsed by a reader configured on its own. */
    static List<List<String>> csv(Table<?> table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvTableWriter.write(table, out);
        return CsvReader.rows(out.toByteArray());
    }

    @Test
    void hasTheTwelveSheetsInOrderNoneHiddenNoMacrosNoExternalLinks() throws Exception {
        byte[] bytes = xlsx(ScanFixture.rich());
        assertThat(contents(bytes).keySet()).containsExactlyElementsOf(SHEETS);

        Map<String, Document> parts = parts(bytes);
        assertThat(parts.keySet()).noneMatch(name -> name.contains("externalLink") || name.contains("vbaProject")
                || name.endsWith(".bin"));
        NodeList sheets = parts.get("xl/workbook.xml").getElementsByTagNameNS(MAIN_NS, "sheet");
        for (int i = 0; i < sheets.getLength(); i++) {
            assertThat(((Element) sheets.item(i)).getAttribute("state")).as("state of sheet %d", i).isEmpty();
        }
        try (XSSFWorkbook workbook = open(bytes)) {
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                assertThat(workbook.isSheetHidden(s) || workbook.isSheetVeryHidden(s)).isFalse();
            }
        }
        Element types = parts.get("[Content_Types].xml").getDocumentElement();
        assertThat(types.getTextContent() + attributes(types)).doesNotContain("macroEnabled");
    }

    private static String attributes(Element root) {
        StringBuilder all = new StringBuilder();
        NodeList nodes = root.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < nodes.getLength(); i++) {
            all.append(((Element) nodes.item(i)).getAttribute("ContentType")).append(' ');
        }
        return all.toString();
    }

    @Test
    void findingsAccountsAndErrorsSheetsHoldExactlyTheirCsvs() throws IOException {
        ScanResult result = ScanFixture.hostile();
        RenderInput input = RenderInput.of(result);
        Map<String, List<List<String>>> sheets = contents(xlsx(result));

        assertThat(sheets.get("Findings")).isEqualTo(csv(FindingsTable.of(input)));
        assertThat(sheets.get("Accounts")).isEqualTo(csv(AccountsTable.of(input)));
        assertThat(sheets.get("Errors")).isEqualTo(csv(ErrorsTable.of(input)));
        assertThat(sheets.get("Findings").get(0)).containsExactlyElementsOf(FindingsTable.of(result).header());
    }

    @Test
    void tableSheetsHaveBoldFrozenFilteredHeadersAndFixedWidths() throws IOException {
        try (XSSFWorkbook workbook = open(xlsx(ScanFixture.rich()))) {
            for (String name : List.of("Parameters", "Reconciliation", "Accounts", "Findings", "Exceptions", "Errors",
                    "Sign-off")) {
                XSSFSheet sheet = workbook.getSheet(name);
                assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFont().getBold()).as(name).isTrue();
                assertThat(sheet.getRow(1).getCell(1).getCellStyle().getFont().getBold()).as(name).isFalse();
                PaneInformation pane = sheet.getPaneInformation();
                assertThat(pane.isFreezePane()).as(name).isTrue();
                assertThat(pane.getHorizontalSplitTopRow()).as(name).isEqualTo((short) 1);
                assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).as(name).startsWith("A1:");
            }
            assertThat(workbook.getSheet("Findings").getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:R10");
            assertThat(workbook.getSheet("Findings").getColumnWidth(2)).isEqualTo(52 * 256);
        }
    }

    @Test
    void matrixShowsOneRowPerAccountAndOneCodePerRegion() throws IOException {
        List<List<String>> matrix = contents(xlsx(ScanFixture.rich())).get("Matrix");

        assertThat(matrix.get(0)).containsExactly("Legend", null, null, "C", "COMPLIANT", "NC", "NON_COMPLIANT", "NA",
                "NOT_APPLICABLE", "ID", "INSUFFICIENT_DATA");
        assertThat(matrix.get(1)).containsExactly("Account ID", "Account name", "OU path", "ap-southeast-7",
                "eu-central-1", "us-east-1");
        assertThat(matrix.get(2)).containsExactly("000000000001", "Management", "Root", "NA", "C", "C");
        assertThat(matrix.get(3)).containsExactly("000000000002", "'=HYPERLINK(\"http://x\",\"y\")",
                "Root/Security, \"core\"", "NA", "ID", "NC");
        assertThat(matrix.get(4)).containsExactly("123456789012", "Zürich-Ñandú 東京", "Root/Suspended", "NA", "NA",
                "NA");
        assertThat(matrix).hasSize(5);
    }

    @Test
    void matrixHeaderAndAccountColumnsAreFrozenAndColouredByOneRulePerStatus() throws IOException {
        try (XSSFWorkbook workbook = open(xlsx(ScanFixture.rich()))) {
            XSSFSheet sheet = workbook.getSheet("Matrix");
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitTopRow()).isEqualTo((short) 2);
            assertThat(pane.getVerticalSplitLeftColumn()).isEqualTo((short) 3);
            assertThat(sheet.getRow(1).getCell(3).getCellStyle().getFont().getBold()).isTrue();
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:F5");

            var formatting = sheet.getSheetConditionalFormatting();
            assertThat(formatting.getNumConditionalFormattings()).isEqualTo(ComplianceStatus.values().length);
            List<String> formulas = new ArrayList<>();
            for (int i = 0; i < formatting.getNumConditionalFormattings(); i++) {
                ConditionalFormatting block = formatting.getConditionalFormattingAt(i);
                assertThat(block.getNumberOfRules()).isEqualTo(1);
                formulas.add(block.getRule(0).getFormula1());
                assertThat(block.getFormattingRanges()).extracting(Object::toString)
                        .anyMatch(range -> range.contains("D3:F5"));
            }
            assertThat(formulas).containsExactly("\"C\"", "\"NC\"", "\"NA\"", "\"ID\"");
        }
    }

    @Test
    void accountIdsAreTextAndKeepTheirLeadingZeros() throws Exception {
        byte[] bytes = xlsx(ScanFixture.rich());
        Map<String, List<List<String>>> sheets = contents(bytes);
        assertThat(sheets.get("Matrix").get(2).get(0)).isEqualTo("000000000001");
        assertThat(sheets.get("Findings").get(1).get(4)).isEqualTo("000000000001");
        assertThat(sheets.get("Accounts").get(1).get(3)).isEqualTo("000000000001");
        assertThat(sheets.get("Exceptions").get(1).get(1)).isEqualTo("000000000002");
        Map<String, Document> xml = sheets(parts(bytes));
        assertThat(cellAt(xml.get("Accounts"), "D2").getAttribute("t")).isEqualTo("inlineStr");
        assertThat(cellAt(xml.get("Findings"), "E2").getAttribute("t")).isEqualTo("inlineStr");
    }

    @Test
    void hostileTextStaysTextAndIsNeutralisedInEverySheet() throws IOException {
        ScanResult result = ScanFixture.hostile();
        Map<String, List<List<String>>> sheets = contents(xlsx(result));

        List<List<String>> matrix = sheets.get("Matrix");
        for (int i = 0; i < ScanFixture.HOSTILE_TEXT.size(); i++) {
            String expected = SpreadsheetText.neutralize(result.matrix().accounts().get(i).name());
            assertThat(matrix.get(MatrixSheet.FIRST_ACCOUNT_ROW + i).subList(1, 3)).containsExactly(expected, expected);
        }
        assertThat(matrix.get(2).get(1)).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        // No cell of any sheet starts with a formula trigger, but the names of orgscan's own options.
        sheets.forEach((sheet, rows) -> rows.forEach(row -> row.forEach(value ->
                assertThat(SpreadsheetText.startsWithTrigger(value) && !value.matches("--[a-z-]+"))
                        .as("%s: %s", sheet, value).isFalse())));
        assertThat(sheets.get("Summary").stream().flatMap(List::stream))
                .contains("Zürich Ålesund 東京 Ñandú 🙂", "Quote \"inside\", and a comma");
    }

    @Test
    void theSheetXmlHasNoFormulaAndOnlyTextNumberOrBlankCells() throws Exception {
        byte[] bytes = xlsx(ScanFixture.hostile());
        Map<String, Document> sheets = sheets(parts(bytes));
        assertThat(sheets.keySet()).containsExactlyElementsOf(SHEETS);

        int cells = 0;
        for (Map.Entry<String, Document> sheet : sheets.entrySet()) {
            Document xml = sheet.getValue();
            assertThat(xml.getElementsByTagNameNS(MAIN_NS, "f").getLength()).as("formulas in %s", sheet.getKey()).isZero();
            NodeList all = xml.getElementsByTagNameNS(MAIN_NS, "c");
            for (int i = 0; i < all.getLength(); i++) {
                Element cell = (Element) all.item(i);
                assertThat(cell.getAttribute("t")).as("type of %s in %s", cell.getAttribute("r"), sheet.getKey())
                        .isIn("inlineStr", "n", "");
            }
            cells += all.getLength();
        }
        assertThat(cells).isGreaterThan(ScanFixture.HOSTILE_TEXT.size() * 18);

        Document matrix = sheets.get("Matrix");
        Element firstId = cellAt(matrix, "A3");
        assertThat(firstId.getAttribute("t")).isEqualTo("inlineStr");
        assertThat(firstId.getTextContent()).isEqualTo("000000000100");
        assertThat(cellAt(matrix, "B3").getTextContent()).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(matrix.getElementsByTagNameNS(MAIN_NS, "cfRule").getLength()).isEqualTo(4);
        assertThat(cellAt(sheets.get("Findings"), "A2").getAttribute("t")).isEqualTo("n");
    }

    @Test
    void theSummaryHasCountsAChartOfThemAndATablePerOuAndRegion() throws Exception {
        byte[] bytes = xlsx(ScanFixture.rich());
        List<List<String>> summary = contents(bytes).get("Summary");
        assertThat(summary).contains(List.of("Control result", "NON_COMPLIANT"), List.of("Coverage (%)", "50.00"),
                List.of("Accounts fully covered", "1"), List.of("COMPLIANT", "C", "2"), List.of("NON_COMPLIANT", "NC", "1"),
                List.of("NOT_APPLICABLE", "NA", "5"), List.of("INSUFFICIENT_DATA", "ID", "1"));
        assertThat(summary).contains(List.of("Root/Security, \"core\"", "1", "0", "1", "1", "1", "0.00", "NON_COMPLIANT"));
        assertThat(summary).contains(Arrays.asList("eu-central-1", null, "1", "0", "1", "1", "50.00", "INSUFFICIENT_DATA"));

        Map<String, Document> parts = parts(bytes);
        Document chart = parts.get("xl/charts/chart1.xml");
        assertThat(chart).as("the Summary's chart").isNotNull();
        NodeList refs = chart.getElementsByTagNameNS("*", "f");
        assertThat(refs.getLength()).isEqualTo(2);
        assertThat(refs.item(0).getTextContent()).isEqualTo("Summary!$A$18:$A$21");
        assertThat(refs.item(1).getTextContent()).isEqualTo("Summary!$C$18:$C$21");
        assertThat(summary.get(17)).containsExactly("COMPLIANT", "C", "2");
    }

    @Test
    void exceptionsListNonCompliantAndUndecidedRowsWithInputColumnsAndADispositionDropdown() throws Exception {
        byte[] bytes = xlsx(ScanFixture.rich());
        List<List<String>> exceptions = contents(bytes).get("Exceptions");
        assertThat(exceptions.get(0)).containsExactly("finding_id", "account_id", "account_name", "ou_path", "region",
                "status", "reason", "detail", "error_id", "owner", "disposition", "ticket", "target_date", "comment",
                "approver");
        assertThat(exceptions).hasSize(3);
        assertThat(exceptions.get(1).subList(4, 9)).containsExactly("eu-central-1", "INSUFFICIENT_DATA", "ACCESS_DENIED",
                "ListAnalyzers: AccessDeniedException: User: arn:aws:sts::000000000002:assumed-role/OrgScan/x is not authorized",
                "E0001");
        assertThat(exceptions.get(2).subList(5, 7)).containsExactly("NON_COMPLIANT", "ANALYZER_NOT_ACTIVE");
        assertThat(exceptions.get(2).subList(9, 15)).containsOnly("");

        Document sheet = sheets(parts(bytes)).get("Exceptions");
        NodeList validations = sheet.getElementsByTagNameNS(MAIN_NS, "dataValidation");
        assertThat(validations.getLength()).isEqualTo(1);
        Element dropdown = (Element) validations.item(0);
        assertThat(dropdown.getAttribute("type")).isEqualTo("list");
        assertThat(dropdown.getAttribute("sqref")).isEqualTo("K2:K3");
        assertThat(dropdown.getAttribute("showDropDown")).isIn("", "false", "0");
        assertThat(dropdown.getTextContent()).contains("\"REMEDIATE,RISK_ACCEPTED,FALSE_POSITIVE,RETEST\"");
    }

    @Test
    void theReconciliationShowsEveryCheckPassing() throws IOException {
        List<List<String>> checks = contents(xlsx(ScanFixture.rich())).get("Reconciliation");
        assertThat(checks.get(0)).containsExactly("Check", "Description", "Expected", "Actual", "Difference", "Result");
        assertThat(checks.subList(1, checks.size())).extracting(row -> row.get(0)).containsExactly("accounts",
                "population", "statuses", "errors", "sheet:Findings", "sheet:Accounts", "sheet:Errors", "sheet:Exceptions",
                "sheet:Matrix");
        assertThat(checks.subList(1, checks.size())).allSatisfy(row -> {
            assertThat(row.get(2)).isEqualTo(row.get(3));
            assertThat(row.get(4)).isEqualTo("0");
            assertThat(row.get(5)).isEqualTo("PASS");
        });
        assertThat(checks).contains(List.of("sheet:Findings", "Findings sheet rows = findings", "9", "9", "0", "PASS"));
    }

    @Test
    void theMethodSaysWhatAnUnreadableManagementAccountMeansUnderTheOrgPolicy() throws IOException {
        ScanResult readable = ScanFixture.rich();
        String unreadable = "management account " + ScanFixture.MANAGEMENT + "'s analyzers could not be read";
        assertThat(text(contents(xlsx(readable)).get("Method"))).doesNotContain(unreadable);

        ScanResult hidden = ScanFixture.builder().regions("us-east-1")
                .account(ScanFixture.MANAGEMENT, "Management").account("123456789012", "Member")
                .cell(ScanFixture.MANAGEMENT, "us-east-1", Reason.ASSUME_ROLE_FAILED)
                .error(ScanFixture.MANAGEMENT, null, new Failure("AssumeRole", "AccessDenied", "no role there", 1))
                .build();
        assertThat(text(contents(xlsx(hidden)).get("Method"))).contains(unreadable + " (AssumeRole: AccessDenied: no role there)")
                .contains("--org-role-arn");
    }

    @Test
    void theMethodListsTheServiceControlPoliciesRead() throws IOException {
        ScanResult plain = ScanFixture.rich();
        assertThat(text(contents(xlsx(plain)).get("Method"))).contains("Not read (--scp-denied-regions report-only)");
        ScanMetadata m = plain.metadata();
        ScanResult read = new ScanResult(new ScanMetadata(m.scanId(), m.startedAt(), m.finishedAt(), m.callerArn(),
                m.callerAccountId(), m.organizationId(), m.managementAccountId(), m.delegatedAdministratorId(), m.partition(),
                m.policy(), m.toolName(), m.toolVersion(), m.parameters(),
                List.of(new ServiceControlPolicy("p-regiondeny1", "RegionDeny", "ab".repeat(32), List.of("DenyOutside"),
                        List.of("r-ab12")))),
                plain.matrix(), plain.errors());
        assertThat(contents(xlsx(read)).get("Method")).contains(List.of("p-regiondeny1", "RegionDeny", "ab".repeat(32), "DenyOutside", "r-ab12"));
    }

    private static String text(List<List<String>> rows) {
        return rows.stream().flatMap(List::stream).filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.joining("\n"));
    }

    @Test
    void coverNamesTheControlTheRunAndHowToVerify() throws IOException {
        List<List<String>> cover = contents(xlsx(ScanFixture.rich())).get("Cover");
        assertThat(cover).contains(List.of("AWS Security Hub control", "IAM.28"),
                List.of("CIS AWS Foundations v1.4", "1.20  Ensure that IAM Access analyzer is enabled for all regions"),
                List.of("CIS AWS Foundations v7.0", "2.18  Ensure that IAM External Access Analyzer is enabled for all regions"),
                List.of("Organization ID", "o-abc123def4"), List.of("Management account", "000000000001"),
                List.of("Scan started (UTC)", "2025-09-30T22:00:05Z"), List.of("Scan finished (UTC)", "2025-09-30T22:07:41Z"),
                List.of("Run id (scan id)", "3f2b9c1e-7d4a-4e0b-9a51-2c6d8e0f1a7b"), List.of("Tool", "orgscan 0.1.0-test"),
                List.of("Run by (caller ARN)", "arn:aws:sts::000000000002:assumed-role/OrgScanAudit/alice"),
                List.of("Reconciliation", "PASS: 9 of 9 checks passed (Reconciliation sheet)"));
        assertThat(cover.stream().flatMap(List::stream)).anyMatch(text -> text != null
                && text.contains("sha256sum -c SHA256SUMS"));
    }

    @Test
    void theNumberOfStylesDoesNotGrowWithTheMatrix() throws Exception {
        int small = cellStyleCount(xlsx(ScanFixture.rich()));
        int large = cellStyleCount(xlsx(ScanFixture.large(60, 12)));
        assertThat(large).isEqualTo(small).isLessThan(20);
    }

    private static int cellStyleCount(byte[] bytes) throws Exception {
        Element cellXfs = (Element) parts(bytes).get("xl/styles.xml").getElementsByTagNameNS(MAIN_NS, "cellXfs").item(0);
        return Integer.parseInt(cellXfs.getAttribute("count"));
    }

    @Test
    void propertiesArePinnedToTheScan() throws IOException {
        try (XSSFWorkbook workbook = open(xlsx(ScanFixture.rich()))) {
            var core = workbook.getProperties().getCoreProperties();
            Date started = Date.from(ScanFixture.STARTED.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            assertThat(core.getCreated()).isEqualTo(started);
            assertThat(core.getModified()).isEqualTo(started);
            assertThat(core.getCreator()).isEqualTo("orgscan");
            assertThat(core.getIdentifier()).isEqualTo("3f2b9c1e-7d4a-4e0b-9a51-2c6d8e0f1a7b");
            assertThat(workbook.getProperties().getCustomProperties().getProperty("run_id").getLpwstr())
                    .isEqualTo("3f2b9c1e-7d4a-4e0b-9a51-2c6d8e0f1a7b");
        }
    }

    @Test
    void twoRendersOfTheSameScanAreIdentical() throws IOException {
        byte[] first = xlsx(ScanFixture.rich());
        byte[] second = xlsx(ScanFixture.rich());
        assertThat(contents(second)).isEqualTo(contents(first));
        assertThat(second).isEqualTo(first);
    }

    /** The fast row writer must produce POI's own bytes, for every kind of text and number. */
    @Test
    void theFastSheetWriterWritesExactlyWhatPoisWriterWrites() throws IOException {
        for (ScanResult result : List.of(ScanFixture.hostile(), xmlSpecialCharacters(), ScanFixture.rich(), ScanFixture.large(30, 7))) {
            byte[] fast = xlsx(new WorkbookWriter(WorkbookWriter.standardSheets(), false, Integer.MAX_VALUE), result);
            byte[] poi = xlsx(new WorkbookWriter(WorkbookWriter.standardSheets(), true, Integer.MAX_VALUE), result);
            assertThat(fast).isEqualTo(poi);
        }
    }

    /** Text that XML escapes, or cannot hold, anywhere in a value, as account name, OU path and detail. */
    private static ScanResult xmlSpecialCharacters() {
        List<String> texts = List.of("<b>bold</b> & \"quoted\"", "no\u00A0break", "bell\u0007 tab\there", "end\uFFFE\uFFFF",
                "plain text, nothing to escape", "", "x>y", "caf\u00e9 & cr\u00e8me");
        ScanFixture fixture = ScanFixture.builder().regions("eu-west-1");
        for (int i = 0; i < texts.size(); i++) {
            String id = String.format("%012d", 500 + i);
            fixture.account(new AccountRef(id, texts.get(i), "x" + i + "@example.com", AccountState.ACTIVE, texts.get(i), false, false))
                    .cell(id, "eu-west-1", Reason.NO_EXTERNAL_ACCESS_ANALYZER, texts.get(i));
        }
        return fixture.build();
    }

    /** Large scans keep their temporary sheet files compressed; the workbook is the same either way. */
    @Test
    void compressedAndPlainTemporaryFilesGiveTheSameWorkbook() throws IOException {
        ScanResult result = ScanFixture.large(30, 7);
        byte[] plain = xlsx(new WorkbookWriter(WorkbookWriter.standardSheets(), false, Integer.MAX_VALUE), result);
        byte[] compressed = xlsx(new WorkbookWriter(WorkbookWriter.standardSheets(), false, 0), result);
        byte[] poiCompressed = xlsx(new WorkbookWriter(WorkbookWriter.standardSheets(), true, 0), result);
        assertThat(compressed).isEqualTo(plain);
        assertThat(poiCompressed).isEqualTo(plain);
        assertThat(contents(plain).get("Findings")).hasSize(30 * 7 + 1);
    }

    @Test
    void aTableLongerThanASheetContinuesOnNumberedSheetsEachWithItsHeader() throws IOException {
        ScanResult result = ScanFixture.large(3, 3);
        WorkbookWriter writer = new WorkbookWriter(List.of(new TableSheet<>("Findings", FindingsTable::of, 4)));

        Map<String, List<List<String>>> sheets = contents(xlsx(writer, result));

        assertThat(sheets.keySet()).containsExactly("Findings", "Findings (2)", "Findings (3)");
        assertThat(sheets.values()).extracting(List::size).containsExactly(5, 5, 2);
        assertThat(sheets.values()).allSatisfy(rows -> assertThat(rows.get(0).get(0)).isEqualTo("schema_version"));
        List<String> ids = sheets.values().stream().flatMap(rows -> rows.stream().skip(1)).map(row -> row.get(2)).toList();
        assertThat(ids).hasSize(9).doesNotHaveDuplicates();
    }

    @Test
    void textLongerThanACellIsCutInTheWorkbookOnly() throws IOException {
        String longDetail = "x".repeat(40_000);
        ScanResult result = ScanFixture.builder().regions("us-east-1").account("012345678901", "A")
                .cell("012345678901", "us-east-1", Reason.EXCLUDED, longDetail).build();

        String cell = contents(xlsx(result)).get("Findings").get(1).get(12);

        assertThat(cell).hasSize(SpreadsheetText.MAX_CELL_CHARS).endsWith("…[truncated]");
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        CsvTableWriter.write(FindingsTable.of(result), csv);
        assertThat(csv.toString(StandardCharsets.UTF_8)).contains(longDetail);
    }

    @Test
    void anOrganizationWithoutAccountsStillGivesAWorkbook() throws IOException {
        ScanResult empty = ScanFixture.builder().regions("us-east-1").build();
        Map<String, List<List<String>>> sheets = contents(xlsx(empty));
        assertThat(sheets.keySet()).containsExactlyElementsOf(SHEETS);
        assertThat(sheets.get("Matrix")).hasSize(2);
        assertThat(sheets.get("Findings")).hasSize(1);
        assertThat(sheets.get("Exceptions")).hasSize(1);
    }
}

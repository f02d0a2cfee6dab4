package io.orgscan.report.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.Reason;
import io.orgscan.model.ScanResult;
import io.orgscan.report.FindingsTable;
import io.orgscan.report.ScanFixture;
import io.orgscan.report.SpreadsheetText;
import io.orgscan.report.csv.CsvTableWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ConditionalFormatting;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class WorkbookWriterTest {
    static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    static byte[] xlsx(ScanResult result) throws IOException {
        return xlsx(WorkbookWriter.standard(), result);
    }

    static byte[] xlsx(WorkbookWriter writer, ScanResult result) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(result, out);
        return out.toByteArray();
    }

    static XSSFWorkbook open(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    /** Every cell of every sheet as text, by sheet name: what an auditor sees. */
    static Map<String, List<List<String>>> contents(byte[] bytes) throws IOException {
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        try (XSSFWorkbook workbook = open(bytes)) {
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                XSSFSheet sheet = workbook.getSheetAt(s);
                List<List<String>> rows = new ArrayList<>();
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    XSSFRow row = sheet.getRow(r);
                    List<String> values = new ArrayList<>();
                    for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
                        XSSFCell cell = row.getCell(c);
                        if (cell != null) {
                            assertThat(cell.getCellType()).as("%s!%s", sheet.getSheetName(), cell.getAddress())
                                    .isEqualTo(CellType.STRING);
                        }
                        values.add(cell == null ? null : cell.getStringCellValue());
                    }
                    rows.add(values);
                }
                sheets.put(sheet.getSheetName(), rows);
            }
        }
        return sheets;
    }

    /** The worksheet XML parts, read straight from the zip, by part name. */
    static Map<String, Document> sheetXml(byte[] bytes) throws Exception {
        Map<String, Document> parts = new LinkedHashMap<>();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().startsWith("xl/worksheets/") || entry.getName().equals("xl/styles.xml")) {
                    byte[] xml = zip.readAllBytes();
                    parts.put(entry.getName(), factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)));
                }
            }
        }
        return parts;
    }

    @Test
    void hasTheMatrixThenTheFindings() throws IOException {
        assertThat(contents(xlsx(ScanFixture.rich())).keySet()).containsExactly("Matrix", "Findings");
    }

    @Test
    void findingsSheetHoldsExactlyTheCsvsColumnsAndValues() throws IOException {
        ScanResult result = ScanFixture.hostile();
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        CsvTableWriter.write(FindingsTable.of(result), csv);
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.builder()
                .setReader(new StringReader(csv.toString(StandardCharsets.UTF_8)))
                .setFormat(CSVFormat.Builder.create().setDelimiter(',').setQuote('"').get())
                .get()) {
            records = parser.getRecords();
        }

        List<List<String>> sheet = contents(xlsx(result)).get("Findings");

        assertThat(sheet).hasSize(records.size());
        for (int r = 0; r < records.size(); r++) {
            assertThat(sheet.get(r)).as("row %d", r).containsExactlyElementsOf(records.get(r).toList());
        }
        assertThat(sheet.get(0)).containsExactlyElementsOf(FindingsTable.of(result).header());
    }

    @Test
    void findingsHeaderIsBoldFrozenAndFiltered() throws IOException {
        try (XSSFWorkbook workbook = open(xlsx(ScanFixture.rich()))) {
            XSSFSheet sheet = workbook.getSheet("Findings");
            assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFont().getBold()).isTrue();
            assertThat(sheet.getRow(1).getCell(0).getCellStyle().getFont().getBold()).isFalse();
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitTopRow()).isEqualTo((short) 1);
            assertThat(pane.getVerticalSplitLeftColumn()).isEqualTo((short) 0);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:R10");
            assertThat(sheet.getColumnWidth(2)).isEqualTo(52 * 256);
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
    void accountIdsAreTextAndKeepTheirLeadingZeros() throws IOException {
        Map<String, List<List<String>>> sheets = contents(xlsx(ScanFixture.rich()));
        assertThat(sheets.get("Matrix").get(2).get(0)).isEqualTo("000000000001");
        assertThat(sheets.get("Findings").get(1).get(4)).isEqualTo("000000000001");
    }

    @Test
    void hostileTextStaysTextAndIsNeutralisedLikeTheCsv() throws IOException {
        ScanResult result = ScanFixture.hostile();
        Map<String, List<List<String>>> sheets = contents(xlsx(result));

        List<List<String>> matrix = sheets.get("Matrix");
        for (int i = 0; i < ScanFixture.HOSTILE_TEXT.size(); i++) {
            String expected = SpreadsheetText.neutralize(result.matrix().accounts().get(i).name());
            assertThat(matrix.get(MatrixSheet.FIRST_ACCOUNT_ROW + i).subList(1, 3)).containsExactly(expected, expected);
        }
        assertThat(matrix.get(2).get(1)).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
    }

    @Test
    void theSheetXmlHasNoFormulaAndOnlyStringCells() throws Exception {
        byte[] bytes = xlsx(ScanFixture.hostile());
        Map<String, Document> parts = sheetXml(bytes);
        List<String> sheets = parts.keySet().stream().filter(name -> name.startsWith("xl/worksheets/sheet")).toList();
        assertThat(sheets).hasSize(2);

        int cells = 0;
        for (String name : sheets) {
            Document xml = parts.get(name);
            assertThat(xml.getElementsByTagNameNS(MAIN_NS, "f").getLength()).as("formulas in %s", name).isZero();
            NodeList all = xml.getElementsByTagNameNS(MAIN_NS, "c");
            for (int i = 0; i < all.getLength(); i++) {
                Element cell = (Element) all.item(i);
                assertThat(cell.getAttribute("t")).as("type of %s in %s", cell.getAttribute("r"), name)
                        .isIn("inlineStr", "s");
            }
            cells += all.getLength();
        }
        assertThat(cells).isGreaterThan(ScanFixture.HOSTILE_TEXT.size() * 18);

        Document matrix = parts.get("xl/worksheets/sheet1.xml");
        Element firstId = cellAt(matrix, "A3");
        assertThat(firstId.getAttribute("t")).isEqualTo("inlineStr");
        assertThat(firstId.getTextContent()).isEqualTo("000000000100");
        assertThat(cellAt(matrix, "B3").getTextContent()).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(matrix.getElementsByTagNameNS(MAIN_NS, "cfRule").getLength()).isEqualTo(4);
    }

    @Test
    void theNumberOfStylesDoesNotGrowWithTheMatrix() throws Exception {
        int small = cellStyleCount(xlsx(ScanFixture.rich()));
        int large = cellStyleCount(xlsx(ScanFixture.large(60, 12)));
        assertThat(large).isEqualTo(small).isLessThan(10);
    }

    private static int cellStyleCount(byte[] bytes) throws Exception {
        Element cellXfs = (Element) sheetXml(bytes).get("xl/styles.xml").getElementsByTagNameNS(MAIN_NS, "cellXfs").item(0);
        return Integer.parseInt(cellXfs.getAttribute("count"));
    }

    private static Element cellAt(Document sheet, String reference) {
        NodeList cells = sheet.getElementsByTagNameNS(MAIN_NS, "c");
        for (int i = 0; i < cells.getLength(); i++) {
            Element cell = (Element) cells.item(i);
            if (cell.getAttribute("r").equals(reference)) {
                return cell;
            }
        }
        throw new AssertionError("no cell " + reference);
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
        }
    }

    @Test
    void twoRendersOfTheSameScanAreIdentical() throws IOException {
        byte[] first = xlsx(ScanFixture.rich());
        byte[] second = xlsx(ScanFixture.rich());
        assertThat(contents(second)).isEqualTo(contents(first));
        assertThat(second).isEqualTo(first);
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
        assertThat(sheets.get("Matrix")).hasSize(2);
        assertThat(sheets.get("Findings")).hasSize(1);
    }
}

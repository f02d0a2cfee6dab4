package io.orgscan.report.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads a workbook back the two independent ways the tests use: POI's usermodel (what a user sees,
 * cell by cell) and the raw XML parts of the zip (what is really in the file).
 */
public final class WorkbookReader {
    public static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private WorkbookReader() {
    }

    public static XSSFWorkbook open(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    /**
     * Every cell of every sheet as the text a CSV would hold, by sheet name. Cells must be text,
     * numbers or blank (never a formula): a whole number reads as {@code 12}, others with two
     * decimals, a blank cell as {@code ""}, a missing cell as null.
     */
    public static Map<String, List<List<String>>> contents(byte[] bytes) throws IOException {
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        try (XSSFWorkbook workbook = open(bytes)) {
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                XSSFSheet sheet = workbook.getSheetAt(s);
                List<List<String>> rows = new ArrayList<>();
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    XSSFRow row = sheet.getRow(r);
                    List<String> values = new ArrayList<>();
                    for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
                        values.add(text(sheet, row.getCell(c)));
                    }
                    rows.add(values);
                }
                sheets.put(sheet.getSheetName(), rows);
            }
        }
        return sheets;
    }

    private static String text(XSSFSheet sheet, XSSFCell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType();
        assertThat(type).as("%s!%s", sheet.getSheetName(), cell.getAddress())
                .isIn(CellType.STRING, CellType.NUMERIC, CellType.BLANK);
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> number(cell.getNumericCellValue(), cell.getCellStyle().getDataFormatString());
            default -> "";
        };
    }

    /** A number as the CSVs write it: two decimals where the cell's format shows two, else a whole number. */
    static String number(double value, String format) {
        if (format != null && format.contains("0.00")) {
            return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        assertThat(value).as("a whole number").isEqualTo(Math.rint(value));
        return Long.toString((long) value);
    }

    /** Every XML part of the zip, parsed, by part name. */
    public static Map<String, Document> parts(byte[] bytes) throws Exception {
        Map<String, Document> parts = new LinkedHashMap<>();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().endsWith(".xml") || entry.getName().endsWith(".rels")) {
                    byte[] xml = zip.readAllBytes();
                    parts.put(entry.getName(), factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)));
                } else {
                    parts.put(entry.getName(), null);
                }
            }
        }
        return parts;
    }

    /** The worksheet part of each sheet, by sheet name, in tab order (read from workbook.xml and its rels). */
    public static Map<String, Document> sheets(Map<String, Document> parts) {
        Map<String, String> targets = new LinkedHashMap<>();
        NodeList rels = parts.get("xl/_rels/workbook.xml.rels").getElementsByTagNameNS("*", "Relationship");
        for (int i = 0; i < rels.getLength(); i++) {
            Element rel = (Element) rels.item(i);
            targets.put(rel.getAttribute("Id"), "xl/" + rel.getAttribute("Target").replaceFirst("^/xl/", ""));
        }
        Map<String, Document> sheets = new LinkedHashMap<>();
        NodeList list = parts.get("xl/workbook.xml").getElementsByTagNameNS(MAIN_NS, "sheet");
        for (int i = 0; i < list.getLength(); i++) {
            Element sheet = (Element) list.item(i);
            sheets.put(sheet.getAttribute("name"), parts.get(targets.get(sheet.getAttributeNS(REL_NS, "id"))));
        }
        return sheets;
    }

    public static Element cellAt(Document sheet, String reference) {
        NodeList cells = sheet.getElementsByTagNameNS(MAIN_NS, "c");
        for (int i = 0; i < cells.getLength(); i++) {
            Element cell = (Element) cells.item(i);
            if (cell.getAttribute("r").equals(reference)) {
                return cell;
            }
        }
        throw new AssertionError("no cell " + reference);
    }
}

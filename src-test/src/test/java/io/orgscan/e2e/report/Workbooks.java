package io.orgscan.e2e.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads a workbook back with POI's usermodel: every cell as the text a user sees, never a formula. */
final class Workbooks {
    private Workbooks() {
    }

    /** Sheets by name; each cell text, a number (two decimals where formatted so), "" if blank, null if absent. */
    static Map<String, List<List<String>>> contents(byte[] bytes) throws IOException {
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
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
            case NUMERIC -> cell.getCellStyle().getDataFormatString().contains("0.00")
                    ? BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, RoundingMode.HALF_UP).toPlainString()
                    : Long.toString((long) cell.getNumericCellValue());
            default -> "";
        };
    }
}

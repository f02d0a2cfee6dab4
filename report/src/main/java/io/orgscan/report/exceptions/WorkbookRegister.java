package io.orgscan.report.exceptions;

import io.orgscan.model.ExceptionEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A register kept in last quarter's coverage.xlsx: the Exceptions sheet people filled in. Its header
 * row names the columns (found by name, so a column moved or added by a person does not matter); a row
 * with an empty {@code disposition} is not an entry (nobody decided anything for it). The sheet's
 * columns map to the register's: {@code finding_id}, {@code disposition}, {@code owner},
 * {@code approver}, {@code ticket} as they are, {@code target_date} to {@code expires},
 * {@code comment} to {@code justification}; the other columns (account, status, detail...) describe
 * the finding as it was and are not read. A cell holding a formula is refused: a register holds
 * values, and a formula's cached result is whatever the program that saved it computed.
 */
public final class WorkbookRegister {
    /** The sheet orgscan writes and reads back. */
    public static final String SHEET = "Exceptions";
    public static final String FINDING_ID = RegisterRow.FINDING_ID;
    public static final String OWNER = "owner";
    public static final String APPROVER = "approver";
    public static final String DISPOSITION = RegisterRow.DISPOSITION;
    public static final String TICKET = "ticket";
    public static final String TARGET_DATE = "target_date";
    public static final String COMMENT = "comment";

    /** Sheet column -> register column. */
    private static final Map<String, String> MAPPING = mapping();

    /** How far down the header row may be looked for. */
    private static final int HEADER_ROWS = 5;

    private WorkbookRegister() {
    }

    private static Map<String, String> mapping() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(FINDING_ID, RegisterRow.FINDING_ID);
        map.put(DISPOSITION, RegisterRow.DISPOSITION);
        map.put(OWNER, RegisterRow.OWNER);
        map.put(APPROVER, RegisterRow.APPROVER);
        map.put(TICKET, RegisterRow.TICKET);
        map.put(TARGET_DATE, RegisterRow.EXPIRES);
        map.put(COMMENT, RegisterRow.JUSTIFICATION);
        return Map.copyOf(map);
    }

    static List<ExceptionEntry> entries(Path file, byte[] bytes) throws RegisterException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheet(SHEET);
            if (sheet == null) {
                throw new RegisterException(file, "no \"" + SHEET + "\" sheet: not an orgscan coverage.xlsx", null);
            }
            Header header = header(file, sheet);
            DataFormatter formatter = new DataFormatter();
            List<ExceptionEntry> entries = new ArrayList<>();
            for (int r = header.row() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                int number = r + 1;
                Map<String, String> values = new HashMap<>();
                for (Map.Entry<String, Integer> column : header.columns().entrySet()) {
                    values.put(MAPPING.get(column.getKey()),
                            text(file, number, column.getKey(), row.getCell(column.getValue()), formatter));
                }
                if (values.get(RegisterRow.DISPOSITION).isBlank()) {
                    continue;
                }
                if (values.get(RegisterRow.FINDING_ID).isBlank()) {
                    throw RegisterException.atRow(file, number, "a disposition but no finding_id");
                }
                entries.add(RegisterRow.entry(file, number, values, TARGET_DATE));
            }
            return entries;
        } catch (IOException | RuntimeException e) {
            // POI reports a damaged or hostile zip with unchecked exceptions of its own.
            throw new RegisterException(file, "not a readable xlsx workbook: " + e.getMessage(), e);
        }
    }

    /** The header row's index, and the index of each sheet column the register reads. */
    private record Header(int row, Map<String, Integer> columns) {
    }

    private static Header header(Path file, Sheet sheet) throws RegisterException {
        for (int r = 0; r < HEADER_ROWS && r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Map<String, Integer> columns = new HashMap<>();
            for (Cell cell : row) {
                if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                    columns.putIfAbsent(cell.getStringCellValue().strip(), cell.getColumnIndex());
                }
            }
            if (columns.containsKey(FINDING_ID) && columns.containsKey(DISPOSITION)) {
                columns.keySet().retainAll(MAPPING.keySet());
                return new Header(r, columns);
            }
        }
        throw new RegisterException(file, "sheet \"" + SHEET + "\" has no header row with \"" + FINDING_ID + "\" and \""
                + DISPOSITION + "\" in its first " + HEADER_ROWS + " rows", null);
    }

    /** A cell's value as text: a date cell as YYYY-MM-DD, a number as shown, a formula refused. */
    private static String text(Path file, int row, String column, Cell cell, DataFormatter formatter)
            throws RegisterException {
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case BLANK -> "";
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? DateTimeFormatter.ISO_LOCAL_DATE.format(cell.getLocalDateTimeCellValue().toLocalDate())
                    : formatter.formatCellValue(cell);
            case FORMULA -> throw RegisterException.atRow(file, row, column + " holds a formula (" + cell.getCellFormula()
                    + "); a register holds values only");
            default -> throw RegisterException.atRow(file, row, column + " holds an error value");
        };
    }
}

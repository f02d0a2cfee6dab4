package io.orgscan.report.xlsx;

import io.orgscan.model.ScanMetadata;
import io.orgscan.report.evidence.RenderInput;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/** The Sign-off sheet: prepared by, reviewed by, approved by, left blank (shaded input cells) for people. */
public final class SignOffSheet implements SheetWriter {
    public static final String NAME = "Sign-off";

    private static final String[] HEADERS = {"Role", "Name", "Title", "Date (YYYY-MM-DD)", "Signature", "Comment"};
    private static final int[] WIDTHS = {16, 28, 28, 18, 24, 50};
    private static final String[] ROLES = {"Prepared by", "Reviewed by", "Approved by"};

    @Override
    public void write(RenderInput input, WorkbookContext workbook) {
        ScanMetadata scan = input.scan().metadata();
        SXSSFSheet sheet = workbook.createSheet(NAME);
        Row header = sheet.createRow(0);
        for (int c = 0; c < HEADERS.length; c++) {
            WorkbookContext.setWidth(sheet, c, WIDTHS[c]);
            WorkbookContext.setText(header, c, HEADERS[c], workbook.headerStyle());
        }
        sheet.createFreezePane(0, 1);
        for (int r = 0; r < ROLES.length; r++) {
            Row row = sheet.createRow(r + 1);
            WorkbookContext.setText(row, 0, ROLES[r], workbook.labelStyle());
            for (int c = 1; c < HEADERS.length; c++) {
                WorkbookContext.setBlank(row, c, workbook.inputStyle());
            }
        }
        sheet.setAutoFilter(new CellRangeAddress(0, ROLES.length, 0, HEADERS.length - 1));
        Row note = sheet.createRow(ROLES.length + 2);
        WorkbookContext.setText(note, 0, "Signing covers run " + scan.scanId() + " of organization "
                + scan.organizationId() + ". Before signing, run sha256sum -c SHA256SUMS in the run folder (Cover, "
                + "How to verify).", workbook.textStyle());
    }
}

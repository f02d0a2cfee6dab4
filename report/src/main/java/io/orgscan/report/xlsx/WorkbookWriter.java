package io.orgscan.report.xlsx;

import io.orgscan.model.ScanMetadata;
import io.orgscan.model.ScanResult;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes coverage.xlsx from a list of {@link SheetWriter}s, in order. The workbook streams (SXSSF:
 * a window of rows in memory, older rows in a compressed temporary file that {@code close()}
 * deletes), so memory stays flat for 10,000 accounts x 35 regions.
 *
 * <p>Two renders of the same scan give the same workbook: every value is text from the scan, and
 * the document properties that would otherwise carry the time of rendering ({@code created},
 * {@code modified}) are pinned to the scan's start.
 */
public final class WorkbookWriter {
    /** Rows kept in memory per sheet before flushing to the temporary file. */
    static final int ROW_WINDOW = 256;

    private final List<SheetWriter> sheets;

    public WorkbookWriter(List<SheetWriter> sheets) {
        if (sheets.isEmpty()) {
            throw new IllegalArgumentException("a workbook needs at least one sheet");
        }
        this.sheets = List.copyOf(sheets);
    }

    /** The workbook of this release: Matrix, then Findings. */
    public static WorkbookWriter standard() {
        return new WorkbookWriter(List.of(new MatrixSheet(), TableSheet.findings()));
    }

    /** Writes the workbook to {@code out}; does not close it. */
    public void write(ScanResult result, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, ROW_WINDOW, true, false)) {
            describe(workbook, result.metadata());
            WorkbookContext context = new WorkbookContext(workbook);
            for (SheetWriter sheet : sheets) {
                sheet.write(result, context);
            }
            workbook.write(out);
        }
        out.flush();
    }

    private static void describe(SXSSFWorkbook workbook, ScanMetadata scan) {
        POIXMLProperties.CoreProperties core = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
        Optional<Date> started = Optional.of(Date.from(scan.startedAt()));
        core.setCreated(started);
        core.setModified(started);
        core.setCreator(scan.toolName());
        core.setTitle("IAM Access Analyzer coverage of " + scan.organizationId());
        core.setIdentifier(scan.scanId());
        core.setDescription("Scan " + scan.scanId() + " by " + scan.toolName() + " " + scan.toolVersion());
    }
}

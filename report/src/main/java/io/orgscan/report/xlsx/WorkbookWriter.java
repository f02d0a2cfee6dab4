package io.orgscan.report.xlsx;

import io.orgscan.model.ScanMetadata;
import io.orgscan.report.evidence.RenderInput;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * Writes coverage.xlsx from a list of {@link SheetWriter}s, in order. Every sheet streams (SXSSF: a
 * window of rows in memory, older rows in a compressed temporary file that {@code close()} deletes),
 * so memory stays flat for 10,000 accounts x 35 regions; the Summary's chart is added to its sheet's
 * underlying XSSF part.
 *
 * <p>Two renders of the same scan give the same workbook, byte for byte: every value comes from the
 * scan, zip entries carry a fixed date, and the document properties that would otherwise carry the
 * time of rendering ({@code created}, {@code modified}) are pinned to the scan's start.
 */
public final class WorkbookWriter {
    /** Rows kept in memory per sheet before flushing to the temporary file. */
    static final int ROW_WINDOW = 256;
    /**
     * Scans of at least this many cells get gzip-compressed temporary sheet files. The Findings sheet
     * has a row per cell, some 1.4 KB of XML: below this, at most ~140 MB of temporary files, written
     * and read back as they are (a 1,000-account render: 0.1 s less); above it, a 10,000 x 35 scan
     * would otherwise put half a gigabyte in the temporary folder.
     */
    static final int COMPRESSED_TEMPORARY_FILES_FROM_CELLS = 100_000;
    /**
     * zlib level of the workbook's parts. Measured on a 1,000-account workbook (51 MB of XML): level 5
     * takes 35% less time than the default 6 for 1.3% more bytes; level 1 would add 27%.
     */
    static final int DEFLATE_LEVEL = 5;

    private final List<SheetWriter> sheets;
    private final boolean poiSheetWriter;
    private final int compressedTemporaryFilesFromCells;

    public WorkbookWriter(List<SheetWriter> sheets) {
        this(sheets, false, COMPRESSED_TEMPORARY_FILES_FROM_CELLS);
    }

    /**
     * @param poiSheetWriter                    true to stream rows with POI's own writer instead of
     *                                          {@link SheetXmlWriter} (tests)
     * @param compressedTemporaryFilesFromCells scans of at least this many cells get compressed temporary files
     */
    WorkbookWriter(List<SheetWriter> sheets, boolean poiSheetWriter, int compressedTemporaryFilesFromCells) {
        if (sheets.isEmpty()) {
            throw new IllegalArgumentException("a workbook needs at least one sheet");
        }
        this.sheets = List.copyOf(sheets);
        this.poiSheetWriter = poiSheetWriter;
        this.compressedTemporaryFilesFromCells = compressedTemporaryFilesFromCells;
    }

    /** The sheets of this release, in tab order. */
    static List<SheetWriter> standardSheets() {
        return List.of(
                new CoverSheet(),
                new SummarySheet(),
                new MethodSheet(),
                new ParametersSheet(),
                new ReconciliationSheet(),
                TableSheet.accounts(),
                TableSheet.findings(),
                new MatrixSheet(),
                TableSheet.exceptions(),
                TableSheet.errors(),
                new LegendSheet(),
                new SignOffSheet());
    }

    /** The workbook of this release: Cover, Summary, Method, Parameters, Reconciliation, Accounts, Findings, Matrix, Exceptions, Errors, Legend, Sign-off. */
    public static WorkbookWriter standard() {
        return new WorkbookWriter(standardSheets());
    }

    /**
     * Writes the workbook to {@code out}; does not close it. The Cover lists the files of
     * {@code input}: those written before the workbook.
     *
     * @return the data rows each table sheet holds, by sheet name (continuation sheets summed)
     */
    public Map<String, Long> write(RenderInput input, OutputStream out) throws IOException {
        return write(input, FilesBeside.NONE, out);
    }

    /**
     * As {@link #write(RenderInput, OutputStream)}, while {@code beside} are written on another thread:
     * the Cover lists them too, and the Reconciliation checks them; the workbook waits for them once
     * every sheet is written.
     *
     * @throws IOException also if one of {@code beside} could not be written
     */
    public Map<String, Long> write(RenderInput input, FilesBeside beside, OutputStream out) throws IOException {
        Map<String, Long> rows;
        boolean compressTemporaryFiles = input.scan().matrix().cells().size() >= compressedTemporaryFilesFromCells;
        try (SXSSFWorkbook workbook = new StableZipWorkbook(poiSheetWriter, compressTemporaryFiles)) {
            describe(workbook, input);
            WorkbookContext context = new WorkbookContext(workbook, beside);
            for (SheetWriter sheet : sheets) {
                sheet.write(input, context);
            }
            context.finish(input);
            rows = context.rowCounts();
            workbook.write(out);
        }
        out.flush();
        return rows;
    }

    /** A streaming workbook whose zip is {@link WorkbookZip}: the same bytes for the same content. */
    private static final class StableZipWorkbook extends SXSSFWorkbook {
        private final boolean poiSheetWriter;

        StableZipWorkbook(boolean poiSheetWriter, boolean compressTemporaryFiles) {
            super(null, ROW_WINDOW, compressTemporaryFiles, false);
            this.poiSheetWriter = poiSheetWriter;
        }

        @Override
        protected SheetDataWriter createSheetDataWriter() throws IOException {
            if (poiSheetWriter) {
                return super.createSheetDataWriter();
            }
            return isCompressTempFiles() ? SheetXmlWriter.compressed() : SheetXmlWriter.plain();
        }

        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
            return new WorkbookZip(out, DEFLATE_LEVEL);
        }
    }

    private static void describe(SXSSFWorkbook workbook, RenderInput input) {
        ScanMetadata scan = input.scan().metadata();
        POIXMLProperties properties = workbook.getXSSFWorkbook().getProperties();
        POIXMLProperties.CoreProperties core = properties.getCoreProperties();
        Optional<Date> started = Optional.of(Date.from(scan.startedAt()));
        core.setCreated(started);
        core.setModified(started);
        core.setCreator(scan.toolName());
        core.setTitle("IAM Access Analyzer coverage of " + scan.organizationId());
        core.setSubjectProperty(input.control().title() + " (Security Hub "
                + input.control().securityHubControlId() + ")");
        core.setIdentifier(scan.scanId());
        core.setDescription("Scan " + scan.scanId() + " by " + scan.toolName() + " " + scan.toolVersion());
        POIXMLProperties.CustomProperties custom = properties.getCustomProperties();
        custom.addProperty("run_id", scan.scanId());
        custom.addProperty("organization_id", scan.organizationId());
        custom.addProperty("tool_version", scan.toolVersion());
    }
}

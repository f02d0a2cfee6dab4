package io.orgscan.report.xlsx;

import io.orgscan.model.ScanMetadata;
import io.orgscan.model.ScanResult;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
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
        try (SXSSFWorkbook workbook = new StableZipWorkbook()) {
            describe(workbook, result.metadata());
            WorkbookContext context = new WorkbookContext(workbook);
            for (SheetWriter sheet : sheets) {
                sheet.write(result, context);
            }
            workbook.write(out);
        }
        out.flush();
    }

    /**
     * A streaming workbook whose zip is the same for the same content and readable by every zip
     * reader. POI's default (Zip64Mode.Always) writes zip64 data descriptors that java.util.zip's
     * ZipInputStream, and importers built on it, reject; no part of this workbook comes near 4 GB,
     * and commons-compress fails loudly rather than write a broken file if one ever did. Without
     * that default, entries would carry the time of rendering; they get the earliest zip time
     * instead, 1980-01-01 00:00 (zip times are local, so it is computed in the local zone to give
     * the same bytes everywhere).
     */
    private static final class StableZipWorkbook extends SXSSFWorkbook {
        private static final long ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0)
                .atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();

        StableZipWorkbook() {
            super(null, ROW_WINDOW, true, false);
        }

        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
            ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out) {
                @Override
                public void putArchiveEntry(ZipArchiveEntry entry) throws IOException {
                    entry.setTime(ENTRY_TIME);
                    super.putArchiveEntry(entry);
                }
            };
            zip.setUseZip64(Zip64Mode.AsNeeded);
            return zip;
        }
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

package io.orgscan.report.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * The workbook's zip: the same bytes for the same content, readable by every zip reader. POI's
 * default zip would differ in two ways. Its entries would carry the time of rendering; they carry
 * the earliest zip time instead, 1980-01-01 00:00 (zip times are local, so it is computed in the
 * local zone to give the same bytes everywhere). And it writes zip64 data descriptors
 * ({@code Zip64Mode.Always}), which java.util.zip's ZipInputStream, and importers built on it,
 * reject; zip64 fields are written only when needed here: no part of this workbook comes near 4 GB,
 * and Commons Compress fails loudly rather than write a broken file if one ever did.
 */
final class WorkbookZip extends ZipArchiveOutputStream {
    private static final long ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0)
            .atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();

    WorkbookZip(OutputStream out, int level) {
        super(out);
        setUseZip64(Zip64Mode.AsNeeded);
        setLevel(level);
    }

    @Override
    public void putArchiveEntry(ZipArchiveEntry entry) throws IOException {
        entry.setTime(ENTRY_TIME);
        super.putArchiveEntry(entry);
    }
}

package io.orgscan.report;

import io.orgscan.model.ScanResult;
import io.orgscan.report.csv.CsvTableWriter;
import io.orgscan.report.json.ScanJson;
import io.orgscan.report.xlsx.WorkbookWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The one entry point for outputs: {@code orgscan scan} calls it after a scan, {@code orgscan report}
 * after {@link ScanJson#read}. It writes the requested files into one folder, each under its fixed
 * name ({@link OutputFormat#fileName()}), all or nothing as far as a file system allows (see
 * {@link AtomicFiles}): every file is fully written before any is renamed into place.
 */
public final class ReportRenderer {
    private ReportRenderer() {
    }

    /**
     * Renders {@code result} into {@code outDir}, creating the folder if missing and replacing files
     * of the same names.
     *
     * @param formats which files to write; must not be empty
     * @return the files written, in {@link OutputFormat} order (scan.json, findings.csv, coverage.xlsx)
     * @throws ReportWriteException if the folder cannot be used or a file cannot be written; then no
     *                              file of this render has replaced an older one
     */
    public static List<Path> render(ScanResult result, Path outDir, Set<OutputFormat> formats)
            throws ReportWriteException {
        return render(result, outDir, formats, ReportRenderer::content);
    }

    /** As {@link #render(ScanResult, Path, Set)}, with the writer of each format supplied (tests). */
    static List<Path> render(ScanResult result, Path outDir, Set<OutputFormat> formats,
            BiFunction<OutputFormat, ScanResult, AtomicFiles.Content> writers) throws ReportWriteException {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(outDir, "outDir");
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("no output format requested");
        }
        try (AtomicFiles files = AtomicFiles.in(outDir)) {
            for (OutputFormat format : OutputFormat.values()) {
                if (formats.contains(format)) {
                    files.stage(format.fileName(), writers.apply(format, result));
                }
            }
            return files.commit();
        }
    }

    private static AtomicFiles.Content content(OutputFormat format, ScanResult result) {
        return switch (format) {
            case JSON -> out -> ScanJson.write(result, out);
            case CSV -> out -> CsvTableWriter.write(FindingsTable.of(result), out);
            case XLSX -> out -> WorkbookWriter.standard().write(result, out);
        };
    }
}

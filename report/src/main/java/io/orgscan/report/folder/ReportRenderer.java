package io.orgscan.report.folder;

import io.orgscan.model.ScanResult;
import io.orgscan.report.asff.AsffFindingsWriter;
import io.orgscan.report.asff.SecurityHubTarget;
import io.orgscan.report.csv.CsvTableWriter;
import io.orgscan.report.evidence.Changes;
import io.orgscan.report.evidence.Reconciliation;
import io.orgscan.report.evidence.RenderInput;
import io.orgscan.report.evidence.RunFile;
import io.orgscan.report.evidence.WrittenFile;
import io.orgscan.report.json.ScanJson;
import io.orgscan.report.junit.JunitXmlWriter;
import io.orgscan.report.ocsf.OcsfFindingsWriter;
import io.orgscan.report.table.AccountsTable;
import io.orgscan.report.table.ControlResultTable;
import io.orgscan.report.table.DataDictionaryTable;
import io.orgscan.report.table.ErrorsTable;
import io.orgscan.report.table.FindingsTable;
import io.orgscan.report.table.Table;
import io.orgscan.report.xlsx.WorkbookWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one entry point for outputs: {@code orgscan scan} calls it after a scan, {@code orgscan report}
 * after {@link ScanJson#read}. It writes the run folder: the requested files, then run_manifest.json
 * and SHA256SUMS, which cover whatever was written. Files are written in {@link RunFile} order, which
 * keeps every hash free of cycles (the exports for other tools on a thread of their own, beside
 * scan.json, the CSVs and the workbook: {@link Exports}), into a staging
 * folder that then replaces the run folder as a whole ({@link RunFolder}): a failed render leaves the
 * previous folder as it was, and a render of fewer formats leaves no file of an earlier run behind.
 */
public final class ReportRenderer {
    private final RenderOptions options;
    private final WorkbookWriter workbook;

    private ReportRenderer(RenderOptions options, WorkbookWriter workbook) {
        this.options = Objects.requireNonNull(options, "options");
        this.workbook = Objects.requireNonNull(workbook, "workbook");
    }

    /** As {@link #render(ScanResult, Path, Set, RenderOptions)} with {@link RenderOptions#defaults()}. */
    public static List<Path> render(ScanResult result, Path outDir, Set<OutputFormat> formats)
            throws ReportWriteException {
        return render(result, outDir, formats, RenderOptions.defaults());
    }

    /**
     * Renders {@code result} as the run folder {@code outDir}, replacing the whole folder: opens it
     * ({@link RunFolder#open}), renders ({@link #render(ScanResult, RunFolder, Set, RenderOptions)}) and
     * closes it.
     *
     * @throws FolderInUseException if another orgscan run holds the folder's lock
     */
    public static List<Path> render(ScanResult result, Path outDir, Set<OutputFormat> formats, RenderOptions options)
            throws ReportWriteException {
        return render(result, outDir, formats, options, WorkbookWriter.standard());
    }

    /** As {@link #render(ScanResult, Path, Set, RenderOptions)} with another workbook (tests). */
    static List<Path> render(ScanResult result, Path outDir, Set<OutputFormat> formats, RenderOptions options,
                             WorkbookWriter workbook) throws ReportWriteException {
        Objects.requireNonNull(result, "result");
        requireFormats(formats);
        try (RunFolder folder = RunFolder.open(outDir)) {
            return new ReportRenderer(options, workbook).write(result, folder, formats);
        }
    }

    /**
     * Renders {@code result} into an open run folder and swaps it in ({@link RunFolder#commit}).
     *
     * @param formats which files to write; must not be empty
     * @return the files of the new folder, in {@link RunFile} order
     * @throws ReportWriteException     if a file cannot be written or the folder not swapped in; then the
     *                                  previous folder is as it was
     * @throws IllegalArgumentException if the previous scan of {@code options} cannot be compared
     *                                  ({@link Changes#requireComparable})
     */
    public static List<Path> render(ScanResult result, RunFolder folder, Set<OutputFormat> formats, RenderOptions options)
            throws ReportWriteException {
        Objects.requireNonNull(result, "result");
        requireFormats(formats);
        return new ReportRenderer(options, WorkbookWriter.standard()).write(result, folder, formats);
    }

    private static void requireFormats(Set<OutputFormat> formats) {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("no output format requested");
        }
    }

    private List<Path> write(ScanResult result, RunFolder folder, Set<OutputFormat> formats) throws ReportWriteException {
        RenderInput input = RenderInput.of(result, options.previous());
        boolean csv = formats.contains(OutputFormat.CSV);
        try (Exports exports = Exports.start(exports(result, input, formats), folder)) {
            List<WrittenFile> written = new ArrayList<>();
            if (formats.contains(OutputFormat.JSON)) {
                written.add(folder.stage(RunFile.SCAN_JSON.fileName(), out -> ScanJson.write(result, out)));
            }
            if (csv) {
                written.add(csv(folder, RunFile.FINDINGS_CSV, FindingsTable.of(input)));
                written.add(csv(folder, RunFile.ACCOUNTS_CSV, AccountsTable.of(input)));
                written.add(csv(folder, RunFile.ERRORS_CSV, ErrorsTable.of(input)));
                written.add(csv(folder, RunFile.DATA_DICTIONARY_CSV, DataDictionaryTable.of(input)));
            }
            RenderInput beforeExports = input.withFiles(written);
            Map<String, Long> sheetRows = new HashMap<>();
            WrittenFile workbookFile = null;
            if (formats.contains(OutputFormat.XLSX)) {
                try {
                    workbookFile = folder.stage(RunFile.WORKBOOK.fileName(),
                            out -> sheetRows.putAll(workbook.write(beforeExports, exports, out)));
                } catch (ReportWriteException e) {
                    throw exports.failure().orElse(e);
                }
            }
            written.addAll(exports.files());
            RenderInput beforeWorkbook = input.withFiles(written);
            if (workbookFile != null) {
                written.add(workbookFile);
            }
            Reconciliation reconciliation = Reconciliation.of(beforeWorkbook, sheetRows);
            if (csv) {
                written.add(csv(folder, RunFile.CONTROL_RESULT_CSV, ControlResultTable.of(
                        new ControlResultTable.Result(beforeWorkbook, reconciliation, workbookFile))));
            }
            RenderInput complete = input.withFiles(written);
            List<WrittenFile> beforeManifest = List.copyOf(written);
            written.add(folder.stage(RunFile.RUN_MANIFEST.fileName(),
                    RunManifest.of(complete, reconciliation, beforeManifest, options)::write));
            List<WrittenFile> all = List.copyOf(written);
            folder.stage(RunFile.SHA256SUMS.fileName(), out -> Sha256Sums.write(all, out));
            List<Path> files = new ArrayList<>(folder.commit());
            files.sort(Comparator.comparing(file -> RunFile.named(file.getFileName().toString())));
            return files;
        }
    }

    /** The exports for other tools that {@code formats} ask for, in {@link RunFile} order ({@link Exports}). */
    private List<Exports.Export> exports(ScanResult result, RenderInput input, Set<OutputFormat> formats) {
        List<Exports.Export> exports = new ArrayList<>();
        if (formats.contains(OutputFormat.OCSF)) {
            exports.add(new Exports.Export(RunFile.FINDINGS_OCSF_JSON, out -> OcsfFindingsWriter.write(input, out)));
        }
        if (formats.contains(OutputFormat.ASFF)) {
            SecurityHubTarget target = SecurityHubTarget.of(result.metadata(), options.securityHubAccount(),
                    options.securityHubRegion());
            exports.add(new Exports.Export(RunFile.ASFF_JSON, out -> AsffFindingsWriter.write(input, target, out)));
        }
        if (formats.contains(OutputFormat.JUNIT)) {
            exports.add(new Exports.Export(RunFile.JUNIT_XML, out -> JunitXmlWriter.write(input, out)));
        }
        return exports;
    }

    private static <R> WrittenFile csv(RunFolder folder, RunFile file, Table<R> table) throws ReportWriteException {
        long[] rows = new long[1];
        WrittenFile written = folder.stage(file.fileName(), out -> rows[0] = CsvTableWriter.write(table, out));
        return written.withRows(rows[0]);
    }
}

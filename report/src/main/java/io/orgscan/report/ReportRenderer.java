package io.orgscan.report;

import io.orgscan.model.ScanResult;
import io.orgscan.report.csv.CsvTableWriter;
import io.orgscan.report.json.ScanJson;
import io.orgscan.report.xlsx.WorkbookWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The one entry point for outputs: {@code orgscan scan} calls it after a scan, {@code orgscan report}
 * after {@link ScanJson#read}. It writes the run folder: the requested files, then run_manifest.json
 * and SHA256SUMS, which cover whatever was written. A file's hash is taken only by files later in
 * {@link RunFile} order, which keeps every hash free of cycles: scan.json and the CSVs are written
 * on a second thread while the workbook is written (its Cover, which lists them, waits for them
 * last). All files are fully written before any is renamed into place ({@link AtomicFiles}), so a
 * failed render leaves the previous run's files as they were.
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
     * Renders {@code result} into {@code outDir}, creating the folder if missing and replacing files
     * of the same names.
     *
     * @param formats which files to write; must not be empty
     * @return the files written, in {@link RunFile} order
     * @throws ReportWriteException     if the folder cannot be used or a file cannot be written; then no
     *                                  file of this render has replaced an older one
     * @throws IllegalArgumentException if the previous scan of {@code options} cannot be compared
     *                                  ({@link Changes#requireComparable})
     */
    public static List<Path> render(ScanResult result, Path outDir, Set<OutputFormat> formats, RenderOptions options)
            throws ReportWriteException {
        return new ReportRenderer(options, WorkbookWriter.standard()).write(result, outDir, formats);
    }

    /** As {@link #render(ScanResult, Path, Set, RenderOptions)} with another workbook (tests). */
    static List<Path> render(ScanResult result, Path outDir, Set<OutputFormat> formats, RenderOptions options,
                             WorkbookWriter workbook) throws ReportWriteException {
        return new ReportRenderer(options, workbook).write(result, outDir, formats);
    }

    private List<Path> write(ScanResult result, Path outDir, Set<OutputFormat> formats) throws ReportWriteException {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(outDir, "outDir");
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("no output format requested");
        }
        Evidence evidence = Evidence.of(result, options.previous());
        boolean csv = formats.contains(OutputFormat.CSV);
        try (AtomicFiles files = AtomicFiles.in(outDir)) {
            UpToWorkbook first = writeUpToWorkbook(files, evidence, formats);
            List<WrittenFile> written = new ArrayList<>(first.data());
            Evidence beforeWorkbook = evidence.withFiles(first.data());
            if (first.workbook() != null) {
                written.add(first.workbook());
            }
            Reconciliation reconciliation = Reconciliation.of(beforeWorkbook, first.sheetRows());
            if (csv) {
                written.add(csv(files, RunFile.CONTROL_RESULT_CSV, ControlResultTable.of(
                        new ControlResultTable.Result(beforeWorkbook, reconciliation, first.workbook()))));
            }
            Evidence complete = evidence.withFiles(written);
            List<WrittenFile> beforeManifest = List.copyOf(written);
            written.add(files.stage(RunFile.RUN_MANIFEST.fileName(),
                    out -> RunManifest.write(complete, reconciliation, beforeManifest, options, out)));
            List<WrittenFile> all = List.copyOf(written);
            files.stage(RunFile.SHA256SUMS.fileName(), out -> Sha256Sums.write(all, out));
            List<Path> committed = new ArrayList<>(files.commit());
            committed.sort(Comparator.comparing(path -> RunFile.named(path.getFileName().toString())));
            return List.copyOf(committed);
        }
    }

    /**
     * The files up to the workbook: the files before it and the workbook itself.
     *
     * @param data      scan.json and the CSVs written, in {@link RunFile} order
     * @param workbook  the workbook written, or null when not asked for
     * @param sheetRows the workbook's data rows per sheet (empty without a workbook)
     */
    private record UpToWorkbook(List<WrittenFile> data, WrittenFile workbook, Map<String, Long> sheetRows) {
    }

    /**
     * scan.json and the CSVs are written on a thread of their own while this one writes the
     * workbook, which needs nothing of them but what its Cover lists, and takes that last
     * ({@link FilesBeforeWorkbook}).
     */
    private UpToWorkbook writeUpToWorkbook(AtomicFiles files, Evidence evidence, Set<OutputFormat> formats)
            throws ReportWriteException {
        List<RunFile> dataFiles = Arrays.stream(RunFile.values())
                .filter(f -> f.ordinal() < RunFile.WORKBOOK.ordinal() && f.format().map(formats::contains).orElse(false))
                .toList();
        FutureTask<List<WrittenFile>> data = new FutureTask<>(() -> writeData(files, evidence, dataFiles));
        Thread dataThread = new Thread(data, "orgscan-report-data");
        dataThread.start();
        Map<String, Long> sheetRows = new HashMap<>();
        WrittenFile workbookFile = null;
        try {
            if (formats.contains(OutputFormat.XLSX)) {
                FilesBeforeWorkbook before = new FilesBeforeWorkbook(dataFiles.stream().map(RunFile::fileName).toList(), data);
                workbookFile = files.stage(RunFile.WORKBOOK.fileName(),
                        out -> sheetRows.putAll(workbook.write(evidence, before, out)));
            }
        } catch (ReportWriteException | RuntimeException e) {
            Threads.awaitQuietly(dataThread);
            throwFailureOf(data); // the first failure, which the workbook may have waited for in vain
            throw e;
        } finally {
            Threads.awaitQuietly(dataThread); // before closing the batch deletes what the thread staged
        }
        throwFailureOf(data);
        return new UpToWorkbook(outcome(data), workbookFile, Map.copyOf(sheetRows));
    }

    /** scan.json and the CSVs before the workbook, in {@link RunFile} order. */
    private static List<WrittenFile> writeData(AtomicFiles files, Evidence evidence, List<RunFile> dataFiles)
            throws ReportWriteException {
        List<WrittenFile> written = new ArrayList<>();
        for (RunFile file : dataFiles) {
            written.add(switch (file) {
                case SCAN_JSON -> files.stage(file.fileName(), out -> ScanJson.write(evidence.scan(), out));
                case FINDINGS_CSV -> csv(files, file, FindingsTable.of(evidence));
                case ACCOUNTS_CSV -> csv(files, file, AccountsTable.of(evidence));
                case ERRORS_CSV -> csv(files, file, ErrorsTable.of(evidence));
                case DATA_DICTIONARY_CSV -> csv(files, file, DataDictionaryTable.of(evidence));
                default -> throw new IllegalArgumentException(file + " is not written before the workbook");
            });
        }
        return written;
    }

    private static Optional<Throwable> failureOf(FutureTask<?> task) {
        try {
            task.get();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(e.getCause());
        } catch (InterruptedException | CancellationException e) {
            return Optional.of(e);
        }
    }

    /** Rethrows what failed the finished {@code task}, as it was thrown there. */
    private static void throwFailureOf(FutureTask<?> task) throws ReportWriteException {
        Optional<Throwable> failure = failureOf(task);
        if (failure.isEmpty()) {
            return;
        }
        Throwable cause = failure.get();
        if (cause instanceof ReportWriteException e) {
            throw e;
        }
        if (cause instanceof RuntimeException e) {
            throw e;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("writing the files before the workbook failed", cause);
    }

    private static <T> T outcome(FutureTask<T> finished) {
        try {
            return finished.get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("the task has finished successfully", e);
        }
    }

    private static <R> WrittenFile csv(AtomicFiles files, RunFile file, Table<R> table) throws ReportWriteException {
        long[] rows = new long[1];
        WrittenFile written = files.stage(file.fileName(), out -> rows[0] = CsvTableWriter.write(table, out));
        return written.withRows(rows[0]);
    }
}

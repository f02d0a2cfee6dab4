package io.orgscan.report;

import java.util.Optional;

/**
 * Every file of a run folder, in the order they are written. The order keeps every hash free of
 * cycles: the CSVs come first, then the workbook (its Cover shows their SHA-256), then
 * control_result.csv (it carries the workbook's SHA-256, so the workbook cannot show it), then
 * run_manifest.json (hashes of all of those), then SHA256SUMS (hashes of every file, the manifest
 * included). No file contains its own hash.
 */
public enum RunFile {
    SCAN_JSON("scan.json", OutputFormat.JSON),
    FINDINGS_CSV("findings.csv", OutputFormat.CSV),
    ACCOUNTS_CSV("accounts.csv", OutputFormat.CSV),
    ERRORS_CSV("errors.csv", OutputFormat.CSV),
    DATA_DICTIONARY_CSV("data_dictionary.csv", OutputFormat.CSV),
    WORKBOOK("coverage.xlsx", OutputFormat.XLSX),
    CONTROL_RESULT_CSV("control_result.csv", OutputFormat.CSV),
    /** Always written. */
    RUN_MANIFEST("run_manifest.json", null),
    /** Always written, last. */
    SHA256SUMS("SHA256SUMS", null);

    private final String fileName;
    private final OutputFormat format;

    RunFile(String fileName, OutputFormat format) {
        this.fileName = fileName;
        this.format = format;
    }

    /** The file's name inside the run folder. */
    public String fileName() {
        return fileName;
    }

    /** The format that asks for the file; empty for the files every render writes. */
    public Optional<OutputFormat> format() {
        return Optional.ofNullable(format);
    }
}

package io.orgscan.report.folder;

import io.orgscan.report.evidence.RunFile;

/**
 * The kinds of output {@code --format} chooses. Each stands for one or more files of the run folder
 * ({@link RunFile}); run_manifest.json and SHA256SUMS are always written and cover whatever was.
 */
public enum OutputFormat {
    /** {@code scan.json}: the evidence of record, which {@code orgscan report} reads back to re-render. */
    JSON,
    /** Every CSV: findings.csv, accounts.csv, errors.csv, data_dictionary.csv and control_result.csv. */
    CSV,
    /** {@code coverage.xlsx}: the workbook for auditors. */
    XLSX,
    /** {@code findings.ocsf.json}: one OCSF 1.6 Compliance Finding per cell, for security data lakes and SIEMs. */
    OCSF,
    /** {@code findings.asff.json}: batches for Security Hub's BatchImportFindings. Not in the default set. */
    ASFF,
    /** {@code junit.xml}: the matrix as a JUnit XML report for CI servers. Not in the default set. */
    JUNIT
}

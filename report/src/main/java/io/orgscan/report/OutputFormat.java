package io.orgscan.report;

/** The files {@link ReportRenderer} can write. Each has a fixed name inside the output folder. */
public enum OutputFormat {
    /** {@code scan.json}: the evidence of record, which {@code orgscan report} reads back to re-render. */
    JSON("scan.json"),
    /** {@code findings.csv}: one row per account x region for GRC imports, a fixed-header contract. */
    CSV("findings.csv"),
    /** {@code coverage.xlsx}: the workbook for auditors (Matrix and Findings sheets). */
    XLSX("coverage.xlsx");

    private final String fileName;

    OutputFormat(String fileName) {
        this.fileName = fileName;
    }

    /** The file's name inside the output folder. */
    public String fileName() {
        return fileName;
    }
}

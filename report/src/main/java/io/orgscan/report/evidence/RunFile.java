package io.orgscan.report.evidence;

/**
 * Every file of a run folder, in the order they are written. The order keeps every hash free of
 * cycles: the CSVs, findings.ocsf.json, findings.asff.json and junit.xml come first, then the workbook (its Cover shows their SHA-256), then
 * control_result.csv (it carries the workbook's SHA-256, so the workbook cannot show it), then
 * run_manifest.json (hashes of all of those), then SHA256SUMS (hashes of every file, the manifest
 * included). No file contains its own hash.
 */
public enum RunFile {
    SCAN_JSON("scan.json"),
    FINDINGS_CSV("findings.csv"),
    ACCOUNTS_CSV("accounts.csv"),
    ERRORS_CSV("errors.csv"),
    DATA_DICTIONARY_CSV("data_dictionary.csv"),
    FINDINGS_OCSF_JSON("findings.ocsf.json"),
    ASFF_JSON("findings.asff.json"),
    JUNIT_XML("junit.xml"),
    WORKBOOK("coverage.xlsx"),
    CONTROL_RESULT_CSV("control_result.csv"),
    /** Always written. */
    RUN_MANIFEST("run_manifest.json"),
    /** Always written, last. */
    SHA256SUMS("SHA256SUMS");

    private final String fileName;

    RunFile(String fileName) {
        this.fileName = fileName;
    }

    /** The file of that name. @throws IllegalArgumentException if a run folder has no file of that name */
    public static RunFile named(String fileName) {
        for (RunFile file : values()) {
            if (file.fileName.equals(fileName)) {
                return file;
            }
        }
        throw new IllegalArgumentException("not a file of a run folder: " + fileName);
    }

    /** The file's name inside the run folder. */
    public String fileName() {
        return fileName;
    }
}

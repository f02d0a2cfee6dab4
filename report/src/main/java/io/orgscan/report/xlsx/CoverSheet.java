package io.orgscan.report.xlsx;

import io.orgscan.model.ScanMetadata;
import io.orgscan.report.evidence.Control;
import io.orgscan.report.evidence.CoverageCounts;
import io.orgscan.report.evidence.Reconciliation;
import io.orgscan.report.evidence.RenderInput;
import io.orgscan.report.evidence.RunFile;
import io.orgscan.report.evidence.WrittenFile;
import io.orgscan.report.table.FindingsTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * The Cover: what the workbook is evidence of (the control and its identifiers in each framework),
 * of which organization, when, by whom, with which tool; the files of the run with their rows and
 * SHA-256; and how to verify them. It cannot show its own hash nor control_result.csv's (which
 * carries the workbook's): it says so.
 */
public final class CoverSheet implements SheetWriter {
    public static final String NAME = "Cover";

    /** The sheets of the workbook and what each is for, shown on the Cover as a table of contents. */
    static final String[][] SHEETS = {
            {"Cover", "This page: the control, the run, the files and how to verify them."},
            {"Summary", "Counts per status, coverage, accounts fully covered, a chart, per OU and per region; "
                    + "changes since the previous run when compared."},
            {"Method", "The procedure step by step, the decision table, the policy in force, known limitations."},
            {"Parameters", "Every parameter of the scan, its value and whether it came from a default or the command line."},
            {"Reconciliation", "Completeness checks: each with expected, actual and PASS/FAIL."},
            {"Accounts", "One row per account listed (accounts.csv)."},
            {"Findings", "One row per account x region (findings.csv)."},
            {"Matrix", "Accounts x regions, status codes coloured."},
            {"Exceptions", "NON_COMPLIANT and INSUFFICIENT_DATA findings with columns for owner, disposition, ticket, "
                    + "target date (YYYY-MM-DD), comment and approver, filled from an exceptions register if given; "
                    + "give the filled-in workbook to the next scan as --exceptions."},
            {"Errors", "One row per failed AWS call (errors.csv)."},
            {"Legend", "Statuses, reasons, colours, their names in Security Hub, OCSF and AWS Config; every CSV column."},
            {"Sign-off", "Prepared by, reviewed by, approved by: for people."}};

    @Override
    public void write(RenderInput input, WorkbookContext workbook) {
        ScanMetadata scan = input.scan().metadata();
        CoverageCounts counts = input.counts();
        Control control = input.control();
        SXSSFSheet sheet = workbook.createSheet(NAME);
        WorkbookContext.setWidth(sheet, 0, 44);
        WorkbookContext.setWidth(sheet, 1, 90);
        WorkbookContext.setWidth(sheet, 2, 12);
        WorkbookContext.setWidth(sheet, 3, 14);
        SheetBlocks blocks = new SheetBlocks(workbook, sheet);

        blocks.title("IAM Access Analyzer coverage of organization " + scan.organizationId() + ": audit evidence");
        blocks.note("Scan " + scan.scanId() + ", " + FindingsTable.timestamp(scan.startedAt()) + " to "
                + FindingsTable.timestamp(scan.finishedAt()) + " (UTC).");

        blocks.section("Control");
        blocks.pair("Control tested", control.statement());
        blocks.pair(control.cisBenchmark(), control.title());
        for (Control.CisReference reference : control.cisReferences()) {
            blocks.pair("CIS AWS Foundations v" + reference.version(), reference.recommendation() + "  "
                    + reference.title());
        }
        blocks.pair("Source of the CIS numbers", "Prowler's CIS mappings (prowler-cloud/prowler, "
                + "prowler/compliance/aws/cis_<version>_aws.json; commits in run_manifest.json). "
                + control.cisNotConfirmed());
        blocks.pair("AWS Security Hub control", control.securityHubControlId());
        blocks.pair("AWS Config managed rule", control.configRuleName() + " (" + control.configRuleIdentifier() + ")");

        blocks.section("Run");
        blocks.pair("Organization ID", scan.organizationId());
        blocks.pair("Management account", scan.managementAccountId());
        blocks.pair("IAM Access Analyzer delegated administrator", scan.delegatedAdministratorId() == null
                ? "none (or not readable: see the Errors sheet)" : scan.delegatedAdministratorId());
        blocks.pair("Partition", scan.partition());
        blocks.pair("Scan started (UTC)", FindingsTable.timestamp(scan.startedAt()));
        blocks.pair("Scan finished (UTC)", FindingsTable.timestamp(scan.finishedAt()));
        blocks.pair("Run id (scan id)", scan.scanId());
        blocks.pair("Tool", scan.toolName() + " " + scan.toolVersion());
        blocks.pair("Run by (caller ARN)", scan.callerArn());
        blocks.pair("Run from account", scan.callerAccountId());
        blocks.pair("Policy in force", scan.policy().name().toLowerCase(Locale.ROOT) + " (see the Method sheet)");
        blocks.pair("Control result", counts.controlResult().name());
        counts.controlResultReason().ifPresent(why -> blocks.pair("Control result reason", why));
        blocks.pair("Scan complete", counts.scanComplete() ? "yes: no INSUFFICIENT_DATA row, no failed AWS call"
                : counts.controlResultReason().map(why -> "no: the run checked nothing it could pass on")
                        .orElse("no: " + counts.rows(io.orgscan.model.ComplianceStatus.INSUFFICIENT_DATA)
                                + " INSUFFICIENT_DATA rows, " + counts.errors() + " failed AWS calls (Errors sheet)"));
        Row reconciliation = blocks.row();
        WorkbookContext.setText(reconciliation, 0, "Reconciliation", workbook.labelStyle());
        workbook.afterAllSheets(complete -> {
            Reconciliation checks = workbook.reconciliation(complete);
            long failed = checks.checks().stream().filter(c -> !c.passed()).count();
            WorkbookContext.setText(reconciliation, 1, checks.result() + ": " + (checks.checks().size() - failed) + " of "
                    + checks.checks().size() + " checks passed (Reconciliation sheet)", workbook.wrappedStyle());
        });

        blocks.section("Files of this run");
        blocks.header("File", "SHA-256", "Rows", "Bytes");
        for (WrittenFile file : input.files()) {
            fileRow(blocks, blocks.row(), file);
        }
        // Files written beside the workbook get their rows now and their values once they are done.
        List<Row> besideRows = new ArrayList<>();
        for (int i = 0; i < workbook.filesBeside().names().size(); i++) {
            besideRows.add(blocks.row());
        }
        workbook.afterAllSheets(complete -> {
            List<WrittenFile> beside = complete.files().subList(input.files().size(), complete.files().size());
            for (int i = 0; i < besideRows.size(); i++) {
                fileRow(blocks, besideRows.get(i), beside.get(i));
            }
        });
        if (input.files().isEmpty() && besideRows.isEmpty()) {
            blocks.note("No other file was written before this workbook (--format).");
        }
        blocks.paragraph(1, "Written after this workbook, so not listed above: " + RunFile.WORKBOOK.fileName()
                + " itself (a file cannot contain its own hash), " + RunFile.CONTROL_RESULT_CSV.fileName()
                + " (it carries this workbook's SHA-256, so this workbook cannot carry its), "
                + RunFile.RUN_MANIFEST.fileName() + " and " + RunFile.SHA256SUMS.fileName()
                + ", which list the size and SHA-256 of every file of the run.");

        blocks.section("How to verify");
        blocks.values("1. Integrity", "In the run folder: sha256sum -c SHA256SUMS (GNU coreutils; on macOS "
                + "shasum -a 256 -c SHA256SUMS). Every line must end in OK.");
        blocks.values("2. This workbook's CSVs", "The SHA-256 in the table above must equal the CSVs' lines in SHA256SUMS.");
        blocks.values("3. Re-performance", "orgscan report scan.json --out-dir <new folder> renders every file again "
                + "from scan.json, without AWS access: the CSVs come out identical byte for byte, the workbook "
                + "identical in every cell.");
        blocks.values("4. Completeness", "Every check on the Reconciliation sheet must show PASS.");

        blocks.section("Sheets");
        blocks.header("Sheet", "Contents");
        for (String[] entry : SHEETS) {
            blocks.values(entry[0], entry[1]);
        }
        // The Reconciliation line is filled in after every sheet is written: its row must still be
        // in the streaming window then, not flushed to disk (where a late cell would be lost).
        if (blocks.nextRow() >= WorkbookWriter.ROW_WINDOW) {
            throw new IllegalStateException("the Cover outgrew the streaming window of " + WorkbookWriter.ROW_WINDOW
                    + " rows");
        }
    }

    private static void fileRow(SheetBlocks blocks, Row row, WrittenFile file) {
        blocks.values(row, file.name(), file.sha256(), file.rows(), file.bytes());
    }
}

package io.orgscan.report.table;

import static io.orgscan.report.table.ColumnType.ACCOUNT_ID;
import static io.orgscan.report.table.ColumnType.BOOLEAN;
import static io.orgscan.report.table.ColumnType.DECIMAL;
import static io.orgscan.report.table.ColumnType.ENUM;
import static io.orgscan.report.table.ColumnType.FREE_TEXT;
import static io.orgscan.report.table.ColumnType.IDENTIFIER;
import static io.orgscan.report.table.ColumnType.INTEGER;
import static io.orgscan.report.table.ColumnType.TIMESTAMP;

import io.orgscan.model.AccountState;
import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.ScanMetadata;
import io.orgscan.report.evidence.CoverageCounts;
import io.orgscan.report.evidence.CoverageCounts.AccountSummary;
import io.orgscan.report.evidence.RenderInput;
import java.util.List;

/**
 * accounts.csv and the Accounts sheet: one row per account Organizations listed (the population),
 * with its scope, its counts per status and its own result ({@link ComplianceStatus#overall}).
 */
public final class AccountsTable implements Table<AccountSummary> {
    public static final int SCHEMA_VERSION = 1;

    private final RenderInput input;
    private final List<Column<AccountSummary>> columns;

    private AccountsTable(RenderInput input) {
        this.input = input;
        ScanMetadata scan = input.scan().metadata();
        String schemaVersion = Integer.toString(SCHEMA_VERSION);
        String evaluatedAt = FindingsTable.timestamp(scan.finishedAt());
        String regions = Integer.toString(input.counts().regions());
        this.columns = List.of(
                Column.<AccountSummary>of("schema_version", 9, INTEGER, a -> schemaVersion).allowing(schemaVersion)
                        .meaning("Version of these columns; a change other than appending a column increases it."),
                Column.<AccountSummary>of("scan_id", 38, IDENTIFIER, a -> scan.scanId()).allowing("UUID")
                        .meaning("The scan this row comes from."),
                Column.<AccountSummary>of("organization_id", 16, IDENTIFIER, a -> scan.organizationId()).allowing("o-...")
                        .meaning("The AWS Organization."),
                Column.<AccountSummary>of("account_id", 15, ACCOUNT_ID, a -> a.account().id()).allowing("12 digits")
                        .meaning("The account; key for upserts; import as text."),
                Column.<AccountSummary>of("account_name", 30, FREE_TEXT, a -> a.account().name()).optional()
                        .meaning("The account name; neutralised."),
                Column.<AccountSummary>of("account_state", 14, ENUM, a -> a.account().state().name())
                        .allowing(AccountState.class).meaning("The account's State in Organizations."),
                Column.<AccountSummary>of("ou_path", 40, FREE_TEXT, a -> a.account().ouPath()).optional()
                        .meaning("OU names from the root to the account's parent, joined by /; neutralised."),
                Column.<AccountSummary>of("is_management_account", 12, BOOLEAN,
                                a -> Boolean.toString(a.account().management())).allowing("true|false")
                        .meaning("The organization's management account."),
                Column.<AccountSummary>of("is_delegated_administrator", 12, BOOLEAN,
                                a -> Boolean.toString(a.account().delegatedAdministrator())).allowing("true|false")
                        .meaning("The IAM Access Analyzer delegated administrator."),
                Column.<AccountSummary>of("in_scope", 9, BOOLEAN,
                                a -> Boolean.toString(a.scope() == CoverageCounts.Scope.IN_SCOPE)).allowing("true|false")
                        .meaning("ACTIVE and not left out by the scope parameters: its regions were evaluated."),
                Column.<AccountSummary>of("scope_reason", 19, ENUM, a -> a.scope().name()).allowing(CoverageCounts.Scope.class)
                        .meaning("IN_SCOPE, ACCOUNT_NOT_ACTIVE (not contacted) or EXCLUDED (by --accounts, "
                                + "--exclude-accounts, --ous or --exclude-regions)."),
                Column.<AccountSummary>of("regions_total", 9, INTEGER, a -> regions)
                        .meaning("Rows of this account in findings.csv: the region universe."),
                Column.<AccountSummary>of("regions_compliant", 11, INTEGER,
                        a -> count(a, ComplianceStatus.COMPLIANT)).meaning("Rows COMPLIANT."),
                Column.<AccountSummary>of("regions_non_compliant", 11, INTEGER,
                        a -> count(a, ComplianceStatus.NON_COMPLIANT)).meaning("Rows NON_COMPLIANT."),
                Column.<AccountSummary>of("regions_not_applicable", 11, INTEGER,
                        a -> count(a, ComplianceStatus.NOT_APPLICABLE)).meaning("Rows NOT_APPLICABLE."),
                Column.<AccountSummary>of("regions_insufficient_data", 11, INTEGER,
                        a -> count(a, ComplianceStatus.INSUFFICIENT_DATA)).meaning("Rows INSUFFICIENT_DATA."),
                Column.<AccountSummary>of("coverage_pct", 10, DECIMAL,
                                a -> CoverageCounts.coverageText(a.cells().coverage())).optional().allowing("0.00..100.00")
                        .meaning("compliant / (compliant + non_compliant + insufficient_data) x 100, two decimals; "
                                + "empty when no row applies."),
                Column.<AccountSummary>of("account_result", 19, ENUM, a -> a.cells().result().name())
                        .allowing(ComplianceStatus.class)
                        .meaning("NON_COMPLIANT if any row is; else INSUFFICIENT_DATA if any row is; else COMPLIANT if "
                                + "any row is; else NOT_APPLICABLE."),
                Column.<AccountSummary>of("evaluated_at", 21, TIMESTAMP, a -> evaluatedAt)
                        .meaning("When the scan finished (UTC, to the second)."));
    }

    public static AccountsTable of(RenderInput input) {
        return new AccountsTable(input);
    }

    private static String count(AccountSummary account, ComplianceStatus status) {
        return Long.toString(account.cells().count(status));
    }

    @Override
    public List<Column<AccountSummary>> columns() {
        return columns;
    }

    @Override
    public Iterable<AccountSummary> rows() {
        return input.counts().accounts();
    }
}

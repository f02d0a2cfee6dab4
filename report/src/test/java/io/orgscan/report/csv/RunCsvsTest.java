package io.orgscan.report.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.model.Reason;
import io.orgscan.model.ScanResult;
import io.orgscan.report.folder.OutputFormat;
import io.orgscan.report.folder.ReportRenderer;
import io.orgscan.report.table.SpreadsheetText;
import io.orgscan.report.testkit.CsvReader;
import io.orgscan.report.testkit.ScanFixture;
import io.orgscan.report.testkit.WorkbookReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** accounts.csv, errors.csv, control_result.csv and data_dictionary.csv, read back by an independent parser. */
class RunCsvsTest {
    static final List<String> CSVS = List.of("findings.csv", "accounts.csv", "errors.csv", "control_result.csv",
            "data_dictionary.csv");

    @TempDir
    Path temp;
    /** The run folder; its lock file sits beside it, in {@link #temp}. */
    Path dir;

    Map<String, List<CSVRecord>> render(ScanResult result) throws Exception {
        dir = temp.resolve("run");
        ReportRenderer.render(result, dir, EnumSet.of(OutputFormat.CSV, OutputFormat.XLSX));
        Map<String, List<CSVRecord>> files = new LinkedHashMap<>();
        for (String name : CSVS) {
            files.put(name, CsvReader.parse(Files.readAllBytes(dir.resolve(name))));
        }
        return files;
    }

    @Test
    void accountsCsvHasOneRowPerAccountWithItsScopeCountsAndResult() throws Exception {
        List<CSVRecord> accounts = render(ScanFixture.rich()).get("accounts.csv");
        assertThat(CsvReader.header(Files.readAllBytes(dir.resolve("accounts.csv")))).containsExactly("schema_version",
                "scan_id", "organization_id", "account_id", "account_name", "account_state", "ou_path",
                "is_management_account", "is_delegated_administrator", "in_scope", "scope_reason", "regions_total",
                "regions_compliant", "regions_non_compliant", "regions_not_applicable", "regions_insufficient_data",
                "coverage_pct", "account_result", "evaluated_at");
        assertThat(accounts).extracting(r -> r.get("account_id")).containsExactly("000000000001", "000000000002",
                "123456789012");
        CSVRecord management = accounts.get(0);
        assertThat(management.get("is_management_account")).isEqualTo("true");
        assertThat(management.get("in_scope")).isEqualTo("true");
        assertThat(management.get("regions_compliant")).isEqualTo("2");
        assertThat(management.get("regions_not_applicable")).isEqualTo("1");
        assertThat(management.get("coverage_pct")).isEqualTo("100.00");
        assertThat(management.get("account_result")).isEqualTo("COMPLIANT");
        CSVRecord delegated = accounts.get(1);
        assertThat(delegated.get("is_delegated_administrator")).isEqualTo("true");
        assertThat(delegated.get("account_name")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(delegated.get("account_result")).isEqualTo("NON_COMPLIANT");
        CSVRecord suspended = accounts.get(2);
        assertThat(suspended.get("in_scope")).isEqualTo("false");
        assertThat(suspended.get("scope_reason")).isEqualTo("ACCOUNT_NOT_ACTIVE");
        assertThat(suspended.get("coverage_pct")).isEmpty();
        assertThat(suspended.get("account_result")).isEqualTo("NOT_APPLICABLE");
    }

    @Test
    void errorsCsvHasOneRowPerFailedCallAndTheRowsItLeftUndecided() throws Exception {
        List<CSVRecord> errors = render(ScanFixture.rich()).get("errors.csv");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).toList().subList(2, 10)).containsExactly("E0001", "000000000002", "eu-central-1",
                "ListAnalyzers", "AccessDeniedException",
                "User: arn:aws:sts::000000000002:assumed-role/OrgScan/x is not authorized", "1", "1");
        assertThat(errors.get(1).toList().subList(2, 10)).containsExactly("E0002", "", "", "ListDelegatedAdministrators",
                "TooManyRequestsException", "Rate exceeded", "5", "0");
    }

    @Test
    void anOrganizationWithoutErrorsGetsAHeaderOnlyErrorsCsv() throws Exception {
        ScanResult clean = ScanFixture.builder().regions("us-east-1").account("012345678901", "A").build();
        render(clean);
        assertThat(Files.readString(dir.resolve("errors.csv"))).isEqualTo("schema_version,scan_id,error_id,account_id,"
                + "region,operation,error_code,error_message,attempts,rows_affected\r\n");
    }

    @Test
    void controlResultCsvIsOneRowWithTheRunsResultAndCounts() throws Exception {
        List<CSVRecord> rows = render(ScanFixture.rich()).get("control_result.csv");
        assertThat(rows).hasSize(1);
        CSVRecord row = rows.get(0);
        assertThat(row.get("result")).isEqualTo("NON_COMPLIANT");
        assertThat(row.get("scan_complete")).isEqualTo("false");
        assertThat(row.get("rows_total")).isEqualTo("9");
        assertThat(row.get("rows_compliant")).isEqualTo("2");
        assertThat(row.get("rows_insufficient_data")).isEqualTo("1");
        assertThat(row.get("coverage_pct")).isEqualTo("50.00");
        assertThat(row.get("accounts_listed")).isEqualTo("3");
        assertThat(row.get("accounts_in_scope")).isEqualTo("2");
        assertThat(row.get("accounts_fully_covered")).isEqualTo("1");
        assertThat(row.get("errors")).isEqualTo("2");
        assertThat(row.get("reconciliation_result")).isEqualTo("PASS");
        assertThat(row.get("security_hub_control_id")).isEqualTo("IAM.28");
        assertThat(row.get("config_rule")).isEqualTo("iam-external-access-analyzer-enabled");
        assertThat(row.get("cis_references")).isEqualTo("1.4:1.20|1.5:1.20|2.0:1.20|3.0:1.20|4.0:1.20|5.0:1.19|6.0:2.19|7.0:2.18");
        assertThat(row.get("scan_started_at")).isEqualTo("2025-09-30T22:00:05Z");
    }

    @Test
    void aRunThatCheckedNothingIsInsufficientDataInControlResultCsvAndTheWorkbook() throws Exception {
        ScanResult nothing = ScanFixture.builder().regions("us-east-1").account("000000000010", "A")
                .cell("000000000010", "us-east-1", Reason.EXCLUDED).build();
        CSVRecord row = render(nothing).get("control_result.csv").get(0);
        assertThat(row.get("result")).isEqualTo("INSUFFICIENT_DATA");
        assertThat(row.get("result_reason")).startsWith("no applicable cell");
        assertThat(row.get("scan_complete")).isEqualTo("false");
        assertThat(row.get("rows_not_applicable")).isEqualTo("1");

        Map<String, List<List<String>>> workbook = WorkbookReader.contents(Files.readAllBytes(dir.resolve("coverage.xlsx")));
        for (String sheet : List.of("Cover", "Summary")) {
            assertThat(value(workbook.get(sheet), "Control result")).as(sheet).isEqualTo("INSUFFICIENT_DATA");
            assertThat(value(workbook.get(sheet), "Control result reason")).as(sheet).startsWith("no applicable cell");
        }
        assertThat(value(workbook.get("Cover"), "Scan complete")).startsWith("no:");
        assertThat(value(workbook.get("Summary"), "Scan complete")).isEqualTo("false");
    }

    @Test
    void aRunThatCheckedSomethingHasAnEmptyResultReasonAndNoReasonRow() throws Exception {
        CSVRecord row = render(ScanFixture.rich()).get("control_result.csv").get(0);
        assertThat(row.get("result_reason")).isEmpty();
        Map<String, List<List<String>>> workbook = WorkbookReader.contents(Files.readAllBytes(dir.resolve("coverage.xlsx")));
        assertThat(value(workbook.get("Cover"), "Control result reason")).isNull();
    }

    /** The value beside {@code label} in column A of a sheet's rows, or null. */
    static String value(List<List<String>> rows, String label) {
        return rows.stream().filter(r -> r.size() > 1 && label.equals(r.get(0))).map(r -> r.get(1)).findFirst()
                .orElse(null);
    }

    @Test
    void theDataDictionaryDescribesEveryColumnOfEveryCsvInOrder() throws Exception {
        Map<String, List<CSVRecord>> files = render(ScanFixture.rich());
        Map<String, List<String>> documented = new LinkedHashMap<>();
        for (CSVRecord entry : files.get("data_dictionary.csv")) {
            documented.computeIfAbsent(entry.get("file"), f -> new ArrayList<>()).add(entry.get("column"));
            assertThat(entry.get("position")).isEqualTo(Integer.toString(documented.get(entry.get("file")).size()));
            assertThat(entry.get("description")).as(entry.get("file") + " " + entry.get("column")).isNotBlank();
            assertThat(entry.get("type")).isNotBlank().isNotEqualTo("input");
            assertThat(entry.get("required")).isIn("true", "false");
        }
        assertThat(documented.keySet()).containsExactly("findings.csv", "accounts.csv", "errors.csv",
                "control_result.csv", "data_dictionary.csv");
        for (String name : CSVS) {
            List<String> header = CsvReader.header(Files.readAllBytes(dir.resolve(name)));
            List<String> columns = documented.get(name);
            if (name.equals("findings.csv")) {
                assertThat(columns.subList(header.size(), columns.size())).containsExactly("previous_status",
                        "status_changed", "exception_disposition", "exception_owner", "exception_ticket",
                        "exception_expires");
                columns = columns.subList(0, header.size());
            }
            if (name.equals("control_result.csv")) {
                assertThat(columns.subList(header.size(), columns.size())).containsExactly(
                        "rows_non_compliant_with_exception", "rows_non_compliant_without_exception");
                columns = columns.subList(0, header.size());
            }
            assertThat(columns).as(name).containsExactlyElementsOf(header);
        }
    }

    @Test
    void requiredColumnsAreNeverEmptyAndFreeTextIsNeutralisedInEveryCsv() throws Exception {
        for (ScanResult result : List.of(ScanFixture.rich(), ScanFixture.hostile())) {
            Map<String, List<CSVRecord>> files = render(result);
            Map<String, Map<String, String>> dictionary = new LinkedHashMap<>();
            for (CSVRecord entry : files.get("data_dictionary.csv")) {
                dictionary.computeIfAbsent(entry.get("file"), f -> new LinkedHashMap<>())
                        .put(entry.get("column"), entry.get("required") + " " + entry.get("type"));
            }
            files.forEach((name, records) -> records.forEach(record -> record.toMap().forEach((column, value) -> {
                String facts = dictionary.get(name).get(column);
                if (facts.startsWith("true")) {
                    assertThat(value).as("%s %s", name, column).isNotEmpty();
                }
                if (facts.endsWith("free_text")) {
                    assertThat(SpreadsheetText.startsWithTrigger(value)).as("%s %s: %s", name, column, value).isFalse();
                }
            })));
        }
    }
}

package io.orgscan.report.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.model.ScanResult;
import io.orgscan.report.table.FindingsTable;
import io.orgscan.report.table.SpreadsheetText;
import io.orgscan.report.testkit.CsvReader;
import io.orgscan.report.testkit.ScanFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class FindingsCsvTest {
    static final String HEADER = "schema_version,scan_id,finding_id,organization_id,account_id,account_name,"
            + "account_state,ou_path,region,region_opt_status,status,reason,detail,analyzer_arns,analyzer_types,"
            + "analyzer_statuses,covered_by_arn,evaluated_at";

    static byte[] csv(ScanResult result) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvTableWriter.write(FindingsTable.of(result), out);
        return out.toByteArray();
    }

    static List<CSVRecord> parse(byte[] bytes) throws IOException {
        assertThat(CsvReader.header(bytes)).containsExactly(HEADER.split(","));
        return CsvReader.parse(bytes);
    }

    @Test
    void startsWithTheExactHeaderLineWithoutABom() throws IOException {
        byte[] bytes = csv(ScanFixture.rich());

        assertThat(bytes[0]).isEqualTo((byte) 's');
        assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith(HEADER + "\r\n");
    }

    @Test
    void everyRecordEndsWithCrLfAndNoLoneCrOrLfAppears() throws IOException {
        String text = new String(csv(ScanFixture.rich()), StandardCharsets.UTF_8);

        assertThat(text).endsWith("\r\n");
        List<String> lines = List.of(text.split("\r\n", -1));
        assertThat(lines).hasSize(1 + 9 + 1).last().isEqualTo("");
        assertThat(lines).noneMatch(line -> line.contains("\r") || line.contains("\n"));
    }

    @Test
    void oneRowPerAccountAndRegionSortedByAccountThenRegion() throws IOException {
        List<CSVRecord> rows = parse(csv(ScanFixture.rich()));

        assertThat(rows).extracting(r -> r.get("account_id") + " " + r.get("region")).containsExactly(
                "000000000001 ap-southeast-7", "000000000001 eu-central-1", "000000000001 us-east-1",
                "000000000002 ap-southeast-7", "000000000002 eu-central-1", "000000000002 us-east-1",
                "123456789012 ap-southeast-7", "123456789012 eu-central-1", "123456789012 us-east-1");
        assertThat(rows).allSatisfy(r -> assertThat(r.size()).isEqualTo(18));
    }

    @Test
    void valuesFollowTheContract() throws IOException {
        Map<String, CSVRecord> rows = parse(csv(ScanFixture.rich())).stream()
                .collect(Collectors.toMap(r -> r.get("finding_id"), r -> r));

        CSVRecord own = rows.get("iam-aa-coverage:aws:000000000001:us-east-1");
        assertThat(own.get("schema_version")).isEqualTo("1");
        assertThat(own.get("scan_id")).isEqualTo("3f2b9c1e-7d4a-4e0b-9a51-2c6d8e0f1a7b");
        assertThat(own.get("organization_id")).isEqualTo("o-abc123def4");
        assertThat(own.get("account_name")).isEqualTo("Management");
        assertThat(own.get("account_state")).isEqualTo("ACTIVE");
        assertThat(own.get("region_opt_status")).isEqualTo("opt-in-not-required");
        assertThat(own.get("status")).isEqualTo("COMPLIANT");
        assertThat(own.get("reason")).isEqualTo("ACTIVE_ACCOUNT_ANALYZER");
        assertThat(own.get("analyzer_arns")).isEqualTo(
                "arn:aws:access-analyzer:us-east-1:000000000001:analyzer/ExternalAccess"
                        + "|arn:aws:access-analyzer:us-east-1:000000000001:analyzer/ExternalAccess-unused");
        assertThat(own.get("analyzer_types")).isEqualTo("ACCOUNT|ACCOUNT_UNUSED_ACCESS");
        assertThat(own.get("analyzer_statuses")).isEqualTo("ACTIVE|ACTIVE");
        assertThat(own.get("covered_by_arn"))
                .isEqualTo("arn:aws:access-analyzer:us-east-1:000000000001:analyzer/ExternalAccess");
        assertThat(own.get("evaluated_at")).isEqualTo("2025-09-30T22:07:41Z");

        CSVRecord org = rows.get("iam-aa-coverage:aws:000000000001:eu-central-1");
        assertThat(org.get("region_opt_status")).isEqualTo("opted-in");
        assertThat(org.get("analyzer_arns")).isEmpty();
        assertThat(org.get("covered_by_arn")).endsWith(":000000000002:analyzer/Org");

        CSVRecord notEnabled = rows.get("iam-aa-coverage:aws:000000000001:ap-southeast-7");
        assertThat(notEnabled.get("status")).isEqualTo("NOT_APPLICABLE");
        assertThat(notEnabled.get("region_opt_status")).isEqualTo("not-opted-in");
        assertThat(notEnabled.get("covered_by_arn")).isEmpty();

        CSVRecord denied = rows.get("iam-aa-coverage:aws:000000000002:eu-central-1");
        assertThat(denied.get("status")).isEqualTo("INSUFFICIENT_DATA");
        assertThat(denied.get("detail")).startsWith("ListAnalyzers: AccessDeniedException: User: arn:aws:sts::");

        CSVRecord excluded = rows.get("iam-aa-coverage:aws:000000000002:ap-southeast-7");
        assertThat(excluded.get("detail")).isEqualTo("'-excluded by --exclude-regions");
        assertThat(excluded.get("region_opt_status")).isEqualTo("unknown");

        CSVRecord suspended = rows.get("iam-aa-coverage:aws:123456789012:us-east-1");
        assertThat(suspended.get("account_state")).isEqualTo("SUSPENDED");
        assertThat(suspended.get("account_name")).isEqualTo("Zürich-Ñandú 東京");
    }

    @Test
    void findingIdCarriesThePartition() throws IOException {
        ScanResult govCloud = ScanFixture.builder().partition("aws-us-gov").regions("us-gov-west-1")
                .account("012345678901", "Gov").build();
        assertThat(parse(csv(govCloud))).singleElement()
                .satisfies(r -> assertThat(r.get("finding_id")).isEqualTo("iam-aa-coverage:aws-us-gov:012345678901:us-gov-west-1"));
    }

    @Test
    void hostileTextSurvivesAsTextWithFormulaTriggersNeutralised() throws IOException {
        ScanResult result = ScanFixture.hostile();
        List<CSVRecord> rows = parse(csv(result));

        assertThat(rows).hasSize(ScanFixture.HOSTILE_TEXT.size());
        for (int i = 0; i < rows.size(); i++) {
            String original = result.matrix().accounts().get(i).name();
            String expected = SpreadsheetText.neutralize(original);
            CSVRecord row = rows.get(i);
            assertThat(row.get("account_name")).as("account_name of %s", original).isEqualTo(expected);
            assertThat(row.get("ou_path")).isEqualTo(expected);
            assertThat(row.get("detail")).isEqualTo(expected);
            for (String column : List.of("account_name", "ou_path", "detail")) {
                assertThat(SpreadsheetText.startsWithTrigger(row.get(column))).as(column + " of " + original).isFalse();
            }
        }
        assertThat(rows.get(0).get("account_name")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(rows.get(4).get("account_name")).isEqualTo("'\t=1+1");
        assertThat(rows.get(7).get("account_name")).isEqualTo("Quote \"inside\", and a comma");
        assertThat(rows.get(8).get("account_name")).isEqualTo("Line\nbreak and\r\nCRLF inside");
        assertThat(rows.get(9).get("account_name")).isEqualTo("Zürich Ålesund 東京 Ñandú 🙂");
        assertThat(rows.get(11).get("account_name")).isEqualTo("'already quoted");
    }

    @Test
    void quotesOnlyWhatRfc4180Requires() throws IOException {
        String text = new String(csv(ScanFixture.hostile()), StandardCharsets.UTF_8);

        assertThat(text).contains(",\"Quote \"\"inside\"\", and a comma\",");
        assertThat(text).contains(",plain,ACTIVE,plain,");
        assertThat(text).contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",");
    }

    @Test
    void theSameScanGivesTheSameBytes() throws IOException {
        assertThat(csv(ScanFixture.rich())).isEqualTo(csv(ScanFixture.rich()));
    }

    @Test
    void anEmptyOrganizationGivesTheHeaderOnly() throws IOException {
        ScanResult empty = ScanFixture.builder().regions("us-east-1").build();
        assertThat(new String(csv(empty), StandardCharsets.UTF_8)).isEqualTo(HEADER + "\r\n");
    }
}

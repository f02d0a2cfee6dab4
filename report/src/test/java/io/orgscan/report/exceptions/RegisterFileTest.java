package io.orgscan.report.exceptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orgscan.model.Disposition;
import io.orgscan.model.ExceptionEntry;
import io.orgscan.model.ExceptionRegister;
import io.orgscan.report.testkit.FileHash;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading a register: both formats, every rule, and one line naming the file and row for each broken one. */
class RegisterFileTest {
    static final String HEADER = "finding_id,account_id,region,disposition,owner,approver,justification,ticket,expires";

    @TempDir
    Path temp;

    Path csv(String... lines) throws Exception {
        Path file = temp.resolve("register.csv");
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aCsvRegisterGivesItsEntriesInOrderWithTheSha256OfItsBytes() throws Exception {
        Path file = csv(HEADER,
                "iam-aa-coverage:aws:111111111111:eu-west-1,,,RISK_ACCEPTED,\"Ops, Sandbox\",CISO,closing 2026,SEC-1,2026-03-31",
                ",,,,,,,,",
                ",111111111111,*,remediate,team-a,,,SEC-2,",
                ",*,us-east-1,False_Positive,=cmd|' /C calc'!A0,,,,");
        ExceptionRegister register = RegisterFile.read(file);

        assertThat(register.fileName()).isEqualTo("register.csv");
        assertThat(register.sha256()).isEqualTo(FileHash.sha256(file));
        assertThat(register.entries()).containsExactly(
                new ExceptionEntry(2, "iam-aa-coverage:aws:111111111111:eu-west-1", null, null, Disposition.RISK_ACCEPTED,
                        "Ops, Sandbox", "CISO", "closing 2026", "SEC-1", LocalDate.of(2026, 3, 31)),
                new ExceptionEntry(4, null, "111111111111", "*", Disposition.REMEDIATE, "team-a", "", "", "SEC-2", null),
                new ExceptionEntry(5, null, "*", "us-east-1", Disposition.FALSE_POSITIVE, "=cmd|' /C calc'!A0", "", "", "",
                        null));
    }

    @Test
    void aCsvWithABomAndOnlySomeColumnsInAnyOrderIsRead() throws Exception {
        Path file = temp.resolve("excel.csv");
        Files.write(file, ("\uFEFFexpires,disposition,finding_id\r\n2026-01-31,RETEST,"
                + "iam-aa-coverage:aws:000000000002:us-east-1\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(RegisterFile.read(file).entries()).singleElement().satisfies(entry -> {
            assertThat(entry.disposition()).isEqualTo(Disposition.RETEST);
            assertThat(entry.expires()).isEqualTo(LocalDate.of(2026, 1, 31));
            assertThat(entry.owner()).isEmpty();
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown disposition|,111111111111,*,ACCEPTED,,,,,|row 2: unknown disposition \"ACCEPTED\", expected one of "
                    + "REMEDIATE, RISK_ACCEPTED, FALSE_POSITIVE, RETEST",
            "no disposition|,111111111111,*,,,,,,|row 2: no disposition",
            "bad date|,111111111111,*,RETEST,,,,,31/12/2026|row 2: expires \"31/12/2026\" is not a date YYYY-MM-DD",
            "impossible date|,111111111111,*,RETEST,,,,,2026-02-30|row 2: expires \"2026-02-30\" is not a date",
            "short account id|,11111111111,*,RETEST,,,,,|row 2: account_id must be 12 digits or *, not \"11111111111\"",
            "account wildcard part|,1111*,*,RETEST,,,,,|row 2: account_id must be 12 digits or *",
            "bad region|,111111111111,eu-*,RETEST,,,,,|row 2: region must be a region name such as eu-west-1 or *, "
                    + "not \"eu-*\"",
            "account without region|,111111111111,,RETEST,,,,,|row 2: give finding_id, or both account_id and region",
            "both selectors|iam-aa-coverage:aws:111111111111:eu-west-1,111111111111,eu-west-1,RETEST,,,,,|row 2: give "
                    + "finding_id or account_id and region, not both",
            "bad finding id|iam-aa-coverage:aws:1:eu-west-1,,,RETEST,,,,,|row 2: finding_id must be "
                    + "iam-aa-coverage:<partition>:<12-digit account id>:<region>",
            "no selector|,,,RETEST,owner,,,,|row 2: no finding_id and no account_id/region",
            "too few fields|,111111111111,*,RETEST|row 2: 4 fields, but the header has 9",
    })
    void aBrokenRowIsOneLineNamingTheFileAndTheRow(String name, String row, String message) throws Exception {
        Path file = csv(HEADER, row);
        assertThatThrownBy(() -> RegisterFile.read(file)).isInstanceOf(RegisterException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aDuplicateFindingIdOrPatternNamesTheLaterRow() throws Exception {
        String id = "iam-aa-coverage:aws:111111111111:eu-west-1";
        Path duplicateId = csv(HEADER, id + ",,,RETEST,,,,,", ",*,*,RETEST,,,,,", id + ",,,REMEDIATE,,,,,");
        assertThatThrownBy(() -> RegisterFile.read(duplicateId))
                .hasMessage(duplicateId + ": row 4: " + id + " is already an entry of an earlier row");
        Path duplicatePattern = csv(HEADER, ",*,*,RETEST,,,,,", ",*,*,REMEDIATE,,,,,");
        assertThatThrownBy(() -> RegisterFile.read(duplicatePattern))
                .hasMessage(duplicatePattern + ": row 3: account_id=* region=* is already an entry of an earlier row");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no disposition column|finding_id,owner|row 1: missing required column \"disposition\"",
            "no selector column|disposition,owner|row 1: missing required column \"finding_id\" (or both \"account_id\" "
                    + "and \"region\")",
            "region without account|disposition,region|row 1: missing required column \"finding_id\" (or both "
                    + "\"account_id\" and \"region\")",
            "misspelt column|finding_id,disposition,expiry|row 1: unknown column \"expiry\" (a register's columns are "
                    + "finding_id, account_id, region, disposition, owner, approver, justification, ticket, expires)",
            "column twice|finding_id,disposition,owner,owner|row 1: column \"owner\" twice",
    })
    void aBrokenHeaderIsRefused(String name, String header, String message) throws Exception {
        Path file = csv(header);
        assertThatThrownBy(() -> RegisterFile.read(file)).isInstanceOf(RegisterException.class)
                .hasMessage(file + ": " + message);
    }

    @Test
    void anUnreadableFileIsOneLine() throws Exception {
        assertThatThrownBy(() -> RegisterFile.read(temp.resolve("missing.csv")))
                .hasMessage(temp.resolve("missing.csv") + ": no such file");
        assertThatThrownBy(() -> RegisterFile.read(temp)).hasMessage(temp + ": is a folder, not an exceptions register");
        Path empty = Files.createFile(temp.resolve("empty.csv"));
        assertThatThrownBy(() -> RegisterFile.read(empty)).hasMessageStartingWith(empty + ": empty: no header row");
        Path binary = temp.resolve("binary.csv");
        Files.write(binary, new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0});
        assertThatThrownBy(() -> RegisterFile.read(binary))
                .hasMessage(binary + ": not UTF-8 text: neither a CSV register nor an xlsx workbook");
        Path huge = temp.resolve("huge.csv");
        try (java.io.RandomAccessFile sparse = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(RegisterFile.MAX_BYTES + 1);
        }
        assertThatThrownBy(() -> RegisterFile.read(huge)).hasMessage(huge + ": 128 MiB: larger than any exceptions "
                + "register (128 MiB at most); is it the right file?");
        Path quote = csv(HEADER, ",*,*,RETEST,\"unclosed,,,,");
        assertThatThrownBy(() -> RegisterFile.read(quote)).hasMessageStartingWith(quote + ": not a valid CSV: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    /** A workbook as people leave it: a header row, rows they decided, rows they did not, and a date cell. */
    Path workbook(java.util.function.Consumer<XSSFSheet> fill) throws Exception {
        Path file = temp.resolve("coverage.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet("Cover");
            XSSFSheet sheet = workbook.createSheet("Exceptions");
            String[] header = {"finding_id", "account_id", "status", "owner", "disposition", "ticket", "target_date",
                    "comment", "approver"};
            XSSFRow first = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                first.createCell(c).setCellValue(header[c]);
            }
            fill.accept(sheet);
            workbook.write(out);
        }
        return file;
    }

    static void row(XSSFSheet sheet, int index, String... values) {
        XSSFRow row = sheet.createRow(index);
        for (int c = 0; c < values.length; c++) {
            if (values[c] != null) {
                row.createCell(c).setCellValue(values[c]);
            }
        }
    }

    @Test
    void aWorkbookRegisterReadsTheDecidedRowsOfItsExceptionsSheet() throws Exception {
        Path file = workbook(sheet -> {
            row(sheet, 1, "iam-aa-coverage:aws:111111111111:eu-west-1", "111111111111", "NON_COMPLIANT", "Ops",
                    "RISK_ACCEPTED", "SEC-1", "2026-03-31", "sandbox closes in March", "CISO");
            row(sheet, 2, "iam-aa-coverage:aws:111111111111:us-east-1", "111111111111", "NON_COMPLIANT", "Ops", "",
                    "", "", "nobody decided yet", "");
            row(sheet, 3, "iam-aa-coverage:aws:222222222222:us-east-1", "222222222222", "INSUFFICIENT_DATA", "Ops",
                    "RETEST", "12345", null, "", "");
            // A person typed the date into a date cell, and the ticket as a number.
            var date = sheet.getWorkbook().createCellStyle();
            date.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("yyyy-mm-dd"));
            var target = sheet.getRow(3).createCell(6);
            target.setCellValue(LocalDate.of(2026, 1, 15));
            target.setCellStyle(date);
            sheet.getRow(3).createCell(5).setCellValue(12345);
        });
        ExceptionRegister register = RegisterFile.read(file);
        assertThat(register.sha256()).isEqualTo(FileHash.sha256(file));
        assertThat(register.entries()).containsExactly(
                new ExceptionEntry(2, "iam-aa-coverage:aws:111111111111:eu-west-1", null, null, Disposition.RISK_ACCEPTED,
                        "Ops", "CISO", "sandbox closes in March", "SEC-1", LocalDate.of(2026, 3, 31)),
                new ExceptionEntry(4, "iam-aa-coverage:aws:222222222222:us-east-1", null, null, Disposition.RETEST,
                        "Ops", "", "", "12345", LocalDate.of(2026, 1, 15)));
    }

    @Test
    void aWorkbookFromBeforeTheApproverColumnOrWithColumnsMovedStillReads() throws Exception {
        Path file = temp.resolve("older.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = workbook.createSheet("Exceptions");
            row(sheet, 0, "A note a person added above the table");
            row(sheet, 1, "disposition", "notes", "finding_id");
            row(sheet, 2, "remediate", "ours", "iam-aa-coverage:aws:111111111111:eu-west-1");
            workbook.write(out);
        }
        assertThat(RegisterFile.read(file).entries()).containsExactly(new ExceptionEntry(3,
                "iam-aa-coverage:aws:111111111111:eu-west-1", null, null, Disposition.REMEDIATE, "", "", "", "", null));
    }

    @Test
    void aWorkbookRegisterRefusesFormulasBadValuesAndAMissingSheet() throws Exception {
        Path formula = workbook(sheet -> {
            row(sheet, 1, "iam-aa-coverage:aws:111111111111:eu-west-1", "", "", "Ops", "RETEST");
            sheet.getRow(1).createCell(6).setCellFormula("TODAY()+90");
        });
        assertThatThrownBy(() -> RegisterFile.read(formula))
                .hasMessage(formula + ": row 2: target_date holds a formula (TODAY()+90); a register holds values only");

        Path badDisposition = workbook(sheet -> row(sheet, 1, "iam-aa-coverage:aws:111111111111:eu-west-1", "", "", "Ops",
                "WONTFIX"));
        assertThatThrownBy(() -> RegisterFile.read(badDisposition))
                .hasMessageStartingWith(badDisposition + ": row 2: unknown disposition \"WONTFIX\"");

        Path badDate = workbook(sheet -> row(sheet, 1, "iam-aa-coverage:aws:111111111111:eu-west-1", "", "", "Ops",
                "RETEST", "", "next quarter"));
        assertThatThrownBy(() -> RegisterFile.read(badDate))
                .hasMessage(badDate + ": row 2: target_date \"next quarter\" is not a date YYYY-MM-DD");

        Path noFinding = workbook(sheet -> row(sheet, 5, "", "", "", "Ops", "REMEDIATE"));
        assertThatThrownBy(() -> RegisterFile.read(noFinding))
                .hasMessage(noFinding + ": row 6: a disposition but no finding_id");

        Path noSheet = temp.resolve("other.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(noSheet)) {
            workbook.createSheet("Findings");
            workbook.write(out);
        }
        assertThatThrownBy(() -> RegisterFile.read(noSheet))
                .hasMessage(noSheet + ": no \"Exceptions\" sheet: not an orgscan coverage.xlsx");

        Path brokenZip = temp.resolve("broken.xlsx");
        Files.write(brokenZip, new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        assertThatThrownBy(() -> RegisterFile.read(brokenZip)).isInstanceOf(RegisterException.class)
                .hasMessageStartingWith(brokenZip + ": not a readable xlsx workbook");
    }
}

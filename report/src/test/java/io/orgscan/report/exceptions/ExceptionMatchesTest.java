package io.orgscan.report.exceptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.model.CellKey;
import io.orgscan.model.Disposition;
import io.orgscan.model.ExceptionEntry;
import io.orgscan.model.ExceptionRegister;
import io.orgscan.model.Reason;
import io.orgscan.model.ScanResult;
import io.orgscan.report.testkit.ScanFixture;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which entry applies where: specificity, expiry on the scan's end day, orphans, and the counts. */
class ExceptionMatchesTest {
    static final String SANDBOX = "111111111111";
    static final String PROD = "222222222222";
    static final String HASH = "0".repeat(64);
    /** ScanFixture's scans finish on 2025-09-30 (UTC). */
    static final LocalDate SCAN_DAY = LocalDate.of(2025, 9, 30);

    /** Two accounts x two regions; every cell NON_COMPLIANT but Prod's eu-west-1. */
    static ScanResult scan(ExceptionEntry... entries) {
        return ScanFixture.builder().regions("eu-west-1", "us-east-1")
                .account(SANDBOX, "Sandbox").account(PROD, "Prod")
                .cell(PROD, "eu-west-1", Reason.ACTIVE_ACCOUNT_ANALYZER)
                .build().withExceptions(new ExceptionRegister("register.csv", HASH, List.of(entries)));
    }

    static ExceptionEntry finding(int row, String account, String region, LocalDate expires) {
        return new ExceptionEntry(row, "iam-aa-coverage:aws:" + account + ":" + region, null, null,
                Disposition.RISK_ACCEPTED, "owner " + row, "", "", "T-" + row, expires);
    }

    static ExceptionEntry pattern(int row, String account, String region, LocalDate expires) {
        return new ExceptionEntry(row, null, account, region, Disposition.REMEDIATE, "owner " + row, "", "", "T-" + row,
                expires);
    }

    static int rowApplying(ExceptionMatches matches, String account, String region) {
        return matches.applying(new CellKey(account, region)).map(ExceptionEntry::row).orElse(0);
    }

    @Test
    void theMostSpecificEntryApplies() {
        ExceptionMatches matches = ExceptionMatches.of(scan(
                pattern(2, "*", "*", null),
                pattern(3, "*", "us-east-1", null),
                pattern(4, SANDBOX, "*", null),
                pattern(5, SANDBOX, "us-east-1", null),
                finding(6, SANDBOX, "us-east-1", null)));
        assertThat(rowApplying(matches, SANDBOX, "us-east-1")).isEqualTo(6);
        assertThat(rowApplying(matches, SANDBOX, "eu-west-1")).isEqualTo(4);
        assertThat(rowApplying(matches, PROD, "us-east-1")).isEqualTo(3);
        assertThat(rowApplying(matches, PROD, "eu-west-1")).isEqualTo(2);
        assertThat(matches.expired()).isEmpty();
        assertThat(matches.orphans()).isEmpty();
    }

    @Test
    void anEntryAppliesThroughItsExpiryDayAndNotAfterJudgedOnTheScansEnd() {
        ExceptionMatches matches = ExceptionMatches.of(scan(
                finding(2, SANDBOX, "us-east-1", SCAN_DAY),
                finding(3, SANDBOX, "eu-west-1", SCAN_DAY.minusDays(1)),
                pattern(4, SANDBOX, "*", SCAN_DAY.plusDays(1))));
        assertThat(matches.scanDay()).isEqualTo(SCAN_DAY);
        assertThat(rowApplying(matches, SANDBOX, "us-east-1")).as("expires on the scan's day").isEqualTo(2);
        assertThat(rowApplying(matches, SANDBOX, "eu-west-1")).as("the expired entry gives way to a broader one")
                .isEqualTo(4);
        assertThat(matches.expired()).extracting(ExceptionEntry::row).containsExactly(3);
    }

    @Test
    void anEntryMatchingNoFindingIsAnOrphanAndAppliesToNothing() {
        ExceptionMatches matches = ExceptionMatches.of(scan(
                pattern(2, "999999999999", "*", null),
                pattern(3, "*", "ap-south-2", null),
                new ExceptionEntry(4, "iam-aa-coverage:aws-us-gov:" + SANDBOX + ":us-east-1", null, null,
                        Disposition.RETEST, "", "", "", "", null),
                finding(5, "999999999999", "us-east-1", SCAN_DAY.minusDays(30)),
                pattern(6, PROD, "*", null)));
        assertThat(matches.orphans()).extracting(ExceptionEntry::row).containsExactly(2, 3, 4, 5);
        assertThat(matches.expired()).extracting(ExceptionEntry::row).containsExactly(5);
        assertThat(rowApplying(matches, SANDBOX, "us-east-1")).as("a finding id of another partition").isZero();
        assertThat(rowApplying(matches, PROD, "us-east-1")).isEqualTo(6);
    }

    @Test
    void nonCompliantFindingsAreCountedWithAndWithoutAnUnexpiredExceptionWhateverTheDisposition() {
        ExceptionMatches matches = ExceptionMatches.of(scan(
                finding(2, SANDBOX, "us-east-1", null),
                pattern(3, PROD, "*", SCAN_DAY.minusDays(1)),
                pattern(4, "*", "eu-west-1", null)));
        // NON_COMPLIANT: Sandbox us-east-1 (row 2), Sandbox eu-west-1 (row 4), Prod us-east-1 (row 3 expired: none).
        assertThat(matches.nonCompliantWithException()).isEqualTo(2);
        assertThat(matches.nonCompliantWithoutException()).isEqualTo(1);
    }

    @Test
    void withoutARegisterNothingApplies() {
        ExceptionMatches matches = ExceptionMatches.of(ScanFixture.rich());
        assertThat(matches.register()).isEmpty();
        assertThat(matches.applying(new CellKey(ScanFixture.DELEGATED_ADMIN, "us-east-1"))).isEmpty();
        assertThat(matches.expired()).isEmpty();
        assertThat(matches.orphans()).isEmpty();
    }
}

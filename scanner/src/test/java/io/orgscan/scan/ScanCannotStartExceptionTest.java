package io.orgscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A start-up line fits 200 characters and keeps what says what to do. */
class ScanCannotStartExceptionTest {
    private static final String DENIED = "User: arn:aws:iam::333333333333:user/orgscan is not authorized to perform:"
            + " sts:AssumeRole on resource: arn:aws:iam::111111111111:role/NoSuchRole";

    @Test
    void aLongMessageIsCutAndTheLineFitsWithTheProblemCodeAndAdviceWhole() {
        String line = ScanCannotStartException.of("cannot assume --org-role-arn arn:aws:iam::111111111111:role/NoSuchRole"
                + " (sts:AssumeRole)", "AccessDenied", DENIED, "it must exist and trust the scan's identity", null).line();
        assertThat(line).hasSizeLessThanOrEqualTo(ScanCannotStartException.MAX_LINE)
                .startsWith("orgscan: scan cannot start: cannot assume --org-role-arn arn:aws:iam::111111111111:role/NoSuchRole"
                        + " (sts:AssumeRole): AccessDenied: User: arn:aws:iam::")
                .endsWith("...; it must exist and trust the scan's identity");
    }

    @Test
    void aShortMessageIsWholeAndNoRoomLeavesItOut() {
        assertThat(ScanCannotStartException.of("p", "Code", "short", "advice", null).getMessage())
                .isEqualTo("p: Code: short; advice");
        String crowded = ScanCannotStartException.of("p".repeat(100), "Code", "the detail", "a".repeat(60), null).line();
        assertThat(crowded).hasSizeLessThanOrEqualTo(ScanCannotStartException.MAX_LINE).doesNotContain("detail")
                .contains(": Code; aaa");
        assertThat(ScanCannotStartException.of(null, "CredentialsUnavailable", "set AWS_PROFILE", null, null).line())
                .isEqualTo("orgscan: scan cannot start: CredentialsUnavailable: set AWS_PROFILE");
    }
}

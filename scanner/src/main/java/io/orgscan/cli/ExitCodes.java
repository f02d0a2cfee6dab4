package io.orgscan.cli;

import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.ScanResult;

/** Every exit code of orgscan, decided here and nowhere else (tabled in the README). */
public final class ExitCodes {
    /** Every applicable cell is COMPLIANT, and every call succeeded. */
    public static final int OK = 0;
    /** An unexpected internal error (a bug); the message says to rerun with --debug. */
    public static final int INTERNAL_ERROR = 1;
    /** A usage or input error, or a scan that cannot start; no report that could pass for complete. */
    public static final int USAGE = 2;
    /** Some cells are NON_COMPLIANT, and nothing is unknown. */
    public static final int NON_COMPLIANT = 3;
    /** Some cells are INSUFFICIENT_DATA or some AWS call failed: the scan is incomplete, which outranks non-compliance. */
    public static final int INSUFFICIENT_DATA = 4;

    private ExitCodes() {
    }

    public static int of(ScanResult result) {
        if (result.matrix().count(ComplianceStatus.INSUFFICIENT_DATA) > 0 || !result.errors().isEmpty()) {
            return INSUFFICIENT_DATA;
        }
        if (result.matrix().count(ComplianceStatus.NON_COMPLIANT) > 0) {
            return NON_COMPLIANT;
        }
        return OK;
    }
}

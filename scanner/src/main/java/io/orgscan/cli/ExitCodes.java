package io.orgscan.cli;

import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.ScanResult;
import io.orgscan.report.evidence.NothingChecked;
import java.util.Optional;

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
    /**
     * Some cells are INSUFFICIENT_DATA or some AWS call failed: the scan is incomplete, which outranks
     * non-compliance; or the run checked nothing it could pass on ({@link #nothingChecked}).
     */
    public static final int INSUFFICIENT_DATA = 4;
    /**
     * Another orgscan run holds the lock of the {@code --out-dir} folder: nothing was scanned or written.
     * Unlike {@link #USAGE}, running again once the other run has finished succeeds.
     */
    public static final int FOLDER_IN_USE = 5;
    /**
     * Stopped by SIGINT (Ctrl-C) while a run folder was open: nothing was written. The JVM sets this
     * code itself (128 + 2) after {@link StopSignalHook} has run; named here for the table.
     */
    public static final int STOPPED_BY_SIGINT = 130;
    /** Stopped by SIGTERM while a run folder was open: as {@link #STOPPED_BY_SIGINT}, 128 + 15. */
    public static final int STOPPED_BY_SIGTERM = 143;

    private ExitCodes() {
    }

    /**
     * Why a run proves nothing it could pass on, in one line, or empty ({@link NothingChecked}: the
     * reports' control result says the same). Such a run exits {@link #INSUFFICIENT_DATA}, never {@link #OK}.
     */
    public static Optional<String> nothingChecked(ScanResult result) {
        return NothingChecked.why(result);
    }

    public static int of(ScanResult result) {
        if (result.matrix().count(ComplianceStatus.INSUFFICIENT_DATA) > 0 || !result.errors().isEmpty()
                || nothingChecked(result).isPresent()) {
            return INSUFFICIENT_DATA;
        }
        if (result.matrix().count(ComplianceStatus.NON_COMPLIANT) > 0) {
            return NON_COMPLIANT;
        }
        return OK;
    }
}

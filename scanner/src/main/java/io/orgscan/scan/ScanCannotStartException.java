package io.orgscan.scan;

/**
 * The scan cannot produce a complete population (no credentials, not in an organization, the
 * organization cannot be listed). No report is written: it could pass for complete.
 */
public class ScanCannotStartException extends Exception {
    private static final long serialVersionUID = 1L;

    public ScanCannotStartException(String message, Throwable cause) {
        super(message, cause);
    }
}

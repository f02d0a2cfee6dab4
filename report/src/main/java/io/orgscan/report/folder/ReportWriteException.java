package io.orgscan.report.folder;

/**
 * An output could not be written: the folder is not usable or a file could not be written or
 * renamed into place. The message is one line and names the folder or file, fit to show a user as is.
 */
public class ReportWriteException extends Exception {
    public ReportWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.orgscan.report.folder;

/**
 * Another orgscan run holds the lock of the run folder (it is scanning or writing into it): this run
 * writes nothing there. A transient condition, unlike the other {@link ReportWriteException}s: trying
 * again once the other run has finished succeeds.
 */
public final class FolderInUseException extends ReportWriteException {
    public FolderInUseException(String message) {
        super(message, null);
    }
}

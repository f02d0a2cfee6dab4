package io.orgscan.scan;

/** Receives progress from a running scan; called from worker threads. */
public interface ScanProgress {
    ScanProgress NONE = new ScanProgress() {
    };

    /** Another account was found in the organization tree. */
    default void accountDiscovered() {
    }

    /** An account's chain of calls finished (successfully or not). */
    default void accountDone() {
    }

    /** More account-region listings were planned. */
    default void regionsPlanned(int count) {
    }

    /** One account-region listing finished. */
    default void regionDone() {
    }

    /**
     * What the scan waits on before any account is found (the start's calls), for the progress
     * line, which would otherwise say "accounts 0/0" for as long as an endpoint does not answer.
     */
    default void waitingOn(String what) {
    }

    /** Something the user should know while the scan runs, in one line, said once. */
    default void notice(String line) {
    }
}

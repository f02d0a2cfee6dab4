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

    /** Something the user should know while the scan runs, in one line, said once. */
    default void notice(String line) {
    }
}

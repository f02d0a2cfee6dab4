package io.orgscan.scan;

/** Receives progress from a running scan; called from worker threads. */
public interface ScanProgress {
    ScanProgress NONE = new ScanProgress() {
    };

    /** Another account was found in the organization tree. */
    default void accountDiscovered() {
    }

    /** The organization tree is walked: every account is known, and scanning is in full swing. */
    default void organizationListed() {
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
}

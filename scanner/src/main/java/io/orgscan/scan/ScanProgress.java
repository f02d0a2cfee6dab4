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
     * (Once accounts are found, {@link #calling} says what it waits on.)
     */
    default void waitingOn(String what) {
    }

    /** Something the user should know while the scan runs, in one line, said once. */
    default void notice(String line) {
    }

    /**
     * The scan sends a call, {@code what} ({@code access-analyzer:ListAnalyzers in eu-west-1}), and
     * waits for it until the returned handle is closed: the progress line says what it waits on longest.
     */
    default Waiting calling(String what) {
        return Waiting.DONE;
    }

    /** A call the scan waits for; {@link #close} when it answered or failed. */
    interface Waiting extends AutoCloseable {
        Waiting DONE = () -> {
        };

        @Override
        void close();
    }
}

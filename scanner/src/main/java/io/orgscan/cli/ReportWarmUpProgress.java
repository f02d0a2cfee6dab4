package io.orgscan.cli;

import io.orgscan.report.ReportWarmUp;
import io.orgscan.scan.ScanProgress;

/**
 * Forwards a scan's progress, and runs {@link ReportWarmUp} on a thread of its own once the
 * organization is listed. By then the scan's own start-up work (class loading, every client's
 * first calls) is done and the scan mostly waits on the network: the warm-up takes a core the scan
 * leaves idle instead of slowing its start, and the reports are written faster after the last call.
 */
final class ReportWarmUpProgress implements ScanProgress {
    private final ScanProgress delegate;
    /** Null until the organization is listed. */
    private ReportWarmUp warmUp;

    ReportWarmUpProgress(ScanProgress delegate) {
        this.delegate = delegate;
    }

    @Override
    public void accountDiscovered() {
        delegate.accountDiscovered();
    }

    @Override
    public synchronized void organizationListed() {
        delegate.organizationListed();
        if (warmUp == null) {
            warmUp = ReportWarmUp.start();
        }
    }

    @Override
    public void accountDone() {
        delegate.accountDone();
    }

    @Override
    public void regionsPlanned(int count) {
        delegate.regionsPlanned(count);
    }

    @Override
    public void regionDone() {
        delegate.regionDone();
    }

    /** Waits for the warm-up if it started ({@link ReportWarmUp#await}). */
    void finish() {
        ReportWarmUp started;
        synchronized (this) {
            started = warmUp;
        }
        if (started != null) {
            started.await();
        }
    }
}

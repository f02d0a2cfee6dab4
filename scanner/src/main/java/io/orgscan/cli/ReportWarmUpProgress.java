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
    private final Thread warmUp;
    private boolean started;

    ReportWarmUpProgress(ScanProgress delegate) {
        this.delegate = delegate;
        this.warmUp = new Thread(ReportWarmUp::run, "orgscan-report-warm-up");
        warmUp.setDaemon(true);
    }

    @Override
    public void accountDiscovered() {
        delegate.accountDiscovered();
    }

    @Override
    public synchronized void organizationListed() {
        delegate.organizationListed();
        if (!started) {
            started = true;
            warmUp.start();
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

    /**
     * Waits for the warm-up if it started: called before the reports are written (the two would
     * compete) and before the JVM may exit (its temporary folder must be gone).
     */
    void finish() {
        synchronized (this) {
            if (!started) {
                return;
            }
        }
        boolean interrupted = Thread.interrupted();
        try {
            warmUp.join();
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.orgscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.scan.ScanProgress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportWarmUpProgressTest {
    @Test
    void forwardsEveryEventAndWarmsUpOnceAfterTheOrganizationIsListed() {
        List<String> events = new ArrayList<>();
        ScanProgress recorder = new ScanProgress() {
            @Override
            public void accountDiscovered() {
                events.add("discovered");
            }

            @Override
            public void organizationListed() {
                events.add("listed");
            }

            @Override
            public void accountDone() {
                events.add("done");
            }

            @Override
            public void regionsPlanned(int count) {
                events.add("planned " + count);
            }

            @Override
            public void regionDone() {
                events.add("region");
            }
        };
        ReportWarmUpProgress progress = new ReportWarmUpProgress(recorder);

        progress.accountDiscovered();
        progress.regionsPlanned(3);
        progress.regionDone();
        assertThat(warmUpThreads()).isZero();
        progress.organizationListed();
        progress.organizationListed();
        progress.accountDone();
        progress.finish();

        assertThat(events).containsExactly("discovered", "planned 3", "region", "listed", "listed", "done");
        assertThat(warmUpThreads()).isZero();
    }

    @Test
    void finishingAScanThatNeverListedTheOrganizationDoesNotWait() {
        new ReportWarmUpProgress(ScanProgress.NONE).finish();

        assertThat(warmUpThreads()).isZero();
    }

    private static long warmUpThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("orgscan-report-warm-up") && t.isAlive())
                .count();
    }
}

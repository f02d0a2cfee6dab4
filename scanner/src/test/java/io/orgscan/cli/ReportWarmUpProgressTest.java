package io.orgscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.scan.ScanProgress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportWarmUpProgressTest {
    @Test
    void forwardsEveryEventAndWarmsUpOnceTheOrganizationIsListedAndAQuarterOfItsAccountsAreDone() {
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

        for (int i = 0; i < 8; i++) {
            progress.accountDiscovered();
        }
        progress.regionsPlanned(3);
        progress.regionDone();
        progress.accountDone();
        progress.accountDone();
        assertThat(progress.warmUpStarted()).as("a quarter done, but the organization is not listed yet").isFalse();
        progress.accountDiscovered();
        progress.organizationListed();
        assertThat(progress.warmUpStarted()).as("listed, but 2 of 9 accounts done").isFalse();
        progress.accountDone();
        assertThat(progress.warmUpStarted()).as("listed, 3 of 9 accounts done").isTrue();
        progress.organizationListed();
        progress.accountDone();
        progress.finish();

        assertThat(events).containsExactly("discovered", "discovered", "discovered", "discovered", "discovered",
                "discovered", "discovered", "discovered", "planned 3", "region", "done", "done", "discovered",
                "listed", "done", "listed", "done");
        assertThat(warmUpThreads()).as("finish waits for the one warm-up").isZero();
    }

    @Test
    void anOrganizationWhoseAccountsAreAllDoneWhenListedWarmsUpAtOnce() {
        ReportWarmUpProgress progress = new ReportWarmUpProgress(ScanProgress.NONE);
        progress.accountDiscovered();
        progress.accountDone();
        progress.organizationListed();

        assertThat(progress.warmUpStarted()).isTrue();
        progress.finish();
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

package io.orgscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The scan's scheduler: chains per account, region work first, the next accounts opened early. */
class PriorityWorkersTest {
    @Test
    void runsEveryTaskIncludingTheRegionWorkAccountsSubmit() throws Exception {
        CountDownLatch done = new CountDownLatch(20 * 5);
        try (PriorityWorkers workers = new PriorityWorkers(8, 3, "test")) {
            for (int account = 0; account < 20; account++) {
                workers.submit(PriorityWorkers.Priority.ACCOUNT, () -> {
                    for (int region = 0; region < 5; region++) {
                        workers.submit(PriorityWorkers.Priority.REGION, done::countDown);
                    }
                });
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void opensNoMoreAccountsAtOnceThanTheLimit() throws Exception {
        AtomicInteger open = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(30);
        try (PriorityWorkers workers = new PriorityWorkers(16, 4, "test")) {
            for (int account = 0; account < 30; account++) {
                workers.submit(PriorityWorkers.Priority.ACCOUNT, () -> {
                    most.accumulateAndGet(open.incrementAndGet(), Math::max);
                    sleep(5);
                    open.decrementAndGet();
                    done.countDown();
                });
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(most.get()).isEqualTo(4);
    }

    @Test
    void opensTheNextAccountBeforeTheRegionWorkRunsOut() throws Exception {
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(11);
        // 2 threads: a new account is opened once fewer than 4 region listings are queued.
        try (PriorityWorkers workers = new PriorityWorkers(2, 1, "test")) {
            workers.submit(PriorityWorkers.Priority.ACCOUNT, () -> {
                started.add("first");
                for (int region = 1; region <= 10; region++) {
                    String name = "region-" + region;
                    workers.submit(PriorityWorkers.Priority.REGION, () -> {
                        started.add(name);
                        sleep(10);
                        done.countDown();
                    });
                }
            });
            workers.submit(PriorityWorkers.Priority.ACCOUNT, () -> {
                started.add("second");
                done.countDown();
            });
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(started.indexOf("second")).isGreaterThan(started.indexOf("region-1"))
                .isLessThan(started.indexOf("region-10"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

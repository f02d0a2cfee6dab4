package io.orgscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AwsWarmUpTest {
    @Test
    void onlyTheCommandsThatCallAwsWarmUp() throws InterruptedException {
        for (String command : new String[] {"scan", "demo"}) {
            Optional<Thread> thread = AwsWarmUp.startFor(new String[] {command, "--out-dir", "x"});
            assertThat(thread).as(command).isPresent();
            assertThat(thread.get().isDaemon()).as("never keeps the JVM alive").isTrue();
            thread.get().join(30_000);
            assertThat(thread.get().isAlive()).isFalse();
        }
        assertThat(AwsWarmUp.startFor(new String[] {"report", "scan.json"})).isEmpty();
        assertThat(AwsWarmUp.startFor(new String[] {"--version"})).isEmpty();
        assertThat(AwsWarmUp.startFor(new String[0])).isEmpty();
    }
}

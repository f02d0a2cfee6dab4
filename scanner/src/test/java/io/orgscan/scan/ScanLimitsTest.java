package io.orgscan.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScanLimitsTest {
    @ParameterizedTest
    @CsvSource({
            // max-parallel, STS, workers, connections (workers + 4 walkers + the scan's thread)
            "1,   1,   2,   7",
            "4,   4,   5,  10",
            "16, 16,  17,  22",
            "64, 16,  68,  73",
            "128, 16, 136, 141",
            "512, 16, 544, 549",
    })
    void limitsFollowMaxParallel(int maxParallel, int sts, int workers, int connections) {
        ScanLimits limits = ScanLimits.of(maxParallel);

        assertThat(limits.maxParallel()).isEqualTo(maxParallel);
        assertThat(limits.stsParallel()).isEqualTo(sts);
        assertThat(limits.organizationsParallel()).isEqualTo(4);
        assertThat(limits.workerThreads()).isEqualTo(workers);
        assertThat(limits.connections()).isEqualTo(connections);
    }

    @Test
    void organizationsBackOffForMinutesTheOthersKeepTheirAttempts() {
        ScanLimits limits = ScanLimits.of(128);

        assertThat(limits.organizationsRetries()).isEqualTo(new ScanLimits.RetryBudget(
                Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofMinutes(3)));
        // 1 + 2 + 4 + 8 + 16 s, then 8 times 20 s: 191 s of nominal back-off, the first sum past 180 s
        assertThat(limits.organizationsRetries().attempts()).isEqualTo(14);
        assertThat(limits.organizationsCallTimeout()).isEqualTo(Duration.ofMinutes(6));
        assertThat(limits.stsAttempts()).isEqualTo(6);
        assertThat(limits.memberAttempts()).isEqualTo(4);
    }

    @Test
    void testsMayShortenOrganizationsBackOffKeepingTheBudget() {
        ScanLimits limits = ScanLimits.of(16).withOrganizationsMaxBackoff(Duration.ofMillis(100));

        assertThat(limits.organizationsRetries()).isEqualTo(new ScanLimits.RetryBudget(
                Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMinutes(3)));
        assertThat(limits.organizationsRetries().attempts()).isEqualTo(1801);
        assertThat(limits.maxParallel()).isEqualTo(16);
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> ScanLimits.of(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxParallel");
        assertThatThrownBy(() -> new ScanLimits(8, 8, 0, 9, 16, 6, ScanLimits.of(8).organizationsRetries(), 4,
                Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1))).hasMessageContaining("organizationsParallel");
    }
}

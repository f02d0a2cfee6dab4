package io.orgscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.scan.ScanProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The progress line says what the scan waits on during the scan, not only before the first account. */
class ProgressReporterTest {
    /** A clock the test moves. */
    static final class StepClock extends Clock {
        Instant now = Instant.parse("2026-12-03T12:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theLineNamesTheCallWaitedOnLongestOnceItHasWaitedAFewSeconds() {
        StepClock clock = new StepClock();
        CliContext context = new CliContext(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of(), clock, false);
        try (ProgressReporter progress = ProgressReporter.start(context)) {
            progress.waitingOn("sts:GetCallerIdentity in us-east-1");
            assertThat(progress.status()).isEqualTo("waiting for sts:GetCallerIdentity in us-east-1");

            progress.accountDiscovered();
            progress.regionsPlanned(3);
            ScanProgress.Waiting hung = progress.calling("access-analyzer:ListAnalyzers in eu-west-1");
            clock.now = clock.now.plusSeconds(1);
            ScanProgress.Waiting alsoHung = progress.calling("access-analyzer:ListAnalyzers in eu-west-1");
            ScanProgress.Waiting quick = progress.calling("access-analyzer:ListAnalyzers in us-east-1");
            assertThat(progress.status()).isEqualTo("accounts 0/1 done, region listings 0/3 done");

            clock.now = clock.now.plus(ProgressReporter.LONG_WAIT).plus(Duration.ofSeconds(8));
            quick.close();
            progress.regionDone();
            assertThat(progress.status()).isEqualTo("accounts 0/1 done, region listings 1/3 done; waiting longest for "
                    + "access-analyzer:ListAnalyzers in eu-west-1 (12 s; 2 such calls)");

            hung.close();
            assertThat(progress.status()).endsWith("waiting longest for access-analyzer:ListAnalyzers in eu-west-1 (11 s;"
                    + " 1 such call)");
            alsoHung.close();
            assertThat(progress.status()).isEqualTo("accounts 0/1 done, region listings 1/3 done");
        }
    }
}

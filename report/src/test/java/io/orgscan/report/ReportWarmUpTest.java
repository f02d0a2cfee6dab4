package io.orgscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.ScanResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReportWarmUpTest {
    @Test
    void rendersEveryFormatAndLeavesNothingInTheTemporaryFolder() throws IOException {
        List<Path> before = warmUpFolders();

        assertThat(ReportWarmUp.run()).isTrue();

        assertThat(warmUpFolders()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void theSampleHasACellOfEveryStatusAnErrorRecordAndAThousandRows() {
        ScanResult sample = ReportWarmUp.sample();

        assertThat(sample.matrix().cells()).extracting(c -> c.status()).contains(ComplianceStatus.values());
        assertThat(sample.matrix().cells()).hasSizeGreaterThanOrEqualTo(1000);
        assertThat(sample.errors()).hasSize(1);
    }

    private static List<Path> warmUpFolders() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(p -> p.getFileName().toString().startsWith("orgscan-warm-up")).toList();
        }
    }
}

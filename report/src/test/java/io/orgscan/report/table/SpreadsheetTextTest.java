package io.orgscan.report.table;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "\nx", "\0x", "=HYPERLINK(\"http://x\",\"y\")"})
    void prefixesAnApostropheToEveryFormulaTrigger(String text) {
        assertThat(SpreadsheetText.neutralize(text)).isEqualTo("'" + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a=1", " =1", "'quoted", "Zürich", "Quote \"x\", comma", "0123", "1-2"})
    void leavesOtherTextAlone(String text) {
        assertThat(SpreadsheetText.neutralize(text)).isEqualTo(text);
    }

    @Test
    void nullAndEmptyBecomeEmpty() {
        assertThat(SpreadsheetText.neutralize(null)).isEmpty();
        assertThat(SpreadsheetText.neutralize("")).isEmpty();
    }

    @Test
    void fitCellCutsToExcelsLimitWithAMark() {
        String longText = "x".repeat(SpreadsheetText.MAX_CELL_CHARS + 10);
        String cut = SpreadsheetText.fitCell(longText);
        assertThat(cut).hasSize(SpreadsheetText.MAX_CELL_CHARS).endsWith(SpreadsheetText.TRUNCATION_MARK);
        assertThat(SpreadsheetText.fitCell("short")).isEqualTo("short");
    }

    @Test
    void fitCellNeverSplitsASurrogatePair() {
        int keep = SpreadsheetText.MAX_CELL_CHARS - SpreadsheetText.TRUNCATION_MARK.length();
        String text = "x".repeat(keep - 1) + "🙂".repeat(10);
        String cut = SpreadsheetText.fitCell(text);
        assertThat(cut).endsWith("x" + SpreadsheetText.TRUNCATION_MARK);
        assertThat(cut.length()).isLessThanOrEqualTo(SpreadsheetText.MAX_CELL_CHARS);
    }
}

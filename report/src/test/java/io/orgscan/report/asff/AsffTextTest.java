package io.orgscan.report.asff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AsffTextTest {
    @Test
    void controlCharactersBecomeSpacesAndShortTextIsKept() {
        assertThat(AsffText.fit("a\nb\r\nc\td\u0000e\u2028f", 100)).isEqualTo("a b  c d e f");
        assertThat(AsffText.fit("Zürich 東京 🙂", 100)).isEqualTo("Zürich 東京 🙂");
    }

    @Test
    void nullBlankAndControlOnlyTextGiveNullSoTheFieldIsLeftOut() {
        assertThat(AsffText.fit(null, 100)).isNull();
        assertThat(AsffText.fit("", 100)).isNull();
        assertThat(AsffText.fit(" \n\t\u0001 ", 100)).isNull();
    }

    @Test
    void textOverTheLimitIsCutToExactlyTheLimitAndSaysSo() {
        String fitted = AsffText.fit("x".repeat(2000), 1024);

        assertThat(fitted).hasSize(1024).endsWith(AsffText.TRUNCATED).startsWith("xxx");
        assertThat(AsffText.fit("y".repeat(1024), 1024)).isEqualTo("y".repeat(1024));
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        int keep = 100 - AsffText.TRUNCATED.length();
        String text = "a".repeat(keep - 1) + "🙂".repeat(50);

        String fitted = AsffText.fit(text, 100);

        assertThat(fitted.length()).isLessThanOrEqualTo(100);
        assertThat(fitted).isEqualTo("a".repeat(keep - 1) + AsffText.TRUNCATED);
        assertThat(fitted.codePoints().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
    }
}

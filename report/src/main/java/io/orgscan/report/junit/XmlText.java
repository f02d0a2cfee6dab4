package io.orgscan.report.junit;

/**
 * Text made safe for XML 1.0, which cannot carry most control characters even escaped: an account
 * name holding U+0001 would make the whole junit.xml unreadable to every CI server. Characters XML
 * does not allow (C0 controls but tab, LF and CR; U+FFFE, U+FFFF; unpaired surrogates) are replaced
 * by U+FFFD, so the reader sees that something was there. Escaping of {@code <}, {@code &} and quotes
 * is the XML writer's job.
 */
final class XmlText {
    static final char REPLACEMENT = '\uFFFD';

    private XmlText() {
    }

    /** {@code text} with every character XML 1.0 forbids replaced; tab, CR and LF kept. */
    static String content(String text) {
        return replace(text, false);
    }

    /**
     * As {@link #content}, and tab, CR and LF also become spaces: a parser turns them into spaces in an
     * attribute value anyway (attribute-value normalisation), so writing them raw would only let the
     * file differ from what CI servers show.
     */
    static String attribute(String text) {
        return replace(text, true);
    }

    private static String replace(String text, boolean attribute) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char kept = c;
            if (c == '\t' || c == '\n' || c == '\r') {
                kept = attribute ? ' ' : c;
            } else if (c < 0x20 || c == '\uFFFE' || c == '\uFFFF') {
                kept = REPLACEMENT;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                kept = REPLACEMENT;
            } else if (Character.isLowSurrogate(c)) {
                kept = REPLACEMENT;
            }
            if (kept != c && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(kept);
            }
        }
        return out == null ? text : out.toString();
    }
}

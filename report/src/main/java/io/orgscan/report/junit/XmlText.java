package io.orgscan.report.junit;

/**
 * Text escaped for XML 1.0, which cannot carry most control characters even as references: an account
 * name holding U+0001 would make the whole junit.xml unreadable to every CI server. Characters XML does
 * not allow (C0 controls but tab, LF and CR; U+FFFE, U+FFFF; unpaired surrogates) become U+FFFD, so the
 * reader sees that something was there; {@code &}, {@code <} and {@code >} (and {@code "} in attributes)
 * become references. One pass per value, appended to the caller's buffer: junit.xml has a value per
 * cell, 350,000 of them for 10,000 accounts x 35 regions.
 */
final class XmlText {
    static final char REPLACEMENT = '\uFFFD';

    private XmlText() {
    }

    /** Appends {@code text} as element content; tab and LF kept, CR as {@code &#13;} (a parser would drop it). */
    static void content(StringBuilder out, String text) {
        append(out, text, false);
    }

    /**
     * Appends {@code text} as an attribute value (for double quotes); tab, CR and LF become spaces, as an
     * XML parser's attribute-value normalisation would make them anyway.
     */
    static void attribute(StringBuilder out, String text) {
        append(out, text, true);
    }

    private static void append(StringBuilder out, String text, boolean attribute) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\t', '\n' -> out.append(attribute ? ' ' : c);
                case '\r' -> out.append(attribute ? " " : "&#13;");
                default -> {
                    if (c < 0x20 || c == '\uFFFE' || c == '\uFFFF' || Character.isLowSurrogate(c)) {
                        out.append(REPLACEMENT);
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                            out.append(c).append(text.charAt(++i));
                        } else {
                            out.append(REPLACEMENT);
                        }
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}

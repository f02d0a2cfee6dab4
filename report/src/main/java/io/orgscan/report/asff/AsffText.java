package io.orgscan.report.asff;

/**
 * Free text made fit for an ASFF string field. Security Hub's strings must match {@code .*\S.*} and
 * respect the length limits the API reference gives (Title 256, Description 1024, ProductFields
 * values 2048, ...). Account names, OU paths and AWS error messages are chosen by others and may be
 * long or hold control characters, so: control characters (line breaks and tabs included, which the
 * pattern's {@code .} does not match) become spaces, and a value over its limit is cut and ends with
 * {@link #TRUNCATED}, so a reader sees that text is missing. Lengths count UTF-16 units, never fewer
 * than Security Hub's characters, and a cut never splits a surrogate pair.
 */
public final class AsffText {
    /** Ends a value that was cut to its limit. */
    public static final String TRUNCATED = " [truncated]";

    private AsffText() {
    }

    /**
     * {@code text} with control characters replaced by spaces and cut to {@code limit}; null or blank
     * gives null, so the caller leaves the field out (an empty string is not valid ASFF).
     */
    public static String fit(String text, int limit) {
        if (limit <= TRUNCATED.length()) {
            throw new IllegalArgumentException("limit too small: " + limit);
        }
        if (text == null) {
            return null;
        }
        String clean = withoutControls(text);
        if (clean.isBlank()) {
            return null;
        }
        if (clean.length() <= limit) {
            return clean;
        }
        int end = limit - TRUNCATED.length();
        if (Character.isHighSurrogate(clean.charAt(end - 1))) {
            end--;
        }
        return clean.substring(0, end) + TRUNCATED;
    }

    private static String withoutControls(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (control && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(control ? ' ' : c);
            }
        }
        return out == null ? text : out.toString();
    }
}

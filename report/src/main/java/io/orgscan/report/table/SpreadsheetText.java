package io.orgscan.report.table;

/**
 * The one rule for free text that lands in a spreadsheet cell, whether through findings.csv or the
 * workbook.
 *
 * <p>Account names, OU names and AWS error messages are chosen by whoever controls an account, not by
 * us. A spreadsheet that opens a CSV runs a cell starting with {@code =}, {@code +}, {@code -} or
 * {@code @} as a formula (OWASP "CSV injection"; {@code =HYPERLINK(...)} exfiltrates, DDE runs
 * commands), and a leading tab, CR or LF lets a value slip such a character past a naive check. So a
 * value that starts with one of those characters (or NUL, per OWASP ASVS 5.0 V1.2.10) gets a leading
 * apostrophe, which every spreadsheet shows as text. The apostrophe becomes part of the value for a
 * machine import; that is the documented price (docs/OUTPUTS.md). Identifiers, region names, ARNs and
 * enum values are generated or validated and never start with a trigger, so they are left alone.
 */
public final class SpreadsheetText {
    /** Excel's limit on the characters of one cell; POI throws beyond it. */
    public static final int MAX_CELL_CHARS = 32_767;

    static final String TRUNCATION_MARK = "…[truncated]";

    private SpreadsheetText() {
    }

    /** The value with a leading {@code '} if it starts with a formula trigger; null becomes "". */
    public static String neutralize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return startsWithTrigger(text) ? "'" + text : text;
    }

    /** True if a spreadsheet could read the value as a formula (or as the start of one). */
    public static boolean startsWithTrigger(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\n', '\0' -> true;
            default -> false;
        };
    }

    /**
     * The value cut to fit one workbook cell, ending with {@value #TRUNCATION_MARK} when cut, never
     * splitting a surrogate pair. CSV values are never cut: findings.csv carries the full text.
     */
    public static String fitCell(String text) {
        if (text.length() <= MAX_CELL_CHARS) {
            return text;
        }
        int end = MAX_CELL_CHARS - TRUNCATION_MARK.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + TRUNCATION_MARK;
    }
}

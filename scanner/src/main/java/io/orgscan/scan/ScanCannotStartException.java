package io.orgscan.scan;

/**
 * The scan cannot produce a complete population (no credentials, not in an organization, the
 * organization cannot be listed). No report is written: it could pass for complete. Its {@link #line}
 * is what the user reads, one line of at most {@link #MAX_LINE} characters.
 */
public class ScanCannotStartException extends Exception {
    private static final long serialVersionUID = 1L;
    /** How the line begins on stderr. */
    public static final String LINE_PREFIX = "orgscan: scan cannot start: ";
    /** The longest line: what fits a terminal's line or two, not kilobytes of an SDK's message. */
    public static final int MAX_LINE = 200;
    /** The failure's message keeps at least this much, whatever the rest of the line takes. */
    static final int MIN_MESSAGE = 24;

    public ScanCannotStartException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * {@code problem: code: message; advice}, the failure's message cut ({@link #fit}) so that the whole
     * line fits {@link #MAX_LINE}, or left out where fewer than {@link #MIN_MESSAGE} characters would
     * be left for it: the problem, the code and the advice say what happened and what to do; the
     * message is AWS's or the SDK's detail. Without a problem or an advice (null), their parts are left out.
     */
    static ScanCannotStartException of(String problem, String code, String message, String advice, Throwable cause) {
        String head = (problem == null ? "" : problem + ": ") + code;
        String tail = advice == null ? "" : "; " + advice;
        int room = MAX_LINE - LINE_PREFIX.length() - head.length() - ": ".length() - tail.length();
        String detail = message.isEmpty() || room < MIN_MESSAGE ? "" : ": " + fit(message, room);
        return new ScanCannotStartException(head + detail + tail, cause);
    }

    /** {@code message} in {@code room} characters: its start, ending in "..." where it was cut. */
    static String fit(String message, int room) {
        return message.length() <= room ? message : message.substring(0, room - 3).stripTrailing() + "...";
    }

    /** The line on stderr. */
    public String line() {
        return LINE_PREFIX + getMessage();
    }
}

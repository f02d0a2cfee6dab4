package io.orgscan.report.json;

import java.nio.file.Path;

/**
 * A scan file could not be read: missing or unreadable, not JSON, another schema version, or values
 * that break the model's rules. The message is one line, {@code <file>: <problem>}, fit to show a
 * user as is.
 */
public class ScanFileException extends Exception {
    private final transient Path file;
    private final String problem;

    public ScanFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + oneLine(problem), cause);
        this.file = file;
        this.problem = oneLine(problem);
    }

    /** The file that could not be read. */
    public Path file() {
        return file;
    }

    /** The problem, without the file name. */
    public String problem() {
        return problem;
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}

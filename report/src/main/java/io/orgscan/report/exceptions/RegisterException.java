package io.orgscan.report.exceptions;

import java.nio.file.Path;

/**
 * A register that cannot be used: unreadable, neither a CSV nor a workbook, or a row that breaks a
 * rule. The message is one line naming the file and, for a row, its number (the header is row 1).
 */
public final class RegisterException extends Exception {
    private static final long serialVersionUID = 1L;

    RegisterException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }

    static RegisterException atRow(Path file, int row, String problem) {
        return new RegisterException(file, "row " + row + ": " + problem, null);
    }
}

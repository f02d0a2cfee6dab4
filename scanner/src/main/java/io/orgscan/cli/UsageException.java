package io.orgscan.cli;

/** Bad input from the user: printed as one line, exit code {@link ExitCodes#USAGE}. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}

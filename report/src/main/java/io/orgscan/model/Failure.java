package io.orgscan.model;

import java.util.Objects;

/**
 * An AWS call that failed after its retries: kept as data on the cell it leaves undecided, never
 * only logged.
 *
 * @param operation the AWS operation, e.g. {@code ListAnalyzers}
 * @param errorCode the AWS error code, e.g. {@code AccessDeniedException}; for a failure with no
 *                  AWS answer (a timeout, a refused connection) the exception's simple name
 * @param message   the AWS error message
 * @param attempts  how many attempts were made, retries included
 */
public record Failure(String operation, String errorCode, String message, int attempts) {
    public Failure {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(errorCode, "errorCode");
        message = message == null ? "" : message;
    }

    /** The text put in a cell's {@code detail}: code and message. */
    public String describe() {
        return message.isEmpty() ? operation + ": " + errorCode : operation + ": " + errorCode + ": " + message;
    }
}

package io.orgscan.plan;

/** A plan.json (or plan folder) that cannot be read or is not a valid plan; the message is one line. */
public final class PlanFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public PlanFileException(String message, Throwable cause) {
        super(message, cause);
    }
}

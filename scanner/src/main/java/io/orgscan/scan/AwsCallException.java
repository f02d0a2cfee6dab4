package io.orgscan.scan;

import io.orgscan.model.Failure;

/** An AWS call that failed after its retries; the failure travels on as data. */
public class AwsCallException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Failure failure;

    public AwsCallException(Failure failure, Throwable cause) {
        super(failure.describe(), cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}

package io.orgscan.simulator.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An AWS error as a service decides it: the wire code (e.g. {@code AccessDenied}, which for query
 * protocols can differ from the model's shape name), the HTTP status and the message. Each
 * {@link Protocol} renders it in its own envelope. {@code fields} are extra members JSON protocols
 * put in the body ({@code Reason}, {@code resourceId}, ...); XML protocols ignore them.
 */
public final class AwsError extends Exception {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final int status;
    private final Map<String, Object> fields;

    public AwsError(String code, int status, String message) {
        this(code, status, message, Map.of());
    }

    public AwsError(String code, int status, String message, Map<String, Object> fields) {
        super(message, null, false, false); // no stack trace: errors are ordinary answers here
        this.code = code;
        this.status = status;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public Map<String, Object> fields() {
        return fields;
    }

    /** Query protocols say whether the caller (Sender) or AWS (Receiver) is at fault. */
    public boolean isSenderFault() {
        return status < 500;
    }

    @Override
    public String toString() {
        return code + " (" + status + "): " + getMessage();
    }
}

package io.orgscan.aws;

import java.util.Collection;
import software.amazon.awssdk.core.util.SdkAutoConstructList;

/**
 * An answer that cannot be true, found at the boundary: HTTP 200 and parsed, yet missing a member
 * AWS always sends (a list absent rather than empty, an organization without an id), or saying
 * what no account can be (no root, no region that needs no opt-in). Thrown inside the call, so
 * {@link Failures} makes it a {@code Failure} with code {@value #CODE} like any failed call: never a
 * fact about the organization, never an internal error.
 *
 * <p>The SDK reads a list member absent from the answer as a {@link SdkAutoConstructList}, and one
 * present but empty as an ordinary empty list: that is how absent is told from empty.
 */
final class InvalidResponse extends RuntimeException {
    static final String CODE = "InvalidResponse";
    private static final long serialVersionUID = 1L;

    InvalidResponse(String message) {
        super(message);
    }

    /** {@code list}, unless the answer had no such member. */
    static <T extends Collection<?>> T requireList(T list, String operation, String member) {
        if (list == null || list instanceof SdkAutoConstructList) {
            throw new InvalidResponse(operation + " answered without " + member + " (an empty list is [], not absent)");
        }
        return list;
    }

    /** {@code value}, unless the answer had no such member or an empty one. */
    static String require(String value, String operation, String member) {
        if (value == null || value.isBlank()) {
            throw new InvalidResponse(operation + " answered without " + member);
        }
        return value;
    }

    /** {@code value}, unless the answer had no such structure. */
    static <T> T require(T value, String operation, String member) {
        if (value == null) {
            throw new InvalidResponse(operation + " answered without " + member);
        }
        return value;
    }

    /** Fails unless {@code holds}: the answer says what cannot be. */
    static void check(boolean holds, String operation, String what) {
        if (!holds) {
            throw new InvalidResponse(operation + " answered " + what);
        }
    }
}

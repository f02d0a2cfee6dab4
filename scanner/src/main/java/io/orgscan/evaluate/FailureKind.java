package io.orgscan.evaluate;

import io.orgscan.model.Failure;
import io.orgscan.model.Reason;
import java.util.Set;

/** Sorts a failed call into the reason codes of an undecided cell. */
final class FailureKind {
    /** The codes the four services use for a denied call (JSON, query and EC2 protocols). */
    private static final Set<String> ACCESS_DENIED_CODES = Set.of(
            "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess",
            "AuthorizationError");

    private FailureKind() {
    }

    static Reason reasonFor(Failure failure) {
        return ACCESS_DENIED_CODES.contains(failure.errorCode()) ? Reason.ACCESS_DENIED : Reason.API_ERROR;
    }
}

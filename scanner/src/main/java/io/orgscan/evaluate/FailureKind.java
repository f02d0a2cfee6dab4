package io.orgscan.evaluate;

import io.orgscan.model.Failure;
import io.orgscan.model.Reason;
import java.util.Locale;
import java.util.Set;

/** Sorts a failed call into the reason codes of an undecided cell. */
public final class FailureKind {
    /** The codes the four services use for a denied call (JSON, query and EC2 protocols). */
    private static final Set<String> ACCESS_DENIED_CODES = Set.of(
            "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess",
            "AuthorizationError");
    /**
     * AWS names a service control policy in the message of a denial it caused: "... with an explicit
     * deny in a service control policy" or "... because no service control policy allows the ...
     * action" (IAM's access-denied messages; EC2's wording has the same words). No extra call.
     */
    private static final String SCP = "service control polic";

    private FailureKind() {
    }

    /** True when AWS says a service control policy refused the call. */
    public static boolean deniedByScp(Failure failure) {
        return reasonFor(failure) == Reason.DENIED_BY_SCP;
    }

    static Reason reasonFor(Failure failure) {
        if (!ACCESS_DENIED_CODES.contains(failure.errorCode())) {
            return Reason.API_ERROR;
        }
        return failure.message().toLowerCase(Locale.ROOT).contains(SCP) ? Reason.DENIED_BY_SCP : Reason.ACCESS_DENIED;
    }
}

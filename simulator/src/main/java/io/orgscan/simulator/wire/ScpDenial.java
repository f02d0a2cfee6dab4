package io.orgscan.simulator.wire;

/**
 * The error each service returns for a call a service control policy refuses, in AWS's words (IAM's
 * "Troubleshoot access denied error messages"): an explicit deny, or no SCP on the path allowing the
 * action. EC2 has its own code and wording, the others their service's access-denied code.
 */
public final class ScpDenial {
    private ScpDenial() {
    }

    /**
     * @param callerArn the caller as GetCallerIdentity names it (an assumed role's STS ARN)
     * @param action    {@code service:Operation}
     * @param resource  the resource named in the message; EC2 names none
     * @param explicit  true for an explicit deny, false when no SCP allows the action
     */
    public static AwsError of(AwsService service, String callerArn, String action, String resource, boolean explicit) {
        String why = explicit ? "with an explicit deny in a service control policy"
                : "because no service control policy allows the " + action + " action";
        String denied = "User: " + callerArn + " is not authorized to perform: " + action;
        return switch (service) {
            case EC2 -> new AwsError("UnauthorizedOperation", 403,
                    "You are not authorized to perform this operation. " + denied + " " + why);
            case ACCESS_ANALYZER, SECURITY_HUB -> new AwsError("AccessDeniedException", 403,
                    denied + " on resource: " + resource + " " + why);
            case ORGANIZATIONS -> new AwsError("AccessDeniedException", 400, denied + " on resource: " + resource + " " + why);
            case STS -> new AwsError("AccessDenied", 403, denied + " on resource: " + resource + " " + why);
        };
    }
}

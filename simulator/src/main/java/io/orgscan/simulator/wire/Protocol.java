package io.orgscan.simulator.wire;

/**
 * One AWS wire protocol's errors: the codes and statuses it uses for conditions every service shares
 * (authentication, disabled regions, throttling, internal errors) and the envelope it renders errors in.
 * Each protocol has exactly one implementation, so each error shape lives in one place.
 */
public interface Protocol {
    /** No SigV4 authentication at all. */
    AwsError missingAuthentication();

    /** An Authorization header that is not a well-formed SigV4 header. */
    AwsError incompleteSignature(String detail);

    /** An access key the simulator does not know, or a session token that does not belong to it. */
    AwsError unrecognizedClient();

    /** Temporary credentials past their expiration. */
    AwsError expiredToken();

    /** A call into a region that is not enabled for the calling account. */
    AwsError regionDisabled(String accountId, String region);

    /** This protocol's throttling signal. */
    AwsError throttling();

    /** This protocol's HTTP 500. */
    AwsError internalError();

    AwsError unknownOperation(String operation);

    /** A request body that cannot be parsed. */
    AwsError malformedRequest(String detail);

    SimResponse render(AwsError error, String requestId);
}

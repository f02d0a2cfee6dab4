package io.orgscan.scan;

import io.orgscan.evaluate.FailureKind;
import io.orgscan.model.Failure;
import java.util.Locale;
import java.util.Optional;

/**
 * The class of cause of a failed call, for the hint the user reads: a timeout, a refused connection
 * or a proxy's 502 is a network problem, never "check the credentials". The gateway names the
 * failures that never reached AWS with the codes below, and their messages say what to check; AWS's
 * own codes name the rest. The hints are short: they follow the failure's own line.
 */
public enum CauseClass {
    /** The endpoint did not answer, refused, did not resolve, or TLS failed: nothing reached AWS. */
    NETWORK("a network problem, not the credentials"),
    /** An HTTP 5xx without an AWS error: a proxy, gateway or the service failed. */
    SERVICE("the endpoint or a proxy on the way failed, not the credentials"),
    /** The answer was not one AWS sends (an impossible or unparsable body): something between answered. */
    INVALID_ANSWER("not one AWS sends: check --endpoint-url and any proxy"),
    /** AWS throttled the calls and the retries ran out. */
    THROTTLING("AWS throttled the calls: retry later or with a lower --max-parallel"),
    /** No credentials could be loaded, or AWS did not accept them. */
    CREDENTIALS(null),
    /** A service control policy denied the call. */
    SCP("a service control policy denies the call: see --scp-denied-regions and samples/iam"),
    /** The identity lacks a permission. */
    PERMISSION(null),
    /** Anything else: the caller's own hint stands. */
    OTHER(null);

    /** Codes the gateway gives failures that never reached AWS. */
    public static final String TIMEOUT = "NetworkTimeout";
    public static final String REFUSED = "ConnectionRefused";
    public static final String UNKNOWN_HOST = "UnknownHost";
    public static final String TLS = "TlsError";
    public static final String UNANSWERING = "EndpointNotAnswering";
    public static final String CREDENTIALS_UNAVAILABLE = "CredentialsUnavailable";

    private final String hint;

    CauseClass(String hint) {
        this.hint = hint;
    }

    /** The hint for this class, or empty where the call's own (credentials, permissions) fits better. */
    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }

    public static CauseClass of(Failure failure) {
        String code = failure.errorCode();
        String lowerMessage = failure.message().toLowerCase(Locale.ROOT);
        return switch (code) {
            case TIMEOUT, REFUSED, UNKNOWN_HOST, TLS, UNANSWERING -> NETWORK;
            case CREDENTIALS_UNAVAILABLE, "InvalidClientTokenId", "UnrecognizedClientException", "ExpiredToken",
                 "ExpiredTokenException", "SignatureDoesNotMatch", "InvalidSignatureException", "IncompleteSignature" -> CREDENTIALS;
            case "Throttling", "ThrottlingException", "TooManyRequestsException", "RequestLimitExceeded",
                 "RequestThrottled", "SlowDown" -> THROTTLING;
            case "InvalidResponse" -> INVALID_ANSWER;
            default -> {
                if (code.startsWith("HTTP 5")) {
                    yield SERVICE;
                }
                if (lowerMessage.contains("unable to unmarshall response")) {
                    yield INVALID_ANSWER;
                }
                if (FailureKind.deniedByScp(failure)) {
                    yield SCP;
                }
                if (code.contains("AccessDenied") || code.equals("UnauthorizedOperation")) {
                    yield PERMISSION;
                }
                yield OTHER;
            }
        };
    }
}

package io.orgscan.aws;

import io.orgscan.model.Failure;
import io.orgscan.scan.AwsCallException;
import io.orgscan.scan.CauseClass;
import io.orgscan.scan.OrganizationRoleException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.apache.http.conn.ConnectTimeoutException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * Turns SDK exceptions into {@link Failure} data at the boundary, so no SDK type leaks inward. A
 * failure that never reached AWS gets a code naming its class of cause ({@link #NETWORK_CODES}, or
 * {@link #CREDENTIALS}) and one short line naming the endpoint, instead of the SDK's message (which
 * for a credentials chain runs to kilobytes, listing every profile of the config file).
 */
final class Failures {
    /** No connection: the endpoint did not answer in time, refused, or its name did not resolve. */
    static final String TIMEOUT = CauseClass.TIMEOUT;
    static final String REFUSED = CauseClass.REFUSED;
    static final String UNKNOWN_HOST = CauseClass.UNKNOWN_HOST;
    static final String TLS = CauseClass.TLS;
    /** The endpoint stopped answering earlier in the scan and its calls now fail at once ({@link EndpointBreaker}). */
    static final String UNANSWERING = CauseClass.UNANSWERING;
    /** No credentials could be loaded: the provider's own reason, shortened. */
    static final String CREDENTIALS = CauseClass.CREDENTIALS_UNAVAILABLE;
    /** The longest message kept: a line on stderr, a cell of the workbook. */
    static final int MAX_MESSAGE = 200;

    private Failures() {
    }

    static AwsCallException of(String operation, RuntimeException thrown) {
        return of(operation, null, thrown);
    }

    /** A failure of a call to {@code endpoint} (null if unknown), which a network failure names. */
    static AwsCallException of(String operation, URI endpoint, RuntimeException thrown) {
        return new AwsCallException(failure(operation, endpoint, thrown), thrown);
    }

    /** Assuming the role of {@code --org-role-arn} failed. */
    static OrganizationRoleException organizationRole(String roleArn, RuntimeException thrown) {
        return new OrganizationRoleException(roleArn, failure("AssumeRole", null, thrown), thrown);
    }

    /** A call not sent because its endpoint stopped answering ({@link EndpointBreaker#refusal}). */
    static AwsCallException unanswering(String operation, String reason) {
        return new AwsCallException(new Failure(operation, UNANSWERING, reason, 0), null);
    }

    /** True when {@code thrown} is a call that got no answer in time: what {@link EndpointBreaker} counts. */
    static boolean unanswered(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiCallAttemptTimeoutException || t instanceof ApiCallTimeoutException
                    || t instanceof ConnectTimeoutException || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    static Failure failure(String operation, URI endpoint, RuntimeException thrown) {
        if (thrown instanceof InvalidResponse invalid) {
            return new Failure(operation, InvalidResponse.CODE, invalid.getMessage(), 1);
        }
        SdkException sdk = find(thrown);
        if (sdk instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails().errorMessage();
            if (code == null) {
                // No AWS error in the body: a proxy, load balancer or gateway answered (HTML 502 and the like).
                return new Failure(operation, "HTTP " + service.statusCode(), shorten("HTTP " + service.statusCode()
                        + " without an AWS error from " + name(endpoint, "the endpoint")
                        + (service.statusCode() >= 500 ? ": a network or service problem, not the credentials" : "")),
                        attempts(sdk));
            }
            return new Failure(operation, code, message == null ? "" : message, attempts(sdk));
        }
        int attempts = sdk == null ? 1 : attempts(sdk);
        String host = name(endpoint, null);
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TokenAcquisitionFailedException refused && refused.token() == null
                    && refused.getMessage() != null && refused.getMessage().startsWith("endpoint ")) {
                return new Failure(operation, UNANSWERING, refused.getMessage(), 0);
            }
        }
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnknownHostException) {
                String name = host != null ? host : t.getMessage();
                return new Failure(operation, UNKNOWN_HOST, shorten("host " + hostOnly(name, t.getMessage())
                        + " not found (DNS): check the network, the region and --endpoint-url"), attempts);
            }
            if (t instanceof ConnectTimeoutException) {
                return new Failure(operation, TIMEOUT, shorten(name(endpoint, "the endpoint")
                        + " did not answer (connect timed out): check the network and proxy (HTTPS_PROXY, NO_PROXY)"), attempts);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new Failure(operation, REFUSED, shorten(name(endpoint, "the endpoint")
                        + " refused the connection: check the network, proxy and --endpoint-url"), attempts);
            }
            if (t instanceof SSLException) {
                return new Failure(operation, TLS, shorten("TLS with " + name(endpoint, "the endpoint") + " failed ("
                        + t.getMessage() + "): a proxy that intercepts TLS needs its CA in the JVM trust store"), attempts);
            }
        }
        if (unanswered(thrown)) {
            return new Failure(operation, TIMEOUT, shorten(name(endpoint, "the endpoint")
                    + " did not answer in time: check the network and proxy (HTTPS_PROXY, NO_PROXY)"), attempts);
        }
        // The most telling credentials message of the chain: the deepest (a process's own error
        // sits under "Failed to refresh process-based credentials").
        String credentials = null;
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && credentials(t.getMessage())) {
                credentials = t.getMessage();
            }
        }
        if (credentials != null) {
            return new Failure(operation, CREDENTIALS, Credentials.reason(credentials), attempts);
        }
        String message = thrown.getMessage() == null ? rootOf(thrown).toString() : thrown.getMessage();
        return new Failure(operation, rootOf(thrown).getClass().getSimpleName(), message, attempts);
    }

    private static boolean credentials(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.startsWith("unable to load credentials") || lower.contains("profile file contained no credentials")
                || lower.contains("command returned non-zero exit value") || lower.contains("credential_process")
                || lower.contains("token has expired") || lower.contains("sso session")
                || lower.startsWith("unable to load region") || lower.contains("profile file") || lower.contains("login_session")
                || lower.contains("process-based credentials");
    }

    private static String name(URI endpoint, String unknown) {
        if (endpoint == null) {
            return unknown;
        }
        return "endpoint " + endpoint.getScheme() + "://" + endpoint.getHost() + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort());
    }

    private static String hostOnly(String name, String fallback) {
        if (name == null) {
            return fallback;
        }
        return name.startsWith("endpoint ") ? URI.create(name.substring("endpoint ".length())).getHost() : name;
    }

    static String shorten(String message) {
        String line = message.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE - 3) + "...";
    }

    private static Throwable rootOf(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static int attempts(SdkException exception) {
        Integer attempts = exception.numAttempts();
        return attempts == null ? 1 : attempts;
    }

    private static SdkException find(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof AwsServiceException) {
                return (SdkException) t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return thrown instanceof SdkException sdk ? sdk : null;
    }
}

package io.orgscan.simulator.scenario;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a {@code faults.responses} rule spoils a call's answer. The first three break the connection;
 * the others send an HTTP response that a real AWS endpoint never would, or that a proxy in front
 * of it might; the last a well-formed answer whose content cannot be true.
 */
public enum ResponseMode {
    /** Read the request, never answer; the connection is released when the client closes it. */
    HANG,
    /** Reset the connection (TCP RST) instead of answering. */
    RESET,
    /** Send the headers with the real Content-Length and half the body, then close. */
    CLOSE_MID_BODY,
    /** HTTP 200 with a body that is neither JSON nor XML. */
    MALFORMED,
    /** HTTP 200 with the first half of the real body, and a Content-Length that matches it. */
    TRUNCATED,
    /** HTTP 200 with an empty body. */
    EMPTY,
    /** HTTP 200 with {@code {}} (JSON protocols) or the response's root element, empty (XML ones). */
    EMPTY_OBJECT,
    /** HTTP 502 with an HTML page, as a proxy sends when the service behind it fails. */
    HTML_502,
    /** HTTP 503 with an HTML page, as a proxy sends when it has no service to forward to. */
    HTML_503,
    /**
     * EC2 DescribeRegions only: HTTP 200 with the real answer less its {@code opt-in-not-required}
     * regions, well-formed, an answer that cannot be true: every account has the default regions.
     */
    NO_DEFAULT_REGIONS;

    /** The scenario's and command line's name: {@code close-mid-body}, {@code html-502}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads a {@link #wireName()}; IllegalArgumentException naming the known modes otherwise. */
    public static ResponseMode of(String name) {
        for (ResponseMode mode : values()) {
            if (mode.wireName().equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown response fault mode \"" + name + "\"; one of "
                + String.join(", ", Arrays.stream(values()).map(ResponseMode::wireName).toList()));
    }
}

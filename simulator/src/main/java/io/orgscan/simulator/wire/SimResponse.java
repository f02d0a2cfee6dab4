package io.orgscan.simulator.wire;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * A complete HTTP response; the body is always sent with a Content-Length so keep-alive works,
 * unless {@code delivery} says the connection misbehaves instead (a fault the scenario asked for).
 */
public record SimResponse(int status, String contentType, byte[] body, Map<String, String> headers, Delivery delivery) {
    /** How the server puts the response on the wire. */
    public enum Delivery {
        /** Status line, headers, the whole body. */
        NORMAL,
        /** Nothing at all: the connection stays open and silent until the client gives up and closes it. */
        HANG,
        /** The connection is reset (TCP RST, SO_LINGER 0) instead of answered. */
        RESET,
        /** Headers with the full Content-Length, half the body, then the connection is closed. */
        CLOSE_MID_BODY
    }

    public SimResponse {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(delivery, "delivery");
    }

    public SimResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
        this(status, contentType, body, headers, Delivery.NORMAL);
    }

    public static SimResponse of(int status, String contentType, String body) {
        return new SimResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static SimResponse of(int status, String contentType, byte[] body, Map<String, String> headers) {
        return new SimResponse(status, contentType, body, headers);
    }

    /** The same response, put on the wire as {@code how}. */
    public SimResponse delivered(Delivery how) {
        return new SimResponse(status, contentType, body, headers, how);
    }

    public boolean isError() {
        return status >= 400 || delivery != Delivery.NORMAL;
    }
}

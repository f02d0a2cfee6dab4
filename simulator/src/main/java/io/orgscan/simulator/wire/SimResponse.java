package io.orgscan.simulator.wire;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A complete HTTP response; the body is always sent with a Content-Length so keep-alive works. */
public record SimResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
    public SimResponse {
        headers = Map.copyOf(headers);
    }

    public static SimResponse of(int status, String contentType, String body) {
        return new SimResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static SimResponse of(int status, String contentType, byte[] body, Map<String, String> headers) {
        return new SimResponse(status, contentType, body, headers);
    }

    public boolean isError() {
        return status >= 400;
    }
}

package io.orgscan.simulator.wire;

import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP request, fully read (so the connection can be kept alive), with lazily decoded parameters. */
public final class SimRequest {
    private final String method;
    private final String rawPath;
    private final Map<String, String> query;
    private final Headers headers;
    private final byte[] body;
    private volatile Map<String, String> parameters;

    public SimRequest(String method, String rawPath, String rawQuery, Headers headers, byte[] body) {
        this.method = method;
        this.rawPath = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        this.query = decodeForm(rawQuery);
        this.headers = headers;
        this.body = body;
    }

    public String method() {
        return method;
    }

    /** The path as sent, still percent-encoded. */
    public String rawPath() {
        return rawPath;
    }

    /** The first value of a header (case-insensitive), or null. */
    public String header(String name) {
        return headers.getFirst(name);
    }

    /** Decoded query-string parameters (first value of each). */
    public Map<String, String> query() {
        return query;
    }

    public byte[] body() {
        return body;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Query-protocol parameters: the query string plus a form-encoded body, as STS and EC2 accept
     * either (the SDKs send the body).
     */
    public Map<String, String> parameters() {
        Map<String, String> result = parameters;
        if (result == null) {
            Map<String, String> merged = new LinkedHashMap<>(query);
            String contentType = header("Content-Type");
            if (body.length > 0 && (contentType == null || contentType.startsWith("application/x-www-form-urlencoded"))) {
                merged.putAll(decodeForm(bodyText()));
            }
            result = Collections.unmodifiableMap(merged);
            parameters = result;
        }
        return result;
    }

    private static Map<String, String> decodeForm(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            result.putIfAbsent(name, value);
        }
        return Collections.unmodifiableMap(result);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a stray '%': keep the raw text and let validation complain about the value
        }
    }
}

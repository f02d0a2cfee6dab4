package io.orgscan.simulator.wire;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credential scope of a SigV4-signed request: {@code Credential=AKID/yyyymmdd/region/service/aws4_request}.
 * It names who calls (the access key id) and where (region, service). The simulator never checks the
 * signature itself: a local test endpoint gains nothing from it and clients sign correctly anyway.
 */
public record SigV4Scope(String accessKeyId, String date, String region, String service) {
    private static final Pattern CREDENTIAL =
            Pattern.compile("Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]+)/([^/,\\s]+)/aws4_request");

    /**
     * Reads the scope from an {@code Authorization} header, or from a presigned query's
     * {@code X-Amz-Credential} when there is no header.
     *
     * @return empty when the request carries no SigV4 authentication at all
     * @throws IllegalArgumentException when authentication is present but malformed
     */
    public static Optional<SigV4Scope> of(String authorizationHeader, String queryCredential) {
        if (authorizationHeader != null && !authorizationHeader.isBlank()) {
            if (!authorizationHeader.startsWith("AWS4-HMAC-SHA256 ")) {
                throw new IllegalArgumentException("Authorization header requires 'AWS4-HMAC-SHA256' signing");
            }
            Matcher matcher = CREDENTIAL.matcher(authorizationHeader);
            if (!matcher.find() || !authorizationHeader.contains("Signature=")) {
                throw new IllegalArgumentException(
                        "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters");
            }
            return Optional.of(new SigV4Scope(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4)));
        }
        if (queryCredential != null && !queryCredential.isBlank()) {
            Matcher matcher = CREDENTIAL.matcher("Credential=" + queryCredential);
            if (!matcher.find()) {
                throw new IllegalArgumentException("X-Amz-Credential must be AKID/yyyymmdd/region/service/aws4_request");
            }
            return Optional.of(new SigV4Scope(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4)));
        }
        return Optional.empty();
    }
}

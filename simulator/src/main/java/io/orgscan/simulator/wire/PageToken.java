package io.orgscan.simulator.wire;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque pagination tokens, as AWS hands out: a client cannot read the offset, and a token only works
 * for the listing it came from. The token is the base64url of {@code scope \n offset} followed by a
 * truncated HMAC under a key private to one simulator, so edited, foreign or cross-listing tokens are
 * rejected as the service rejects invalid tokens.
 */
public final class PageToken {
    private static final int MAC_BYTES = 12;
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    public PageToken(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("page token secret must be at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /**
     * @param scope  names the listing, including every parameter that shapes it (operation, parent, caller, filter)
     * @param offset the index of the first item of the next page
     */
    public String encode(String scope, int offset) {
        byte[] payload = (scope + "\n" + offset).getBytes(StandardCharsets.UTF_8);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(payload) + "." + base64.encodeToString(mac(payload));
    }

    /** The offset a token carries, or empty if the token is malformed, forged or from another listing. */
    public Optional<Integer> decode(String scope, String token) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            Base64.Decoder base64 = Base64.getUrlDecoder();
            byte[] payload = base64.decode(token.substring(0, dot));
            byte[] mac = base64.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(mac, mac(payload))) {
                return Optional.empty();
            }
            String text = new String(payload, StandardCharsets.UTF_8);
            int newline = text.lastIndexOf('\n');
            if (newline < 0 || !text.substring(0, newline).equals(scope)) {
                return Optional.empty();
            }
            int offset = Integer.parseInt(text.substring(newline + 1));
            return offset < 0 ? Optional.empty() : Optional.of(offset);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        return Arrays.copyOf(macs.get().doFinal(payload), MAC_BYTES);
    }
}

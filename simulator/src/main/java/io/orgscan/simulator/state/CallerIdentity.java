package io.orgscan.simulator.state;

import java.time.Instant;

/**
 * Who signed a request: the account its access key belongs to and the principal GetCallerIdentity
 * reports. Temporary credentials also carry their session token, expiry and role.
 *
 * @param sessionToken null for long-term credentials
 * @param expiresAt    null when the credentials never expire
 * @param roleName     null unless these are AssumeRole credentials
 */
public record CallerIdentity(String accessKeyId, String secretAccessKey, String accountId, String arn, String userId,
                             String sessionToken, Instant expiresAt, String roleName) {
    public boolean isTemporary() {
        return sessionToken != null;
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}

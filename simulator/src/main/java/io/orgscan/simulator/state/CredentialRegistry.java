package io.orgscan.simulator.state;

import io.orgscan.simulator.scenario.Scenario;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every access key the simulator accepts: the scenario's long-term keys and the temporary keys
 * AssumeRole mints. A call's account is the account of its access key id, nothing else.
 */
public final class CredentialRegistry {
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final Map<String, CallerIdentity> byAccessKeyId = new ConcurrentHashMap<>();
    private final AtomicLong minted = new AtomicLong();
    private final SecureRandom random = new SecureRandom();

    public CredentialRegistry(Scenario scenario) {
        for (Scenario.Credentials c : scenario.credentials()) {
            byAccessKeyId.put(c.accessKeyId(), new CallerIdentity(c.accessKeyId(), c.secretAccessKey(), c.accountId(),
                    c.arn(), userIdFor(c), null, null, null));
        }
    }

    public Optional<CallerIdentity> find(String accessKeyId) {
        return Optional.ofNullable(byAccessKeyId.get(accessKeyId));
    }

    /**
     * Mints fresh temporary credentials for a role session. Every call yields a new key: the first
     * six characters after {@code ASIA} count the keys minted, the rest are random.
     */
    public CallerIdentity mint(String accountId, String roleName, String sessionName, Instant expiresAt) {
        long serial = minted.incrementAndGet();
        StringBuilder key = new StringBuilder("ASIA");
        for (int shift = 25; shift >= 0; shift -= 5) {
            key.append(BASE32[(int) (serial >>> shift) & 31]);
        }
        byte[] bytes = new byte[60];
        random.nextBytes(bytes);
        for (int i = 0; i < 10; i++) {
            key.append(BASE32[bytes[i] & 31]);
        }
        String secret = Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(bytes, 10, 40));
        // Shaped like a real session token (base64, starts like one); only its identity with the key matters.
        String token = "IQoJb3JpZ2luX2VjE" + Base64.getEncoder().withoutPadding().encodeToString(
                (key + ":" + Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(bytes, 40, 60)))
                        .getBytes(StandardCharsets.US_ASCII));
        String roleId = roleId(accountId, roleName);
        CallerIdentity identity = new CallerIdentity(key.toString(), secret, accountId,
                "arn:aws:sts::" + accountId + ":assumed-role/" + roleName + "/" + sessionName,
                roleId + ":" + sessionName, token, expiresAt, roleName);
        byAccessKeyId.put(identity.accessKeyId(), identity);
        return identity;
    }

    /** The id of the role a session belongs to ({@code AROA...}), stable for a role. */
    public static String roleId(String accountId, String roleName) {
        return "AROA" + stableId(accountId + "/" + roleName, 17);
    }

    private static String userIdFor(Scenario.Credentials c) {
        return "AIDA" + stableId(c.accessKeyId(), 17);
    }

    /** A stable pseudo-random upper-case id, so an identity reports the same unique id every time. */
    private static String stableId(String seed, int length) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                id.append(BASE32[digest[i] & 31]);
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}

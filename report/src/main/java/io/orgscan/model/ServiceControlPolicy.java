package io.orgscan.model;

import java.util.List;
import java.util.Objects;

/**
 * A service control policy the scan read (with {@code --scp-denied-regions not-applicable}): enough
 * for an auditor to tell which policy text the not-applicable cells rest on.
 *
 * @param sha256          the SHA-256 of the policy's content as DescribePolicy returned it, in hex
 * @param regionDenySids  the Sids of its region-deny statements ({@code #n} for a statement without
 *                        one); empty for a policy that denies no region
 * @param targets         the roots, OUs and accounts it is attached to, read only for a policy with a
 *                        region-deny statement (empty otherwise: FullAWSAccess is attached everywhere)
 */
public record ServiceControlPolicy(String id, String name, String sha256, List<String> regionDenySids,
                                   List<String> targets) {
    public ServiceControlPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a policy's SHA-256 is 64 lowercase hex digits: " + sha256);
        }
        regionDenySids = List.copyOf(regionDenySids);
        targets = List.copyOf(targets);
    }
}

package io.orgscan.scan;

import java.util.List;
import java.util.Objects;

/**
 * A service control policy the scan read with {@code --scp-denied-regions not-applicable}: what the
 * evidence records of it (scan.json, the Parameters and Method sheets).
 *
 * @param contentSha256  lower-case hex SHA-256 of the UTF-8 bytes of its content, as DescribePolicy returned it
 * @param regionDenySids the Sids of its region-deny statements ({@code #n} for a statement without one), in
 *                       document order; empty for a policy that denies no region
 * @param targets        the roots, OUs and accounts it is attached to, read only for a policy with a
 *                       region-deny statement (empty otherwise)
 */
public record PolicyRead(String id, String name, String contentSha256, List<String> regionDenySids, List<String> targets) {
    public PolicyRead {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentSha256, "contentSha256");
        regionDenySids = List.copyOf(regionDenySids);
        targets = List.copyOf(targets);
    }
}

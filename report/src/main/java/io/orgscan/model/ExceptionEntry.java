package io.orgscan.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One entry of an exceptions register: which findings it covers, the disposition people decided,
 * and who stands behind it. The owner, approver, justification and ticket are text people typed
 * (untrusted: neutralised wherever a spreadsheet shows them, kept as typed in scan.json).
 *
 * <p>An entry covers either one finding ({@code findingId}, {@code iam-aa-coverage:<partition>:<account>:<region>})
 * or a pattern: {@code accountPattern} a 12-digit account id or {@code *} (every account),
 * {@code regionPattern} a region name or {@code *} (every region).
 *
 * @param row     the entry's row in its register (the header is row 1), for messages and the review
 * @param expires the last day the entry applies (UTC), or null for no end
 */
public record ExceptionEntry(int row, String findingId, String accountPattern, String regionPattern,
                             Disposition disposition, String owner, String approver, String justification,
                             String ticket, LocalDate expires) {
    /** The pattern that matches every account or every region. */
    public static final String ANY = "*";

    public ExceptionEntry {
        if (row < 1) {
            throw new IllegalArgumentException("row must be 1 or more: " + row);
        }
        Objects.requireNonNull(disposition, "disposition");
        owner = Objects.requireNonNullElse(owner, "");
        approver = Objects.requireNonNullElse(approver, "");
        justification = Objects.requireNonNullElse(justification, "");
        ticket = Objects.requireNonNullElse(ticket, "");
        if (findingId != null) {
            if (accountPattern != null || regionPattern != null) {
                throw new IllegalArgumentException("give finding_id or account_id and region, not both");
            }
            requireFindingId(findingId);
        } else {
            if (accountPattern == null || regionPattern == null) {
                throw new IllegalArgumentException("give finding_id, or both account_id and region");
            }
            if (!accountPattern.equals(ANY) && !AwsNames.isAccountId(accountPattern)) {
                throw new IllegalArgumentException("account_id must be 12 digits or *, not \"" + accountPattern + "\"");
            }
            if (!regionPattern.equals(ANY) && !AwsNames.isRegion(regionPattern)) {
                throw new IllegalArgumentException("region must be a region name such as eu-west-1 or *, not \""
                        + regionPattern + "\"");
            }
        }
    }

    /** The account id a finding-id entry names, else its account pattern. */
    public String account() {
        return findingId == null ? accountPattern : findingId.split(":", -1)[2];
    }

    /** The region a finding-id entry names, else its region pattern. */
    public String region() {
        return findingId == null ? regionPattern : findingId.split(":", -1)[3];
    }

    /** The partition a finding-id entry names; null for a pattern (it matches in any partition). */
    public String partition() {
        return findingId == null ? null : findingId.split(":", -1)[1];
    }

    /** What the entry covers, as people read it: the finding id, or {@code account_id=... region=...}. */
    public String selector() {
        return findingId != null ? findingId : "account_id=" + accountPattern + " region=" + regionPattern;
    }

    /** True when the entry no longer applies to a scan that finished on {@code day} (UTC). */
    public boolean expiredOn(LocalDate day) {
        return expires != null && expires.isBefore(day);
    }

    private static void requireFindingId(String id) {
        String[] parts = id.split(":", -1);
        if (parts.length != 4 || !parts[0].equals("iam-aa-coverage") || parts[1].isEmpty()
                || !AwsNames.isAccountId(parts[2]) || !AwsNames.isRegion(parts[3])) {
            throw new IllegalArgumentException("finding_id must be iam-aa-coverage:<partition>:<12-digit account id>:"
                    + "<region>, not \"" + id + "\"");
        }
    }
}

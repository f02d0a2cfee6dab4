package io.orgscan.model;

import java.util.Comparator;

/** The coordinates of one cell: an account and a region. Sorted by account id, then region. */
public record CellKey(String accountId, String region) implements Comparable<CellKey> {
    private static final Comparator<CellKey> ORDER =
            Comparator.comparing(CellKey::accountId).thenComparing(CellKey::region);

    public CellKey {
        AwsNames.requireAccountId(accountId);
        AwsNames.requireRegion(region);
    }

    @Override
    public int compareTo(CellKey other) {
        return ORDER.compare(this, other);
    }
}

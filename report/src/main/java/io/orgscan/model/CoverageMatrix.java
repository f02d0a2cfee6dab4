package io.orgscan.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every account Organizations listed, every region of the universe, and exactly one cell for each
 * account x region. Accounts are sorted by id, regions by name, cells by account id then region.
 */
public final class CoverageMatrix {
    private final List<AccountRef> accounts;
    private final List<String> regions;
    private final List<Cell> cells;
    /** Position of each account id and region in the sorted lists; a cell's index is account x regions + region. */
    private final Map<String, Integer> accountIndex;
    private final Map<String, Integer> regionIndex;

    public CoverageMatrix(List<AccountRef> accounts, List<String> regions, List<Cell> cells) {
        List<AccountRef> sortedAccounts = new ArrayList<>(accounts);
        sortedAccounts.sort(Comparator.comparing(AccountRef::id));
        List<String> sortedRegions = new ArrayList<>(regions);
        sortedRegions.forEach(AwsNames::requireRegion);
        sortedRegions.sort(Comparator.naturalOrder());
        this.accountIndex = positionsOf(sortedAccounts.stream().map(AccountRef::id).toList(), "account");
        this.regionIndex = positionsOf(sortedRegions, "region");

        // Each cell goes to its place by the two indexes above: no hashing of cell keys, which at the
        // end of a large scan is a third of a million lookups on a JVM that has barely compiled them.
        Cell[] placed = new Cell[sortedAccounts.size() * sortedRegions.size()];
        Set<CellKey> outside = new HashSet<>();
        for (Cell cell : cells) {
            int index = indexOf(cell.key().accountId(), cell.key().region());
            boolean duplicate = index < 0 ? !outside.add(cell.key()) : placed[index] != null;
            if (duplicate) {
                throw new IllegalArgumentException("two cells for " + cell.key());
            }
            if (index >= 0) {
                placed[index] = cell;
            }
        }
        for (int i = 0; i < placed.length; i++) {
            if (placed[i] == null) {
                throw new IllegalArgumentException("no cell for account " + sortedAccounts.get(i / sortedRegions.size()).id()
                        + " in " + sortedRegions.get(i % sortedRegions.size()));
            }
        }
        if (!outside.isEmpty()) {
            throw new IllegalArgumentException("cells outside the accounts x regions of the matrix");
        }
        this.accounts = List.copyOf(sortedAccounts);
        this.regions = List.copyOf(sortedRegions);
        this.cells = List.of(placed);
    }

    public List<AccountRef> accounts() {
        return accounts;
    }

    public List<String> regions() {
        return regions;
    }

    /** All cells, sorted by account id then region. */
    public List<Cell> cells() {
        return cells;
    }

    public Cell cell(String accountId, String region) {
        int index = indexOf(accountId, region);
        if (index < 0) {
            throw new IllegalArgumentException("no cell for account " + accountId + " in " + region);
        }
        return cells.get(index);
    }

    /** The account's cells in region order. */
    public List<Cell> cellsOf(String accountId) {
        Integer index = accountIndex.get(accountId);
        if (index == null) {
            throw new IllegalArgumentException("no account " + accountId);
        }
        return cells.subList(index * regions.size(), (index + 1) * regions.size());
    }

    public long count(ComplianceStatus status) {
        return cells.stream().filter(c -> c.status() == status).count();
    }

    /** The position of each value; the values must be distinct. */
    private static Map<String, Integer> positionsOf(List<String> values, String what) {
        Map<String, Integer> index = new HashMap<>();
        for (String value : values) {
            if (index.put(Objects.requireNonNull(value), index.size()) != null) {
                throw new IllegalArgumentException("duplicate " + what + ": " + value);
            }
        }
        return index;
    }

    /** The index of the cell in {@link #cells}, or -1 when the account or the region is not in the matrix. */
    private int indexOf(String accountId, String region) {
        Integer account = accountIndex.get(accountId);
        Integer column = regionIndex.get(region);
        return account == null || column == null ? -1 : account * regionIndex.size() + column;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CoverageMatrix that
                && accounts.equals(that.accounts) && regions.equals(that.regions) && cells.equals(that.cells);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accounts, regions, cells);
    }
}

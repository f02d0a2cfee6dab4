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
    private final Map<CellKey, Cell> byKey;

    public CoverageMatrix(List<AccountRef> accounts, List<String> regions, List<Cell> cells) {
        List<AccountRef> sortedAccounts = new ArrayList<>(accounts);
        sortedAccounts.sort(Comparator.comparing(AccountRef::id));
        List<String> sortedRegions = new ArrayList<>(regions);
        sortedRegions.forEach(AwsNames::requireRegion);
        sortedRegions.sort(Comparator.naturalOrder());
        requireDistinct(sortedAccounts.stream().map(AccountRef::id).toList(), "account");
        requireDistinct(sortedRegions, "region");

        Map<CellKey, Cell> index = new HashMap<>();
        for (Cell cell : cells) {
            if (index.put(cell.key(), cell) != null) {
                throw new IllegalArgumentException("two cells for " + cell.key());
            }
        }
        List<Cell> sortedCells = new ArrayList<>(sortedAccounts.size() * sortedRegions.size());
        for (AccountRef account : sortedAccounts) {
            for (String region : sortedRegions) {
                Cell cell = index.get(new CellKey(account.id(), region));
                if (cell == null) {
                    throw new IllegalArgumentException("no cell for account " + account.id() + " in " + region);
                }
                sortedCells.add(cell);
            }
        }
        if (index.size() != sortedCells.size()) {
            throw new IllegalArgumentException("cells outside the accounts x regions of the matrix");
        }
        this.accounts = List.copyOf(sortedAccounts);
        this.regions = List.copyOf(sortedRegions);
        this.cells = List.copyOf(sortedCells);
        this.byKey = Map.copyOf(index);
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
        Cell cell = byKey.get(new CellKey(accountId, region));
        if (cell == null) {
            throw new IllegalArgumentException("no cell for account " + accountId + " in " + region);
        }
        return cell;
    }

    /** The account's cells in region order. */
    public List<Cell> cellsOf(String accountId) {
        int index = -1;
        for (int i = 0; i < accounts.size(); i++) {
            if (accounts.get(i).id().equals(accountId)) {
                index = i;
                break;
            }
        }
        if (index < 0) {
            throw new IllegalArgumentException("no account " + accountId);
        }
        return cells.subList(index * regions.size(), (index + 1) * regions.size());
    }

    public long count(ComplianceStatus status) {
        return cells.stream().filter(c -> c.status() == status).count();
    }

    private static void requireDistinct(List<String> values, String what) {
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            if (!seen.add(Objects.requireNonNull(value))) {
                throw new IllegalArgumentException("duplicate " + what + ": " + value);
            }
        }
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

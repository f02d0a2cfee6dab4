package io.orgscan.report.evidence;

import io.orgscan.model.Cell;
import io.orgscan.model.CellKey;
import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.ErrorRecord;
import io.orgscan.model.Failure;
import io.orgscan.model.ScanMetadata;
import io.orgscan.model.ScanResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which failed AWS call (errors.csv row) left each INSUFFICIENT_DATA cell undecided. A cell's error
 * is, first match wins:
 * <ol>
 *   <li>a failed call of the same account in the cell's region with the same operation and error code
 *       (ListAnalyzers);</li>
 *   <li>a failed call of the same account not tied to a region, same operation and code (AssumeRole,
 *       DescribeRegions: they leave every region of the account undecided);</li>
 *   <li>a failed call in the cell's region of the management account or the delegated administrator,
 *       same operation and code (under the org policy their organization analyzers decide other
 *       accounts' cells);</li>
 *   <li>a failed call tied to no account and no region, same operation and code
 *       (ListDelegatedAdministrators: an unknown delegated administrator leaves organization
 *       coverage unknown).</li>
 * </ol>
 * An undecided cell without such a row is a gap in the evidence; the Reconciliation sheet counts it.
 */
public final class ErrorLinks {
    private final List<String> errorIds;
    private final Map<CellKey, Integer> errorOfCell = new HashMap<>();
    private final long[] cellsPerError;

    private ErrorLinks(ScanResult result) {
        List<ErrorRecord> errors = result.errors();
        errorIds = new ArrayList<>(errors.size());
        cellsPerError = new long[errors.size()];
        Map<Key, Integer> firstByKey = new HashMap<>();
        for (int i = 0; i < errors.size(); i++) {
            ErrorRecord error = errors.get(i);
            errorIds.add(errorId(i));
            firstByKey.putIfAbsent(new Key(error.accountId(), error.region(), error.failure().operation(),
                    error.failure().errorCode()), i);
        }
        ScanMetadata scan = result.metadata();
        List<String> administrators = new ArrayList<>();
        administrators.add(scan.managementAccountId());
        if (scan.delegatedAdministratorId() != null) {
            administrators.add(scan.delegatedAdministratorId());
        }
        for (Cell cell : result.matrix().cells()) {
            if (cell.status() != ComplianceStatus.INSUFFICIENT_DATA) {
                continue;
            }
            Failure failure = cell.failure();
            String account = cell.key().accountId();
            String region = cell.key().region();
            Integer found = firstByKey.get(new Key(account, region, failure.operation(), failure.errorCode()));
            if (found == null) {
                found = firstByKey.get(new Key(account, null, failure.operation(), failure.errorCode()));
            }
            for (int a = 0; found == null && a < administrators.size(); a++) {
                found = firstByKey.get(new Key(administrators.get(a), region, failure.operation(), failure.errorCode()));
            }
            if (found == null) {
                found = firstByKey.get(new Key(null, null, failure.operation(), failure.errorCode()));
            }
            if (found != null) {
                errorOfCell.put(cell.key(), found);
                cellsPerError[found]++;
            }
        }
    }

    public static ErrorLinks of(ScanResult result) {
        return new ErrorLinks(result);
    }

    /** The id errors.csv gives the i-th error of scan.json (0-based): {@code E0001}, {@code E0002}, ... */
    public static String errorId(int index) {
        return String.format("E%04d", index + 1);
    }

    /** The error row that left {@code cell} undecided, if there is one. */
    public Optional<String> errorIdOf(CellKey cell) {
        Integer index = errorOfCell.get(cell);
        return index == null ? Optional.empty() : Optional.of(errorIds.get(index));
    }

    /** How many undecided cells the i-th error explains. */
    public long cellsAffected(int errorIndex) {
        return cellsPerError[errorIndex];
    }

    /** Undecided cells that have an error row. */
    public long linkedCells() {
        return errorOfCell.size();
    }

    private record Key(String account, String region, String operation, String code) {
        Key {
            Objects.requireNonNull(operation);
            Objects.requireNonNull(code);
        }
    }
}

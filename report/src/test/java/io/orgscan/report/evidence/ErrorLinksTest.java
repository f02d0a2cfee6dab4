package io.orgscan.report.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.model.AccountRef;
import io.orgscan.model.AccountState;
import io.orgscan.model.Cell;
import io.orgscan.model.CellKey;
import io.orgscan.model.CoverageMatrix;
import io.orgscan.model.ErrorRecord;
import io.orgscan.model.Failure;
import io.orgscan.model.Reason;
import io.orgscan.model.RegionOptStatus;
import io.orgscan.model.ScanResult;
import io.orgscan.report.testkit.ScanFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each undecided cell finds the failed call that left it so, by the three rules of {@link ErrorLinks}. */
class ErrorLinksTest {
    static final String MEMBER = "000000000030";
    static final String ROLELESS = "000000000031";

    @Test
    void linksRegionCallsAccountWideCallsAndTheAdministratorsCalls() {
        Failure listDenied = new Failure("ListAnalyzers", "AccessDeniedException", "denied", 1);
        Failure assumeDenied = new Failure("AssumeRole", "AccessDenied", "no", 1);
        Failure adminThrottled = new Failure("ListAnalyzers", "ThrottlingException", "slow down", 5);
        Failure explained = new Failure("ListAnalyzers", "ThrottlingException",
                "organization analyzers of account " + ScanFixture.MANAGEMENT + " could not be read: slow down", 5);
        List<AccountRef> accounts = List.of(
                new AccountRef(MEMBER, "M", "", AccountState.ACTIVE, "Root", false, false),
                new AccountRef(ROLELESS, "R", "", AccountState.ACTIVE, "Root", false, false));
        List<Cell> cells = List.of(
                undecided(MEMBER, "eu-west-1", Reason.API_ERROR, explained),
                undecided(MEMBER, "us-east-1", Reason.ACCESS_DENIED, listDenied),
                undecided(ROLELESS, "eu-west-1", Reason.ASSUME_ROLE_FAILED, assumeDenied),
                undecided(ROLELESS, "us-east-1", Reason.ASSUME_ROLE_FAILED, assumeDenied));
        List<ErrorRecord> errors = List.of(
                new ErrorRecord(null, null, new Failure("ListDelegatedAdministrators", "X", "", 1)),
                new ErrorRecord(ScanFixture.MANAGEMENT, "eu-west-1", adminThrottled),
                new ErrorRecord(MEMBER, "us-east-1", listDenied),
                new ErrorRecord(ROLELESS, null, assumeDenied));
        ScanResult base = ScanFixture.builder().regions("us-east-1").build();
        ScanResult result = new ScanResult(base.metadata(),
                new CoverageMatrix(accounts, List.of("eu-west-1", "us-east-1"), cells), errors);

        ErrorLinks links = ErrorLinks.of(result);

        assertThat(links.errorIdOf(new CellKey(MEMBER, "eu-west-1"))).contains("E0002");
        assertThat(links.errorIdOf(new CellKey(MEMBER, "us-east-1"))).contains("E0003");
        assertThat(links.errorIdOf(new CellKey(ROLELESS, "eu-west-1"))).contains("E0004");
        assertThat(links.errorIdOf(new CellKey(ROLELESS, "us-east-1"))).contains("E0004");
        assertThat(links.linkedCells()).isEqualTo(4);
        assertThat(links.cellsAffected(0)).isZero();
        assertThat(links.cellsAffected(3)).isEqualTo(2);
    }

    private static Cell undecided(String account, String region, Reason reason, Failure failure) {
        return new Cell(new CellKey(account, region), RegionOptStatus.OPT_IN_NOT_REQUIRED, reason, failure.describe(),
                List.of(), null, failure);
    }
}

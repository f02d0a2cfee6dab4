package io.orgscan.simulator.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every BatchImportFindings request one simulator answered, in arrival order, with its body exactly as
 * it arrived: tests compare it with the file the batch came from. Nothing else is kept (no finding
 * store, no GetFindings): the simulator checks what an importer sends, not Security Hub's console.
 */
public final class SecurityHubImports {
    /**
     * One request.
     *
     * @param callerAccountId the account whose credentials signed it
     * @param region          the region of its signature
     * @param body            the request body as received (UTF-8)
     * @param status          the HTTP status of the answer: 200, or the error's
     * @param failedCount     findings refused one by one (FailedFindings), 0 for an error
     */
    public record Import(String callerAccountId, String region, String body, int status, int failedCount) {
        public Import {
            Objects.requireNonNull(callerAccountId, "callerAccountId");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(body, "body");
        }
    }

    private final List<Import> imports = new ArrayList<>();

    public synchronized void record(Import request) {
        imports.add(request);
    }

    /** A copy of the requests so far. */
    public synchronized List<Import> all() {
        return List.copyOf(imports);
    }
}

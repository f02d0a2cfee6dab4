package io.orgscan.simulator.scenario;

/** Organizations' legacy {@code Account.Status} (being retired in favour of {@link AccountState}). */
public enum AccountStatus {
    ACTIVE, SUSPENDED, PENDING_CLOSURE
}

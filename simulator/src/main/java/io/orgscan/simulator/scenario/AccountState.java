package io.orgscan.simulator.scenario;

/** Organizations {@code Account.State}, spelled as on the wire. */
public enum AccountState {
    PENDING_ACTIVATION, ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED;

    /**
     * The legacy {@code Account.Status} AWS reports for this state when a scenario does not set one:
     * closed accounts stay SUSPENDED during their post-closure period.
     */
    AccountStatus legacyStatus() {
        return switch (this) {
            case PENDING_ACTIVATION, ACTIVE -> AccountStatus.ACTIVE;
            case SUSPENDED, CLOSED -> AccountStatus.SUSPENDED;
            case PENDING_CLOSURE -> AccountStatus.PENDING_CLOSURE;
        };
    }
}

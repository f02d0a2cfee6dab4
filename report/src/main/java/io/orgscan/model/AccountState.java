package io.orgscan.model;

/** An account's lifecycle state as AWS Organizations reports it in {@code Account.State}. */
public enum AccountState {
    ACTIVE,
    SUSPENDED,
    PENDING_CLOSURE,
    CLOSED,
    PENDING_ACTIVATION,
    /** A value this version of orgscan does not know; treated as not active. */
    UNKNOWN;

    public boolean isActive() {
        return this == ACTIVE;
    }

    /** Maps an AWS string, tolerating values added after this release. */
    public static AccountState fromAws(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        for (AccountState state : values()) {
            if (state.name().equals(value)) {
                return state;
            }
        }
        return UNKNOWN;
    }
}

package io.orgscan.plan;

/** Why the plan cannot fix a cell by creating an analyzer. */
public enum Obstacle {
    /** The scan could not read the cell: access comes first. */
    INSUFFICIENT_DATA,
    /** Under the org policy, no IAM Access Analyzer delegated administrator is registered. */
    NO_DELEGATED_ADMINISTRATOR,
    /** ListDelegatedAdministrators failed: where the organization analyzer belongs is unknown. */
    DELEGATED_ADMINISTRATOR_UNKNOWN,
    /** The delegated administrator has not enabled a region its members use. */
    DELEGATED_ADMINISTRATOR_REGION_NOT_ENABLED,
    /** The delegated administrator's analyzers or regions in the region were not read. */
    DELEGATED_ADMINISTRATOR_REGION_UNREAD,
    /** An unexpired exceptions-register entry accepts the gap (RISK_ACCEPTED) or calls it wrong (FALSE_POSITIVE). */
    EXCEPTION
}

package io.orgscan.model;

/** Which analyzers count for an account. */
public enum CoveragePolicy {
    /**
     * An ACTIVE ORGANIZATION analyzer in a region, owned by the management account or the IAM
     * Access Analyzer delegated administrator, covers every ACTIVE account with that region enabled.
     */
    ORG,
    /**
     * Only the analyzers an account owns count for it: the reading of Security Hub IAM.28 and of the
     * CIS audit procedure, which looks in each account's own console.
     */
    ACCOUNT
}

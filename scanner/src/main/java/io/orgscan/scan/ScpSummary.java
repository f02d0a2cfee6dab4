package io.orgscan.scan;

/** One service control policy as ListPolicies lists it. */
public record ScpSummary(String id, String name) {
}

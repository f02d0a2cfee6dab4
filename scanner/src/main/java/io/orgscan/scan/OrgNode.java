package io.orgscan.scan;

/** A root or an organizational unit of the organization tree. */
public record OrgNode(String id, String name) {
}

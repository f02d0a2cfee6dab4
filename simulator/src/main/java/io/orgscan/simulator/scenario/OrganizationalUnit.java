package io.orgscan.simulator.scenario;

import java.util.Objects;

/** An organizational unit; {@code parentId} is the root id or another OU's id. */
public record OrganizationalUnit(String id, String name, String parentId) {
    public OrganizationalUnit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parentId, "parentId");
    }
}

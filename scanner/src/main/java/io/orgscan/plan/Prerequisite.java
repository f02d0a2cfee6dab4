package io.orgscan.plan;

import java.util.Objects;

/**
 * Something to do (or check) in the organization before the plan's analyzers can be created.
 *
 * @param command the AWS CLI command that does it, run from the management account
 */
public record Prerequisite(String id, String description, String command) {
    public Prerequisite {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(command, "command");
    }
}

package io.orgscan.plan;

import io.orgscan.model.AwsNames;
import io.orgscan.model.Reason;
import java.util.Objects;

/** A cell the plan leaves open, why, and what to do first. */
public record NotFixable(String findingId, String accountId, String region, Reason reason, Obstacle obstacle,
                         String whatToDo) {
    public NotFixable {
        Objects.requireNonNull(findingId, "finding_id");
        AwsNames.requireAccountId(accountId);
        AwsNames.requireRegion(region);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(obstacle, "obstacle");
        Objects.requireNonNull(whatToDo, "what_to_do");
    }
}

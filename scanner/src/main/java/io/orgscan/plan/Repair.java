package io.orgscan.plan;

import io.orgscan.model.AnalyzerStatus;
import io.orgscan.model.AnalyzerType;
import java.util.List;
import java.util.Objects;

/**
 * An external-access analyzer that exists but is not ACTIVE (CREATING, DISABLED, FAILED): the plan
 * does not create a second one beside it, it says what to do with this one.
 *
 * @param statusReason AWS's {@code statusReason.code}, or null
 * @param findingIds   the findings that turn COMPLIANT once the analyzer is ACTIVE, sorted
 */
public record Repair(String accountId, String region, String analyzerName, AnalyzerType analyzerType,
                     AnalyzerStatus status, String statusReason, String whatToDo, List<String> findingIds) {
    public Repair {
        Objects.requireNonNull(analyzerName, "analyzer_name");
        Objects.requireNonNull(whatToDo, "what_to_do");
        findingIds = List.copyOf(findingIds);
    }

    /** What to do about an analyzer in this status, for this status reason (AWS's codes). */
    static String whatToDo(AnalyzerStatus status, String statusReason, String name, String region) {
        String recreate = "delete it (aws accessanalyzer delete-analyzer --analyzer-name " + name + " --region " + region
                + "), then scan and plan again: the new plan creates its replacement";
        if (status == AnalyzerStatus.CREATING) {
            return "It is being created: wait a few minutes and scan again. If it is still CREATING after an hour, "
                    + recreate + ".";
        }
        if (statusReason == null) {
            return "It is " + status + " without a reason AWS gives: " + recreate + ".";
        }
        return switch (statusReason) {
            case "AWS_SERVICE_ACCESS_DISABLED" -> "Trusted access for IAM Access Analyzer is disabled in the organization: "
                    + "from the management account run aws organizations enable-aws-service-access --service-principal "
                    + "access-analyzer.amazonaws.com, then scan again; if it stays " + status + ", " + recreate + ".";
            case "DELEGATED_ADMINISTRATOR_DEREGISTERED" -> "Its account is no longer the IAM Access Analyzer delegated "
                    + "administrator: " + recreate + " (in the delegated administrator now registered).";
            case "ORGANIZATION_DELETED" -> "The organization it analyzed was deleted: " + recreate + ".";
            case "SERVICE_LINKED_ROLE_CREATION_FAILED" -> "IAM Access Analyzer could not create its service-linked role: "
                    + "run aws iam create-service-linked-role --aws-service-name access-analyzer.amazonaws.com in the "
                    + "account (with iam:CreateServiceLinkedRole), then " + recreate + ".";
            default -> "It is " + status + " (" + statusReason + "): " + recreate + ".";
        };
    }
}

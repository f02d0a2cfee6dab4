package io.orgscan.simulator.scenario;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A service control policy of the scenario: what Organizations' DescribePolicy returns for it, the
 * roots, OUs and accounts it is attached to, and its statements, parsed once for enforcement.
 *
 * @param content    the policy document exactly as DescribePolicy returns it (a JSON string)
 * @param targets    root, OU and account ids it is attached to, in scenario order
 * @param awsManaged true only for {@code FullAWSAccess}
 */
public record ServiceControlPolicy(String id, String name, String description, String content, List<String> targets,
                                   boolean awsManaged, List<PolicyStatement> statements) {
    /** AWS's own policy, attached to every root, OU and account unless the scenario detaches it. */
    public static final String FULL_AWS_ACCESS_ID = "p-FullAWSAccess";
    static final Pattern ID = Pattern.compile("p-[0-9a-zA-Z_]{8,128}");
    private static final String FULL_AWS_ACCESS_CONTENT =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

    public ServiceControlPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(content, "content");
        targets = List.copyOf(targets);
        statements = List.copyOf(statements);
    }

    /** FullAWSAccess as AWS defines it, attached to {@code targets}. */
    static ServiceControlPolicy fullAwsAccess(List<String> targets) {
        return new ServiceControlPolicy(FULL_AWS_ACCESS_ID, "FullAWSAccess", "Allows access to every operation",
                FULL_AWS_ACCESS_CONTENT, targets, true, PolicyStatement.parseDocument(FULL_AWS_ACCESS_CONTENT, "FullAWSAccess"));
    }

    /** Its ARN as Organizations reports it: AWS managed policies live under {@code aws}. */
    public String arn(Organization organization) {
        return awsManaged
                ? "arn:aws:organizations::aws:policy/service_control_policy/" + id
                : "arn:aws:organizations::" + organization.managementAccountId() + ":policy/" + organization.id()
                        + "/service_control_policy/" + id;
    }
}

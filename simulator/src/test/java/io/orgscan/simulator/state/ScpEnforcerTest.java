package io.orgscan.simulator.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.scenario.ScenarioException;
import io.orgscan.simulator.scenario.ScenarioLoader;
import io.orgscan.simulator.scenario.ServiceControlPolicy;
import org.junit.jupiter.api.Test;

/** The simulator's SCP evaluation, one IAM rule per test, on a three-level organization. */
class ScpEnforcerTest {
    private static final String MEMBER = "333333333333";
    private static final String ROLE = "arn:aws:iam::333333333333:role/OrganizationAccountAccessRole";
    private static final String USER = "arn:aws:iam::333333333333:user/someone";
    private static final String ANY = "*";

    private static final String JSON = """
            {
              "organization": {"id": "o-abcdefghij", "managementAccountId": "111111111111", "rootId": "r-abcd"},
              "regions": {"us-east-1": "default", "eu-west-1": "default", "eu-central-1": "default"},
              "organizationalUnits": [{"id": "ou-abcd-11111111", "name": "Workloads"},
                                      {"id": "ou-abcd-22222222", "name": "Allowlisted"}],
              "accounts": [
                {"id": "111111111111", "parentId": "r-abcd"},
                {"id": "333333333333", "parentId": "ou-abcd-11111111"},
                {"id": "444444444444", "parentId": "ou-abcd-22222222"}
              ],
              "fullAwsAccessDetachedFrom": ["ou-abcd-22222222"],
              "serviceControlPolicies": [
                {"id": "p-regiondeny", "name": "RegionDeny", "targets": ["r-abcd"],
                 "content": {"Version": "2012-10-17", "Statement": [{"Sid": "GRREGIONDENY", "Effect": "Deny",
                   "NotAction": ["access-analyzer:*", "ec2:DescribeRegions"], "Resource": "*",
                   "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["us-east-1"]},
                                 "ArnNotLike": {"aws:PrincipalARN": ["arn:aws:iam::*:role/AWSControlTowerExecution"]}}}]}},
                {"id": "p-eulikeonly", "name": "EuOnly", "targets": ["333333333333"],
                 "content": {"Statement": {"Effect": "Deny", "Action": "access-analyzer:List*", "Resource": "*",
                   "Condition": {"StringNotLike": {"aws:requestedregion": "eu-*"},
                                 "ArnNotEqualsIfExists": {"aws:PrincipalArn": "arn:aws:iam::333333333333:role/OrganizationAccountAccessRole"}}}}},
                {"id": "p-allowlist1", "name": "AllowList", "targets": ["ou-abcd-22222222"],
                 "content": {"Statement": [{"Effect": "Allow", "Action": ["access-analyzer:*", "sts:*"], "Resource": "*"}]}}
              ]
            }
            """;

    private final Scenario scenario = parse(JSON);
    private final ScpEnforcer enforcer = new ScpEnforcer(scenario);

    @Test
    void fullAwsAccessIsAttachedEverywhereItWasNotDetachedFrom() {
        ServiceControlPolicy full = scenario.policies().get(0);
        assertThat(full.id()).isEqualTo("p-FullAWSAccess");
        assertThat(full.targets()).containsExactly("r-abcd", "ou-abcd-11111111", "111111111111", "333333333333", "444444444444");
        assertThat(scenario.policyPath(MEMBER)).containsExactly("r-abcd", "ou-abcd-11111111", MEMBER);
    }

    @Test
    void notActionLeavesTheExemptedActionsAlone() {
        assertThat(enforcer.judge(MEMBER, ROLE, "ec2:DescribeRegions", ANY, "eu-central-1").allowed()).isTrue();
        ScpEnforcer.Decision denied = enforcer.judge(MEMBER, ROLE, "ec2:RunInstances", ANY, "eu-central-1");
        assertThat(denied.verdict()).isEqualTo(ScpEnforcer.Verdict.EXPLICIT_DENY);
        assertThat(denied.statement()).isEqualTo("p-regiondeny GRREGIONDENY");
        assertThat(enforcer.judge(MEMBER, ROLE, "ec2:RunInstances", ANY, "us-east-1").allowed()).isTrue();
    }

    @Test
    void anExemptedPrincipalIsNotDenied() {
        String controlTower = "arn:aws:iam::333333333333:role/AWSControlTowerExecution";
        assertThat(enforcer.judge(MEMBER, controlTower, "ec2:RunInstances", ANY, "eu-central-1").allowed()).isTrue();
    }

    @Test
    void wildcardRegionsActionsAndCaseInsensitiveKeys() {
        // StringNotLike eu-*: us-east-1 is denied to the user, eu-west-1 is not; the role is exempt (ArnNotEqualsIfExists).
        assertThat(enforcer.judge(MEMBER, USER, "access-analyzer:ListAnalyzers", ANY, "us-east-1").statement())
                .isEqualTo("p-eulikeonly #1");
        assertThat(enforcer.judge(MEMBER, USER, "access-analyzer:ListAnalyzers", ANY, "eu-west-1").allowed()).isTrue();
        assertThat(enforcer.judge(MEMBER, USER, "Access-Analyzer:listanalyzers", ANY, "us-east-1").allowed()).isFalse();
        assertThat(enforcer.judge(MEMBER, ROLE, "access-analyzer:ListAnalyzers", ANY, "us-east-1").allowed()).isTrue();
        assertThat(enforcer.judge(MEMBER, USER, "access-analyzer:GetAnalyzer", ANY, "us-east-1").allowed()).isTrue();
    }

    @Test
    void aLevelWithoutAnAllowDeniesImplicitly() {
        String allowListed = "444444444444";
        assertThat(enforcer.judge(allowListed, ROLE, "access-analyzer:ListAnalyzers", ANY, "us-east-1").allowed()).isTrue();
        ScpEnforcer.Decision decision = enforcer.judge(allowListed, ROLE, "ec2:DescribeRegions", ANY, "us-east-1");
        assertThat(decision.verdict()).isEqualTo(ScpEnforcer.Verdict.NOT_ALLOWED);
    }

    @Test
    void theManagementAccountIsNeverRestricted() {
        assertThat(enforcer.judge("111111111111", USER, "ec2:RunInstances", ANY, "eu-central-1").allowed()).isTrue();
    }

    @Test
    void unsupportedPolicyElementsAreScenarioErrors() {
        String notResource = JSON.replace("\"ec2:DescribeRegions\"], \"Resource\"", "\"ec2:DescribeRegions\"], \"NotResource\"");
        assertThatThrownBy(() -> ScenarioLoader.parse(notResource, "scp.json"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("serviceControlPolicies[0].content.Statement[0].NotResource is not simulated");
        String otherKey = JSON.replace("aws:requestedregion", "aws:PrincipalOrgID");
        assertThatThrownBy(() -> ScenarioLoader.parse(otherKey, "scp.json"))
                .hasMessageContaining("aws:PrincipalOrgID is not simulated");
        String unknownTarget = JSON.replace("\"targets\": [\"333333333333\"]", "\"targets\": [\"999999999999\"]");
        assertThatThrownBy(() -> ScenarioLoader.parse(unknownTarget, "scp.json"))
                .hasMessageContaining("p-eulikeonly: target \"999999999999\" is not the root, an OU or an account");
    }

    private static Scenario parse(String json) {
        try {
            return ScenarioLoader.parse(json, "scp.json");
        } catch (ScenarioException e) {
            throw new AssertionError(e);
        }
    }
}

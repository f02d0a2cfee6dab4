package io.orgscan.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which SCP statements deny regions, and which regions they deny. */
class RegionDenyStatementsTest {
    /** AWS Control Tower's region deny control, shortened: global services exempted, its own roles too. */
    static final String CONTROL_TOWER = """
            {"Version":"2012-10-17","Statement":[{"Sid":"GRREGIONDENY","Effect":"Deny",
              "NotAction":["a4b:*","access-analyzer:*","ec2:DescribeRegions","iam:*","organizations:*","sts:*"],
              "Resource":"*",
              "Condition":{"StringNotEquals":{"aws:RequestedRegion":["us-east-1","eu-west-1"]},
                           "ArnNotLike":{"aws:PrincipalARN":["arn:*:iam::*:role/AWSControlTowerExecution"]}}}]}""";

    @Test
    void controlTowersRegionDenyIsOne() {
        List<RegionDeny> denies = RegionDenyStatements.of("p-ct", CONTROL_TOWER);
        assertThat(denies).hasSize(1);
        RegionDeny deny = denies.get(0);
        assertThat(deny.describe()).isEqualTo("SCP p-ct statement GRREGIONDENY");
        assertThat(deny.denies("us-east-1")).isFalse();
        assertThat(deny.denies("eu-west-1")).isFalse();
        assertThat(deny.denies("ap-south-1")).isTrue();
        assertThat(deny.denies("us-east-2")).isTrue();
    }

    @Test
    void everyActionOutsideWildcardRegionsIsOne() {
        String policy = """
                {"Statement":{"Effect":"Deny","Action":"*","Resource":["*"],
                  "Condition":{"StringNotLike":{"aws:requestedregion":["eu-*","us-east-?"]}}}}""";
        RegionDeny deny = RegionDenyStatements.of("p-w", policy).get(0);
        assertThat(deny.sid()).isEqualTo("#1");
        assertThat(deny.denies("eu-central-2")).isFalse();
        assertThat(deny.denies("us-east-1")).isFalse();
        assertThat(deny.denies("us-east-12")).isTrue();
        assertThat(deny.denies("us-west-2")).isTrue();
    }

    @Test
    void exactConditionsDoNotTakeWildcards() {
        String policy = """
                {"Statement":[{"Effect":"Deny","Action":"*","Resource":"*",
                  "Condition":{"StringNotEqualsIfExists":{"aws:RequestedRegion":"eu-*"}}}]}""";
        assertThat(RegionDenyStatements.of("p-x", policy).get(0).denies("eu-west-1")).isTrue();
    }

    @Test
    void twoRegionConditionsDenyOnlyWhatBothDeny() {
        String policy = """
                {"Statement":[{"Sid":"Both","Effect":"Deny","Action":"*","Resource":"*",
                  "Condition":{"StringNotEquals":{"aws:RequestedRegion":["us-east-1"]},
                               "StringNotLike":{"aws:RequestedRegion":["eu-*"]}}}]}""";
        RegionDeny deny = RegionDenyStatements.of("p-2", policy).get(0);
        assertThat(deny.denies("us-east-1")).isFalse();
        assertThat(deny.denies("eu-west-3")).isFalse();
        assertThat(deny.denies("ap-east-1")).isTrue();
    }

    @Test
    void onlyTheRegionDenyStatementsOfAPolicyCount() {
        String policy = """
                {"Statement":[
                  {"Sid":"Allow","Effect":"Allow","Action":"*","Resource":"*"},
                  {"Sid":"Leave","Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"},
                  {"Effect":"Deny","NotAction":"iam:*","Resource":"*",
                   "Condition":{"StringNotEquals":{"aws:RequestedRegion":["us-east-1"]}}}]}""";
        assertThat(RegionDenyStatements.of("p-m", policy)).extracting(RegionDeny::sid).containsExactly("#3");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // FullAWSAccess
            "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
            // the decoy: only ec2:RunInstances outside two regions
            "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":[\"ec2:RunInstances\"],\"Resource\":\"*\","
                    + "\"Condition\":{\"StringNotEquals\":{\"aws:RequestedRegion\":[\"us-east-1\",\"eu-west-1\"]}}}]}",
            // another condition key
            "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{"
                    + "\"StringNotEquals\":{\"aws:RequestedRegion\":[\"us-east-1\"],\"aws:PrincipalTag/team\":\"x\"}}}]}",
            "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{"
                    + "\"StringNotEquals\":{\"aws:RequestedRegion\":[\"us-east-1\"]},\"Bool\":{\"aws:ViaAWSService\":\"false\"}}}]}",
            // a region condition with an operator that does not deny outside a list
            "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
                    + "\"Condition\":{\"StringEquals\":{\"aws:RequestedRegion\":[\"ap-east-1\"]}}}]}",
            // no condition at all: a deny of everything, not of regions
            "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
            // one resource only, or NotResource
            "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::b\","
                    + "\"Condition\":{\"StringNotEquals\":{\"aws:RequestedRegion\":[\"us-east-1\"]}}}]}",
            "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"NotResource\":\"arn:aws:s3:::b\","
                    + "\"Condition\":{\"StringNotEquals\":{\"aws:RequestedRegion\":[\"us-east-1\"]}}}]}",
            // a principal exemption with an operator that is not a negation
            "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{"
                    + "\"StringNotEquals\":{\"aws:RequestedRegion\":[\"us-east-1\"]},\"ArnLike\":{\"aws:PrincipalARN\":\"arn:aws:iam::*:role/x\"}}}]}",
            "not json",
            "[]"})
    void isNotARegionDeny(String policy) {
        assertThat(RegionDenyStatements.of("p-no", policy)).isEmpty();
    }

    @Test
    void principalExemptionsInTheRegionsOperatorAreAllowed() {
        String policy = """
                {"Statement":[{"Sid":"S","Effect":"Deny","Action":"*","Resource":"*",
                  "Condition":{"StringNotEquals":{"aws:RequestedRegion":["us-east-1"],
                                                  "aws:PrincipalARN":"arn:aws:iam::111111111111:role/Admin"}}}]}""";
        assertThat(RegionDenyStatements.of("p-e", policy)).hasSize(1);
    }
}

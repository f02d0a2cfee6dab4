package io.orgscan.e2e.sim;

import static io.orgscan.e2e.sim.WireFixture.MEMBER;
import static io.orgscan.e2e.sim.WireFixture.OPTED_IN;
import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.simulator.server.CallStats.CallCount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sts.StsClient;

/** Every call is attributed to the account of its access key and the region of its SigV4 scope. */
class AttributionWireTest {
    private WireFixture fixture;

    @BeforeEach
    void start() {
        fixture = WireFixture.start();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void assumedRoleCallsCountForTheTargetAccountAndTheSignedRegion() {
        StaticCredentialsProvider member = fixture.assume(OPTED_IN);
        fixture.simulator.resetStats();
        try (AccessAnalyzerClient aa = fixture.accessAnalyzer(member, Region.AF_SOUTH_1);
             Ec2Client ec2 = fixture.ec2(member, Region.EU_WEST_2)) {
            aa.listAnalyzers(r -> r.maxResults(10));
            ec2.describeRegions(r -> r.allRegions(true));
        }

        assertThat(fixture.simulator.stats().calls()).containsExactly(
                new CallCount("access-analyzer", "ListAnalyzers", OPTED_IN, "af-south-1", 1, 0),
                new CallCount("ec2", "DescribeRegions", OPTED_IN, "eu-west-2", 1, 0));
    }

    @Test
    void baseCredentialsCountForTheirOwnAccountAndAssumeRoleForTheCaller() {
        try (StsClient sts = fixture.sts(WireFixture.MEMBER_KEYS, Region.EU_WEST_3)) {
            sts.getCallerIdentity();
        }
        fixture.assume(MEMBER);

        assertThat(fixture.simulator.stats().calls()).containsExactly(
                new CallCount("sts", "AssumeRole", WireFixture.MANAGEMENT, "us-east-1", 1, 0),
                new CallCount("sts", "GetCallerIdentity", MEMBER, "eu-west-3", 1, 0));
        assertThat(fixture.simulator.stats().count("sts", "GetCallerIdentity", MEMBER)).isEqualTo(1);
    }
}

package io.orgscan.e2e.sim;

import static io.orgscan.e2e.sim.WireFixture.MANAGEMENT;
import static io.orgscan.e2e.sim.WireFixture.MANAGEMENT_KEYS;
import static io.orgscan.e2e.sim.WireFixture.NO_LEGACY_STATUS;
import static io.orgscan.e2e.sim.WireFixture.OPTED_IN;
import static io.orgscan.e2e.sim.WireFixture.OPTED_IN_EXTERNAL_ID;
import static io.orgscan.e2e.sim.WireFixture.ROLE;
import static io.orgscan.e2e.sim.WireFixture.SECURITY;
import static io.orgscan.e2e.sim.WireFixture.SUSPENDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/** STS through the real SDK: GetCallerIdentity, AssumeRole and its trust rules and validation. */
class StsWireTest {
    private WireFixture fixture;
    private StsClient sts;

    @BeforeEach
    void start() {
        fixture = WireFixture.start();
        sts = fixture.sts(MANAGEMENT_KEYS, Region.US_EAST_1);
    }

    @AfterEach
    void stop() {
        sts.close();
        fixture.close();
    }

    private static String roleArn(String account, String role) {
        return "arn:aws:iam::" + account + ":role/" + role;
    }

    @Test
    void getCallerIdentityOfBaseCredentials() {
        GetCallerIdentityResponse me = sts.getCallerIdentity();

        assertThat(me.account()).isEqualTo(MANAGEMENT);
        assertThat(me.arn()).isEqualTo("arn:aws:iam::111111111111:user/orgscan");
        assertThat(me.userId()).startsWith("AIDA").hasSize(21);
        assertThat(sts.getCallerIdentity().userId()).isEqualTo(me.userId());
        try (StsClient security = fixture.sts(WireFixture.SECURITY_KEYS, Region.EU_WEST_1)) {
            assertThat(security.getCallerIdentity().arn()).as("default arn").isEqualTo("arn:aws:iam::222222222222:user/orgscan");
        }
    }

    @Test
    void assumeRoleMintsFreshCredentialsForTheTargetAccount() {
        Instant before = Instant.now();
        AssumeRoleResponse first = sts.assumeRole(r -> r.roleArn(roleArn(SECURITY, ROLE)).roleSessionName("scan"));
        AssumeRoleResponse second = sts.assumeRole(r -> r.roleArn(roleArn(SECURITY, ROLE)).roleSessionName("scan").durationSeconds(900));

        assertThat(first.credentials().accessKeyId()).startsWith("ASIA").hasSize(20)
                .isNotEqualTo(second.credentials().accessKeyId());
        assertThat(first.credentials().sessionToken()).isNotBlank().isNotEqualTo(second.credentials().sessionToken());
        assertThat(first.credentials().expiration()).isCloseTo(before.plusSeconds(3600), within(5, ChronoUnit.SECONDS));
        assertThat(second.credentials().expiration()).isCloseTo(before.plusSeconds(900), within(5, ChronoUnit.SECONDS));
        assertThat(first.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::222222222222:assumed-role/OrganizationAccountAccessRole/scan");
        assertThat(first.assumedRoleUser().assumedRoleId()).startsWith("AROA").endsWith(":scan");

        AwsSessionCredentials session = AwsSessionCredentials.create(first.credentials().accessKeyId(),
                first.credentials().secretAccessKey(), first.credentials().sessionToken());
        try (StsClient asSecurity = fixture.sts(StaticCredentialsProvider.create(session), Region.EU_WEST_1)) {
            GetCallerIdentityResponse me = asSecurity.getCallerIdentity();
            assertThat(me.account()).isEqualTo(SECURITY);
            assertThat(me.arn()).isEqualTo(first.assumedRoleUser().arn());
            assertThat(me.userId()).isEqualTo(first.assumedRoleUser().assumedRoleId());
        }
    }

    @Test
    void assumeRoleHonoursRolesExternalIdsAndAccountState() {
        assertAccessDenied(roleArn(NO_LEGACY_STATUS, ROLE), null);
        assertThat(sts.assumeRole(r -> r.roleArn(roleArn(NO_LEGACY_STATUS, "AuditRole")).roleSessionName("s1")).credentials()).isNotNull();
        assertAccessDenied(roleArn(OPTED_IN, ROLE), null);
        assertAccessDenied(roleArn(OPTED_IN, ROLE), "wrong-external-id");
        assertThat(sts.assumeRole(r -> r.roleArn(roleArn(OPTED_IN, ROLE)).roleSessionName("s1").externalId(OPTED_IN_EXTERNAL_ID))
                .credentials()).isNotNull();
        assertAccessDenied(roleArn(SUSPENDED, ROLE), null);
        assertAccessDenied(roleArn("123456789012", ROLE), null);
    }

    private void assertAccessDenied(String roleArn, String externalId) {
        assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("s1").externalId(externalId)))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::111111111111:user/orgscan "
                            + "is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
                });
    }

    @Test
    void invalidParametersAreValidationErrors() {
        assertValidationError(r -> r.roleArn(roleArn(SECURITY, ROLE)).roleSessionName("x"));
        assertValidationError(r -> r.roleArn(roleArn(SECURITY, ROLE)).roleSessionName("scan").durationSeconds(60));
        assertValidationError(r -> r.roleArn(roleArn(SECURITY, ROLE)).roleSessionName("scan").durationSeconds(50_000));
        assertValidationError(r -> r.roleArn("arn:aws:iam::security:role/x").roleSessionName("scan"));
    }

    @Test
    void roleChainingIsLimitedToOneHour() {
        StaticCredentialsProvider security = fixture.assume(SECURITY);
        try (StsClient chained = fixture.sts(security, Region.US_EAST_1)) {
            assertThat(chained.assumeRole(r -> r.roleArn(roleArn(MANAGEMENT, ROLE)).roleSessionName("chain").durationSeconds(3600))
                    .credentials()).isNotNull();
            assertThatThrownBy(() -> chained.assumeRole(r -> r.roleArn(roleArn(MANAGEMENT, ROLE)).roleSessionName("chain").durationSeconds(3601)))
                    .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        }
    }

    private void assertValidationError(java.util.function.Consumer<software.amazon.awssdk.services.sts.model.AssumeRoleRequest.Builder> request) {
        assertThatThrownBy(() -> sts.assumeRole(request)).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        });
    }

    @Test
    void theSdksAssumeRoleProviderFeedsOtherClientsWithOneAssumeRole() {
        fixture.simulator.resetStats();
        try (StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                .refreshRequest(r -> r.roleArn(roleArn(SECURITY, ROLE)).roleSessionName("orgscan")).build();
             AccessAnalyzerClient aa = fixture.accessAnalyzer(provider, Region.EU_WEST_1);
             Ec2Client ec2 = fixture.ec2(provider, Region.EU_WEST_1)) {
            assertThat(aa.listAnalyzers(r -> r.maxResults(10)).analyzers()).hasSize(1);
            assertThat(ec2.describeRegions().regions()).isNotEmpty();
        }

        assertThat(fixture.simulator.stats().count("sts", "AssumeRole", MANAGEMENT)).isEqualTo(1);
        assertThat(fixture.simulator.stats().count("access-analyzer", "ListAnalyzers", SECURITY)).isEqualTo(1);
        assertThat(fixture.simulator.stats().count("ec2", "DescribeRegions", SECURITY)).isEqualTo(1);
    }
}

package io.orgscan.e2e.sim;

import static io.orgscan.e2e.sim.WireFixture.MANAGEMENT;
import static io.orgscan.e2e.sim.WireFixture.MANAGEMENT_KEYS;
import static io.orgscan.e2e.sim.WireFixture.OUTSIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orgscan.simulator.scenario.Faults;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.server.CallStats.CallCount;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.RegionDisabledException;

/** Who may call and where, per protocol: no Authorization, unknown keys, expired sessions, disabled regions. */
class IdentityWireTest {
    @ParameterizedTest
    @CsvSource({
        "ORGANIZATIONS,   MissingAuthenticationTokenException, 400",
        "STS,             MissingAuthenticationToken,          403",
        "EC2,             MissingAuthenticationToken,          401",
        "ACCESS_ANALYZER, MissingAuthenticationTokenException, 403",
    })
    void requestsWithoutAuthorizationAreRefused(SdkCall call, String code, int status) {
        try (WireFixture fixture = WireFixture.start()) {
            assertThatThrownBy(() -> call.invoke(fixture, AnonymousCredentialsProvider.create(), Region.US_EAST_1))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
                        assertThat(e.statusCode()).isEqualTo(status);
                    });
            assertThat(fixture.simulator.stats().calls()).containsExactly(new CallCount(call.service, call.operation, "", "", 1, 1));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "ORGANIZATIONS,   UnrecognizedClientException, 400",
        "STS,             InvalidClientTokenId,        403",
        "EC2,             AuthFailure,                 401",
        "ACCESS_ANALYZER, UnrecognizedClientException, 403",
    })
    void unknownAccessKeysAreRefused(SdkCall call, String code, int status) {
        try (WireFixture fixture = WireFixture.start()) {
            assertThatThrownBy(() -> call.invoke(fixture, WireFixture.UNKNOWN_KEYS, Region.US_EAST_1))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
                        assertThat(e.statusCode()).isEqualTo(status);
                    });
        }
    }

    @ParameterizedTest
    @CsvSource({
        "ORGANIZATIONS,   ExpiredTokenException, 400",
        "STS,             ExpiredToken,          403",
        "EC2,             RequestExpired,        400",
        "ACCESS_ANALYZER, ExpiredTokenException, 403",
    })
    void expiredTemporaryCredentialsAreRefused(SdkCall call, String code, int status) throws Exception {
        Scenario shortLived = WireFixture.scenario().withFaults(
                new Faults(0, Set.of(), Set.of(), List.of(), List.of(), Optional.of(Duration.ofSeconds(1))));
        try (WireFixture fixture = WireFixture.start(shortLived, 0); StsClient sts = fixture.sts(MANAGEMENT_KEYS, Region.US_EAST_1)) {
            Credentials credentials = sts.assumeRole(r -> r.roleArn("arn:aws:iam::111111111111:role/OrganizationAccountAccessRole")
                    .roleSessionName("short")).credentials();
            assertThat(credentials.expiration()).isBefore(Instant.now().plus(2, ChronoUnit.SECONDS));
            StaticCredentialsProvider session = StaticCredentialsProvider.create(AwsSessionCredentials.create(
                    credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken()));

            Thread.sleep(Math.max(0, Duration.between(Instant.now(), credentials.expiration()).toMillis()) + 50);

            assertThatThrownBy(() -> call.invoke(fixture, session, Region.US_EAST_1))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
                        assertThat(e.statusCode()).isEqualTo(status);
                    });
        }
    }

    @ParameterizedTest
    @CsvSource({
        "STS,             RegionDisabledException,     403",
        "EC2,             AuthFailure,                 401",
        "ACCESS_ANALYZER, UnrecognizedClientException, 403",
    })
    void callsInARegionTheAccountHasNotEnabledFail(SdkCall call, String code, int status) {
        try (WireFixture fixture = WireFixture.start()) {
            assertThatThrownBy(() -> call.invoke(fixture, MANAGEMENT_KEYS, Region.AF_SOUTH_1))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
                        assertThat(e.statusCode()).isEqualTo(status);
                    });
            call.invoke(fixture, fixture.assume(WireFixture.OPTED_IN), Region.AF_SOUTH_1);
        }
    }

    @Test
    void stsInADisabledRegionIsTheModeledRegionDisabledException() {
        try (WireFixture fixture = WireFixture.start(); StsClient sts = fixture.sts(MANAGEMENT_KEYS, Region.AP_EAST_1)) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(RegionDisabledException.class,
                    e -> assertThat(e.awsErrorDetails().errorMessage()).contains("account:" + MANAGEMENT));
        }
    }

    @Test
    void organizationsIsGlobal() {
        try (WireFixture fixture = WireFixture.start()) {
            SdkCall.ORGANIZATIONS.invoke(fixture, MANAGEMENT_KEYS, Region.AF_SOUTH_1);

            assertThat(fixture.simulator.stats().calls()).containsExactly(
                    new CallCount("organizations", "ListRoots", MANAGEMENT, "af-south-1", 1, 0));
        }
    }

    @Test
    void temporaryKeysNeedTheirSessionToken() {
        try (WireFixture fixture = WireFixture.start(); StsClient sts = fixture.sts(MANAGEMENT_KEYS, Region.US_EAST_1)) {
            Credentials credentials = sts.assumeRole(r -> r.roleArn("arn:aws:iam::222222222222:role/OrganizationAccountAccessRole")
                    .roleSessionName("no-token")).credentials();
            StaticCredentialsProvider withoutToken = StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey()));

            assertThatThrownBy(() -> SdkCall.STS.invoke(fixture, withoutToken, Region.US_EAST_1))
                    .isInstanceOfSatisfying(AwsServiceException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        }
    }

    @Test
    void accountsOutsideTheOrganizationHaveIdentitiesAndDefaultRegions() {
        try (WireFixture fixture = WireFixture.start(); StsClient sts = fixture.sts(WireFixture.OUTSIDER_KEYS, Region.EU_WEST_1)) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo(OUTSIDER);
            SdkCall.EC2.invoke(fixture, WireFixture.OUTSIDER_KEYS, Region.US_WEST_2);
            assertThatThrownBy(() -> SdkCall.EC2.invoke(fixture, WireFixture.OUTSIDER_KEYS, Region.AF_SOUTH_1))
                    .isInstanceOf(AwsServiceException.class);
        }
    }
}

package io.orgscan.e2e.sim;

import static io.orgscan.e2e.sim.WireFixture.MANAGEMENT;
import static io.orgscan.e2e.sim.WireFixture.MANAGEMENT_KEYS;
import static io.orgscan.e2e.sim.WireFixture.MAX_ATTEMPTS;
import static io.orgscan.e2e.sim.WireFixture.MEMBER;
import static io.orgscan.e2e.sim.WireFixture.MEMBER_KEYS;
import static io.orgscan.e2e.sim.WireFixture.THROTTLED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orgscan.simulator.scenario.Faults;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.server.CallStats.CallCount;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.accessanalyzer.model.AccessDeniedException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Every fault of docs/SIMULATOR.md through the real SDK and its retries (3 attempts, see
 * {@link WireFixture#fastRetries()}): the signal each protocol uses, and the attempts the stats count.
 */
class FaultsWireTest {
    private static final String FAULT_REGION = "eu-west-3";

    /** The wire-test scenario with its faults replaced: the management account in eu-west-3 only. */
    private static Scenario withFaults(List<Faults.ThrottleRule> throttle, List<Faults.InternalErrorRule> internal, int latencyMs) {
        return WireFixture.scenario().withFaults(new Faults(latencyMs, Set.of(), Set.of(), throttle, internal, Optional.empty()));
    }

    private static CallCount managementCall(SdkCall call, long count, long errors) {
        return new CallCount(call.service, call.operation, MANAGEMENT, FAULT_REGION, count, errors);
    }

    @ParameterizedTest
    @CsvSource({"ORGANIZATIONS", "STS", "EC2", "ACCESS_ANALYZER"})
    void throttledCallsSucceedAfterRetriesAndTheStatsShowTheAttempts(SdkCall call) {
        Scenario scenario = withFaults(List.of(new Faults.ThrottleRule(MANAGEMENT, FAULT_REGION, call.service, 2)), List.of(), 0);
        try (WireFixture fixture = WireFixture.start(scenario, 0)) {
            call.invoke(fixture, MANAGEMENT_KEYS, Region.of(FAULT_REGION));

            assertThat(fixture.simulator.stats().calls()).containsExactly(managementCall(call, 3, 2));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "ORGANIZATIONS,   TooManyRequestsException, 400",
        "STS,             Throttling,               400",
        "EC2,             RequestLimitExceeded,     503",
        "ACCESS_ANALYZER, ThrottlingException,      429",
    })
    void throttlingBeyondTheRetriesFailsAsThrottling(SdkCall call, String code, int status) {
        Scenario scenario = withFaults(List.of(new Faults.ThrottleRule(MANAGEMENT, FAULT_REGION, null, 10)), List.of(), 0);
        try (WireFixture fixture = WireFixture.start(scenario, 0)) {
            assertThatThrownBy(() -> call.invoke(fixture, MANAGEMENT_KEYS, Region.of(FAULT_REGION)))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.isThrottlingException()).isTrue();
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
                        assertThat(e.statusCode()).isEqualTo(status);
                        assertThat(e.numAttempts()).isEqualTo(MAX_ATTEMPTS);
                    });
            assertThat(fixture.simulator.stats().calls()).containsExactly(managementCall(call, MAX_ATTEMPTS, MAX_ATTEMPTS));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "ORGANIZATIONS,   ServiceException",
        "STS,             InternalFailure",
        "EC2,             InternalError",
        "ACCESS_ANALYZER, InternalServerException",
    })
    void oneOffInternalErrorsAreRetriedAndPersistentOnesSurface(SdkCall call, String code) {
        Scenario once = withFaults(List.of(), List.of(new Faults.InternalErrorRule(MANAGEMENT, FAULT_REGION, call.service, call.operation, 1)), 0);
        try (WireFixture fixture = WireFixture.start(once, 0)) {
            call.invoke(fixture, MANAGEMENT_KEYS, Region.of(FAULT_REGION));

            assertThat(fixture.simulator.stats().calls()).containsExactly(managementCall(call, 2, 1));
        }
        Scenario always = withFaults(List.of(), List.of(new Faults.InternalErrorRule(null, null, null, null, 10)), 0);
        try (WireFixture fixture = WireFixture.start(always, 0)) {
            assertThatThrownBy(() -> call.invoke(fixture, MANAGEMENT_KEYS, Region.of(FAULT_REGION)))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(500);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
                        assertThat(e.numAttempts()).isEqualTo(MAX_ATTEMPTS);
                    });
        }
    }

    @Test
    void theScenarioFileFaultsThrottleOneAccountRegion() {
        try (WireFixture fixture = WireFixture.start();
             AccessAnalyzerClient throttledWest1 = fixture.accessAnalyzer(fixture.assume(THROTTLED), Region.EU_WEST_1);
             AccessAnalyzerClient throttledWest2 = fixture.accessAnalyzer(fixture.assume(THROTTLED), Region.EU_WEST_2)) {
            assertThat(throttledWest1.listAnalyzers(r -> r.maxResults(10)).analyzers()).isEmpty();
            assertThatThrownBy(() -> throttledWest2.listAnalyzers(r -> r.maxResults(10)))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.isThrottlingException()).isTrue());

            assertThat(fixture.simulator.stats().calls()).contains(
                    new CallCount("access-analyzer", "ListAnalyzers", THROTTLED, "eu-west-1", 3, 2),
                    new CallCount("access-analyzer", "ListAnalyzers", THROTTLED, "eu-west-2", 3, 3));
        }
    }

    @Test
    void assumeRoleDeniedIsStsAccessDenied() {
        try (WireFixture fixture = WireFixture.start(); StsClient sts = fixture.sts(MANAGEMENT_KEYS, Region.US_EAST_1)) {
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::333333333333:role/OrganizationAccountAccessRole")
                    .roleSessionName("scan"))).isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.numAttempts()).isEqualTo(1);
                    });
        }
    }

    @Test
    void listAnalyzersDeniedInOneAccountRegion() {
        try (WireFixture fixture = WireFixture.start();
             AccessAnalyzerClient denied = fixture.accessAnalyzer(MEMBER_KEYS, Region.EU_WEST_1);
             AccessAnalyzerClient allowed = fixture.accessAnalyzer(MEMBER_KEYS, Region.US_EAST_1)) {
            assertThatThrownBy(() -> denied.listAnalyzers(r -> r.maxResults(10)))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorMessage()).contains("access-analyzer:ListAnalyzers");
                    });
            assertThat(allowed.listAnalyzers(r -> r.maxResults(10)).analyzers()).hasSize(1);
            assertThat(fixture.simulator.stats().calls()).contains(
                    new CallCount("access-analyzer", "ListAnalyzers", MEMBER, "eu-west-1", 1, 1));
        }
    }

    @Test
    void latencyIsAddedToEveryResponseAndTheStartArgumentAddsToTheScenario() {
        try (WireFixture fast = WireFixture.start(withFaults(List.of(), List.of(), 0), 0);
             WireFixture slow = WireFixture.start(withFaults(List.of(), List.of(), 150), 100);
             StsClient fastSts = fast.sts(MANAGEMENT_KEYS, Region.US_EAST_1);
             StsClient slowSts = slow.sts(MANAGEMENT_KEYS, Region.US_EAST_1)) {
            fastSts.getCallerIdentity();
            slowSts.getCallerIdentity(); // warm both connections and code paths

            // The lower bound is exact (a sleep); the fastest of three unslowed calls guards against a busy machine.
            long slowMillis = millis(slowSts::getCallerIdentity);
            long fastMillis = Math.min(millis(fastSts::getCallerIdentity),
                    Math.min(millis(fastSts::getCallerIdentity), millis(fastSts::getCallerIdentity)));

            assertThat(slowMillis).isGreaterThanOrEqualTo(250);
            assertThat(fastMillis).isLessThan(slowMillis);
        }
    }

    private static long millis(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}

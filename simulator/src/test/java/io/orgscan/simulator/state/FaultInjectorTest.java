package io.orgscan.simulator.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.simulator.scenario.Faults;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {
    private static Faults faults(List<Faults.ThrottleRule> throttle, List<Faults.InternalErrorRule> internal) {
        return new Faults(10, Set.of("333333333333"), Set.of(new Faults.AccountRegion("444444444444", "eu-west-1")),
                throttle, internal, Optional.empty());
    }

    @Test
    void throttlesTheFirstNCallsOfTheAccountRegionForItsService() {
        FaultInjector injector = new FaultInjector(faults(List.of(new Faults.ThrottleRule("555555555555", "eu-west-1", "ec2", 2)), List.of()), 0);

        assertThat(injector.consumeThrottle("access-analyzer", "Op", "555555555555", "eu-west-1", () -> null)).isFalse();
        assertThat(injector.consumeThrottle("ec2", "Op", "555555555555", "eu-west-2", () -> null)).isFalse();
        assertThat(injector.consumeThrottle("ec2", "Op", "666666666666", "eu-west-1", () -> null)).isFalse();
        assertThat(injector.consumeThrottle("ec2", "Op", "555555555555", "eu-west-1", () -> null)).isTrue();
        assertThat(injector.consumeThrottle("ec2", "Op", "555555555555", "eu-west-1", () -> null)).isTrue();
        assertThat(injector.consumeThrottle("ec2", "Op", "555555555555", "eu-west-1", () -> null)).isFalse();
    }

    @Test
    void aRuleWithoutServiceCountsEveryService() {
        FaultInjector injector = new FaultInjector(faults(List.of(new Faults.ThrottleRule("555555555555", "eu-west-1", null, 2)), List.of()), 0);

        assertThat(injector.consumeThrottle("sts", "Op", "555555555555", "eu-west-1", () -> null)).isTrue();
        assertThat(injector.consumeThrottle("ec2", "Op", "555555555555", "eu-west-1", () -> null)).isTrue();
        assertThat(injector.consumeThrottle("access-analyzer", "Op", "555555555555", "eu-west-1", () -> null)).isFalse();
    }

    @Test
    void aRuleWithOperationAndParentThrottlesOneListingAfterItsFirstCalls() {
        FaultInjector injector = new FaultInjector(faults(List.of(new Faults.ThrottleRule("222222222222", "us-east-1",
                "organizations", "ListAccountsForParent", "ou-abcd-11111111", 1, 2)), List.of()), 0);

        assertThat(injector.consumeThrottle("organizations", "ListOrganizationalUnitsForParent", "222222222222", "us-east-1",
                () -> "ou-abcd-11111111")).isFalse();
        assertThat(injector.consumeThrottle("organizations", "ListAccountsForParent", "222222222222", "us-east-1",
                () -> "r-abcd")).isFalse();
        // the parent's first page passes, the next two calls (its second page, asked twice) are throttled
        assertThat(injector.consumeThrottle("organizations", "ListAccountsForParent", "222222222222", "us-east-1",
                () -> "ou-abcd-11111111")).isFalse();
        assertThat(injector.consumeThrottle("organizations", "ListAccountsForParent", "222222222222", "us-east-1",
                () -> "ou-abcd-11111111")).isTrue();
        assertThat(injector.consumeThrottle("organizations", "ListAccountsForParent", "222222222222", "us-east-1",
                () -> "ou-abcd-11111111")).isTrue();
        assertThat(injector.consumeThrottle("organizations", "ListAccountsForParent", "222222222222", "us-east-1",
                () -> "ou-abcd-11111111")).isFalse();
    }

    @Test
    void theParentIsReadOnlyForARuleThatNamesOne() {
        FaultInjector injector = new FaultInjector(faults(List.of(
                new Faults.ThrottleRule("222222222222", "us-east-1", "organizations", "ListRoots", null, 0, 1)), List.of()), 0);

        assertThat(injector.consumeThrottle("organizations", "ListRoots", "222222222222", "us-east-1", () -> {
            throw new AssertionError("the request's body was read");
        })).isTrue();
    }

    @Test
    void internalErrorsMatchEveryGivenField() {
        FaultInjector injector = new FaultInjector(faults(List.of(), List.of(
                new Faults.InternalErrorRule(null, "us-east-1", "ec2", "DescribeRegions", 1))), 0);

        assertThat(injector.consumeInternalError("ec2", "DescribeRegions", "111111111111", "eu-west-1")).isFalse();
        assertThat(injector.consumeInternalError("sts", "DescribeRegions", "111111111111", "us-east-1")).isFalse();
        assertThat(injector.consumeInternalError("ec2", "DescribeRegions", "111111111111", "us-east-1")).isTrue();
        assertThat(injector.consumeInternalError("ec2", "DescribeRegions", "222222222222", "us-east-1")).isFalse();
    }

    @Test
    void deniesAndAddsLatency() {
        FaultInjector injector = new FaultInjector(faults(List.of(), List.of()), 5);

        assertThat(injector.latencyMs()).isEqualTo(15);
        assertThat(injector.isAssumeRoleDenied("333333333333")).isTrue();
        assertThat(injector.isAssumeRoleDenied("444444444444")).isFalse();
        assertThat(injector.isListAnalyzersDenied("444444444444", "eu-west-1")).isTrue();
        assertThat(injector.isListAnalyzersDenied("444444444444", "eu-west-2")).isFalse();
    }

    @Test
    void countersHoldExactlyUnderConcurrency() throws Exception {
        FaultInjector injector = new FaultInjector(faults(List.of(new Faults.ThrottleRule("555555555555", "eu-west-1", null, 1000)),
                List.of(new Faults.InternalErrorRule(null, null, null, null, 700))), 0);
        AtomicInteger throttled = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                tasks.add(() -> {
                    for (int i = 0; i < 500; i++) {
                        if (injector.consumeThrottle("ec2", "Op", "555555555555", "eu-west-1", () -> null)) {
                            throttled.incrementAndGet();
                        }
                        if (injector.consumeInternalError("ec2", "DescribeRegions", "555555555555", "eu-west-1")) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> future : pool.invokeAll(tasks)) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(throttled).hasValue(1000);
        assertThat(failed).hasValue(700);
    }
}

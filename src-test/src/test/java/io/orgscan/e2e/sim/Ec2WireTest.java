package io.orgscan.e2e.sim;

import static io.orgscan.e2e.sim.WireFixture.MANAGEMENT_KEYS;
import static io.orgscan.e2e.sim.WireFixture.OPTED_IN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;

/** EC2 DescribeRegions through the real SDK: per-account opt-in status, AllRegions, names and filters. */
class Ec2WireTest {
    private static WireFixture fixture;
    private static Ec2Client management;
    private static Ec2Client optedIn;

    @BeforeAll
    static void start() {
        fixture = WireFixture.start();
        management = fixture.ec2(MANAGEMENT_KEYS, Region.US_EAST_1);
        optedIn = fixture.ec2(fixture.assume(OPTED_IN), Region.US_EAST_1);
    }

    @AfterAll
    static void stop() {
        management.close();
        optedIn.close();
        fixture.close();
    }

    private static Map<String, String> optIn(List<software.amazon.awssdk.services.ec2.model.Region> regions) {
        return regions.stream().collect(Collectors.toMap(software.amazon.awssdk.services.ec2.model.Region::regionName,
                software.amazon.awssdk.services.ec2.model.Region::optInStatus, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @Test
    void withoutAllRegionsOnlyEnabledRegionsAreListed() {
        List<software.amazon.awssdk.services.ec2.model.Region> regions = management.describeRegions().regions();

        assertThat(optIn(regions)).containsExactly(Map.entry("us-east-1", "opt-in-not-required"),
                Map.entry("us-west-2", "opt-in-not-required"), Map.entry("eu-west-1", "opt-in-not-required"),
                Map.entry("eu-west-2", "opt-in-not-required"), Map.entry("eu-west-3", "opt-in-not-required"));
        assertThat(regions.get(0).endpoint()).isEqualTo("ec2.us-east-1.amazonaws.com");
        assertThat(optIn(optedIn.describeRegions().regions())).containsEntry("af-south-1", "opted-in").hasSize(6);
    }

    @Test
    void allRegionsReportsEachRegionsStatusForTheCallingAccount() {
        Map<String, String> forManagement = optIn(management.describeRegions(r -> r.allRegions(true)).regions());
        Map<String, String> forOptedIn = optIn(optedIn.describeRegions(r -> r.allRegions(true)).regions());

        assertThat(forManagement).hasSize(7).containsEntry("af-south-1", "not-opted-in").containsEntry("ap-east-1", "not-opted-in");
        assertThat(forOptedIn).hasSize(7).containsEntry("af-south-1", "opted-in").containsEntry("ap-east-1", "not-opted-in");
    }

    @Test
    void regionNamesAndFilters() {
        assertThat(optIn(management.describeRegions(r -> r.regionNames("af-south-1", "eu-west-1")).regions()))
                .containsExactly(Map.entry("eu-west-1", "opt-in-not-required"), Map.entry("af-south-1", "not-opted-in"));
        assertThat(optIn(management.describeRegions(r -> r.allRegions(true)
                .filters(Filter.builder().name("opt-in-status").values("not-opted-in").build())).regions()))
                .containsOnlyKeys("af-south-1", "ap-east-1");
        assertThat(optIn(management.describeRegions(r -> r.filters(Filter.builder().name("region-name").values("eu-*", "us-west-?").build()))
                .regions())).containsOnlyKeys("eu-west-1", "eu-west-2", "eu-west-3", "us-west-2");
        assertThatThrownBy(() -> management.describeRegions(r -> r.filters(Filter.builder().name("colour").values("x").build())))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                });
        assertThatThrownBy(() -> management.describeRegions(r -> r.regionNames("xx-nowhere-1")))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue"));
    }
}

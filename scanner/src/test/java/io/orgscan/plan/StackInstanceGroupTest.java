package io.orgscan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class StackInstanceGroupTest {
    static final List<String> REGIONS = List.of("eu-west-1", "eu-west-2", "us-east-1", "us-west-2");

    /** Random cells in, groups out: exactly the cells get a stack instance, one each, one group per region set. */
    @RepeatedTest(50)
    void groupsCoverExactlyTheCells() {
        Random random = new Random();
        Map<String, SortedSet<String>> cells = new TreeMap<>();
        Set<List<String>> regionSets = new HashSet<>();
        for (int i = 0; i < 1 + random.nextInt(30); i++) {
            SortedSet<String> regions = new TreeSet<>();
            REGIONS.forEach(r -> {
                if (random.nextBoolean()) {
                    regions.add(r);
                }
            });
            if (!regions.isEmpty()) {
                cells.put(String.format("%012d", 100000000000L + i), regions);
                regionSets.add(List.copyOf(regions));
            }
        }
        List<StackInstanceGroup> groups = StackInstanceGroup.of(cells);

        Set<String> deployed = new HashSet<>();
        int instances = 0;
        for (StackInstanceGroup group : groups) {
            instances += group.instances();
            for (String account : group.accounts()) {
                for (String region : group.regions()) {
                    assertThat(deployed.add(account + "/" + region)).as("one instance per cell").isTrue();
                }
            }
        }
        Set<String> expected = new HashSet<>();
        cells.forEach((account, regions) -> regions.forEach(r -> expected.add(account + "/" + r)));
        assertThat(deployed).isEqualTo(expected);
        assertThat(instances).isEqualTo(expected.size());
        assertThat(groups).hasSize(regionSets.size());
    }

    @Test
    void anAccountWithoutRegionsGetsNoGroup() {
        assertThat(StackInstanceGroup.of(Map.of("123456789012", new TreeSet<>()))).isEmpty();
    }
}

package io.orgscan.simulator.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.simulator.scenario.Analyzer;
import io.orgscan.simulator.scenario.AnalyzerStatus;
import io.orgscan.simulator.scenario.AnalyzerType;
import io.orgscan.simulator.scenario.MinimalScenario;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.state.AnalyzerStore.CreateOutcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AnalyzerStoreTest {
    private final Scenario scenario = MinimalScenario.parse();
    private final AnalyzerStore store = new AnalyzerStore(scenario);

    private static Analyzer analyzer(String name, AnalyzerType type) {
        return new Analyzer(name, type, AnalyzerStatus.ACTIVE, null, Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Test
    void createdAnalyzersJoinTheScenarioOnesWithoutChangingTheScenario() {
        assertThat(store.create("222222222222", "us-east-1", analyzer("mine", AnalyzerType.ACCOUNT), "t1")).isEqualTo(CreateOutcome.CREATED);

        assertThat(store.list("222222222222", "us-east-1")).extracting(Analyzer::name).containsExactly("org", "mine");
        assertThat(store.find("222222222222", "us-east-1", "mine")).isPresent();
        assertThat(scenario.account("222222222222").orElseThrow().analyzersIn("us-east-1")).hasSize(1);
        assertThat(new AnalyzerStore(scenario).list("222222222222", "us-east-1")).hasSize(1);
    }

    @Test
    void namesConflictUnlessTheClientTokenRepeats() {
        store.create("111111111111", "us-east-1", analyzer("mine", AnalyzerType.ACCOUNT), "t1");

        assertThat(store.create("111111111111", "us-east-1", analyzer("mine", AnalyzerType.ACCOUNT), "t1")).isEqualTo(CreateOutcome.ALREADY_CREATED);
        assertThat(store.create("111111111111", "us-east-1", analyzer("mine", AnalyzerType.ACCOUNT), "t2")).isEqualTo(CreateOutcome.NAME_CONFLICT);
        assertThat(store.create("222222222222", "us-east-1", analyzer("org", AnalyzerType.ORGANIZATION), null)).isEqualTo(CreateOutcome.NAME_CONFLICT);
        assertThat(store.list("111111111111", "us-east-1")).hasSize(1);
    }

    @Test
    void oneAccountLevelAnalyzerPerTypeAndFiveOrganizationLevelOnes() {
        assertThat(store.create("111111111111", "us-east-1", analyzer("a", AnalyzerType.ACCOUNT), null)).isEqualTo(CreateOutcome.CREATED);
        assertThat(store.create("111111111111", "us-east-1", analyzer("b", AnalyzerType.ACCOUNT), null)).isEqualTo(CreateOutcome.QUOTA_EXCEEDED);
        assertThat(store.create("111111111111", "us-east-1", analyzer("c", AnalyzerType.ACCOUNT_UNUSED_ACCESS), null)).isEqualTo(CreateOutcome.CREATED);
        assertThat(store.create("111111111111", "eu-west-1", analyzer("b", AnalyzerType.ACCOUNT), null)).isEqualTo(CreateOutcome.CREATED);
        for (int i = 0; i < 4; i++) {
            assertThat(store.create("222222222222", "us-east-1", analyzer("org" + i, AnalyzerType.ORGANIZATION), null)).isEqualTo(CreateOutcome.CREATED);
        }
        assertThat(store.create("222222222222", "us-east-1", analyzer("org9", AnalyzerType.ORGANIZATION), null)).isEqualTo(CreateOutcome.QUOTA_EXCEEDED);
    }
}

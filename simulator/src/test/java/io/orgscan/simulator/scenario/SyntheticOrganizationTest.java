package io.orgscan.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticOrganizationTest {
    @Test
    void isDeterministicForASeed() {
        Scenario first = SyntheticOrganization.generate(7, 300, 12);
        Scenario again = SyntheticOrganization.generate(7, 300, 12);
        Scenario other = SyntheticOrganization.generate(8, 300, 12);

        assertThat(again.organization()).isEqualTo(first.organization());
        assertThat(again.accounts()).isEqualTo(first.accounts());
        assertThat(again.organizationalUnits()).isEqualTo(first.organizationalUnits());
        assertThat(again.credentials()).isEqualTo(first.credentials());
        assertThat(other.accounts()).isNotEqualTo(first.accounts());
    }

    @Test
    void hasTheDocumentedShape() {
        Scenario scenario = SyntheticOrganization.generate(42, 2000, 20);

        assertThat(scenario.accountCount()).isEqualTo(2000);
        assertThat(scenario.organizationalUnits()).hasSize(20);
        assertThat(scenario.regions()).isEqualTo(CommercialRegions.all());
        String management = scenario.managementAccountId();
        assertThat(scenario.accounts().get(0).id()).isEqualTo(management);
        assertThat(scenario.credentials()).singleElement().satisfies(c -> {
            assertThat(c.accountId()).isEqualTo(management);
            assertThat(c.accessKeyId()).startsWith("AKIA").hasSize(20);
        });

        Account security = scenario.accounts().get(1);
        assertThat(scenario.delegatedAdministrators()).containsExactly(Map.entry("access-analyzer.amazonaws.com", List.of(security.id())));
        assertThat(security.parentId()).isEqualTo(scenario.organizationalUnits().get(0).id());
        assertThat(security.analyzersIn("us-east-1")).anyMatch(a -> a.type() == AnalyzerType.ORGANIZATION && a.status() == AnalyzerStatus.ACTIVE);
        long orgRegions = scenario.regionNames().stream()
                .filter(r -> security.analyzersIn(r).stream().anyMatch(a -> a.type() == AnalyzerType.ORGANIZATION)).count();
        assertThat(orgRegions).isBetween(2L, 16L);

        Map<AccountState, Long> states = scenario.accounts().stream().collect(Collectors.groupingBy(Account::state, Collectors.counting()));
        assertThat(states.get(AccountState.ACTIVE)).isGreaterThan(1800);
        assertThat(states).containsKeys(AccountState.SUSPENDED, AccountState.CLOSED, AccountState.PENDING_CLOSURE);

        List<Account> active = scenario.accounts().stream().filter(a -> a.state() == AccountState.ACTIVE).toList();
        long cells = 0;
        long covered = 0;
        for (Account account : active) {
            for (String region : scenario.regionNames()) {
                if (scenario.isRegionEnabled(account, region)) {
                    cells++;
                    if (account.analyzersIn(region).stream().anyMatch(a -> a.type() == AnalyzerType.ACCOUNT && a.status() == AnalyzerStatus.ACTIVE)) {
                        covered++;
                    }
                }
            }
        }
        assertThat((double) covered / cells).as("share of enabled cells with an active ACCOUNT analyzer").isBetween(0.7, 0.95);
        assertThat(active).anyMatch(a -> !a.optedInRegions().isEmpty()).anyMatch(a -> a.optedInRegions().isEmpty());
        assertThat(active).anyMatch(a -> a.analyzers().isEmpty());
        assertThat(scenario.accounts().stream().flatMap(a -> a.analyzers().values().stream()).flatMap(List::stream)
                .map(Analyzer::status).collect(Collectors.toSet()))
                .contains(AnalyzerStatus.ACTIVE, AnalyzerStatus.FAILED, AnalyzerStatus.CREATING, AnalyzerStatus.DISABLED);
        assertThat(scenario.accounts().stream().map(Account::parentId).collect(Collectors.toSet()))
                .contains(scenario.rootId()).hasSizeGreaterThan(15);
    }

    @Test
    void tenThousandAccountsAreQuickAndShareAnalyzers() {
        long start = System.nanoTime();
        Scenario scenario = SyntheticOrganization.generate(1, 10_000, 50);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(scenario.accountCount()).isEqualTo(10_000);
        assertThat(scenario.accounts().stream().map(Account::id).collect(Collectors.toSet())).hasSize(10_000);
        assertThat(millis).as("generation time in ms").isLessThan(5_000);
        Set<Analyzer> distinct = scenario.accounts().stream().flatMap(a -> a.analyzers().values().stream())
                .flatMap(List::stream).collect(Collectors.toCollection(() -> java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>())));
        assertThat(distinct).as("distinct analyzer instances").hasSizeLessThan(100);
    }

    @Test
    void tinyOrganizationsWork() {
        Scenario one = SyntheticOrganization.generate(3, 1, 0);

        assertThat(one.accountCount()).isEqualTo(1);
        assertThat(one.delegatedAdministrators()).isEmpty();
        assertThat(one.accounts().get(0).parentId()).isEqualTo(one.rootId());
        assertThatThrownBy(() -> SyntheticOrganization.generate(3, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.orgscan.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The decision table is written once: the README's copy must be the table the evaluator runs. */
class DecisionRuleTest {
    static final Path README = Path.of("..", "README.md");
    static final String HEADING = "### How a cell is judged";

    /** The README table, as {@link DecisionRule} renders it. */
    static List<String> expectedRows() {
        List<String> rows = new ArrayList<>(List.of("| status | reason | when |", "|---|---|---|"));
        for (DecisionRule rule : DecisionRule.values()) {
            rows.add("| " + rule.status() + " | " + rule.reasons().stream().map(Reason::name)
                    .collect(Collectors.joining(" / ")) + " | " + rule.when() + " |");
        }
        return rows;
    }

    @Test
    void theReadmeShowsTheDecisionTableTheEvaluatorRuns() throws Exception {
        List<String> lines = Files.readAllLines(README);
        int heading = lines.indexOf(HEADING);
        assertThat(heading).as("README heading " + HEADING).isNotNegative();
        List<String> table = new ArrayList<>();
        for (int i = heading + 1; i < lines.size() && !lines.get(i).startsWith("#"); i++) {
            if (lines.get(i).startsWith("|")) {
                table.add(lines.get(i));
            } else if (!table.isEmpty()) {
                break;
            }
        }
        assertThat(table).as("the README's decision table; paste the expected rows into README.md")
                .containsExactlyElementsOf(expectedRows());
    }

    @Test
    void everyReasonIsGivenBySomeRule() {
        List<Reason> given = Arrays.stream(DecisionRule.values()).flatMap(r -> r.reasons().stream()).toList();
        assertThat(given).containsAll(List.of(Reason.values()));
    }

    @Test
    void policyLimitedRulesSayWhichPolicy() {
        assertThat(DecisionRule.ORGANIZATION_ANALYZERS_NOT_READ.appliesUnder(CoveragePolicy.ACCOUNT)).isFalse();
        assertThat(DecisionRule.ORGANIZATION_ANALYZERS_NOT_READ.when()).startsWith("only under the org policy: ");
        assertThat(DecisionRule.OWN_ANALYZER.appliesUnder(CoveragePolicy.ACCOUNT)).isTrue();
    }
}

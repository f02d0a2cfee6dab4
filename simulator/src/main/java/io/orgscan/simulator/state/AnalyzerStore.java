package io.orgscan.simulator.state;

import io.orgscan.simulator.scenario.Account;
import io.orgscan.simulator.scenario.Analyzer;
import io.orgscan.simulator.scenario.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The analyzers each (account, region) owns while a simulator runs: the scenario's, plus those
 * CreateAnalyzer added. The scenario stays immutable; only (account, region) pairs that changed get an
 * entry here, and each entry is replaced atomically, so readers never lock.
 */
public final class AnalyzerStore {
    /** Organization-level analyzers of one type per account and region (the external/unused quota). */
    static final int ORGANIZATION_ANALYZERS_PER_TYPE = 5;

    private final Scenario scenario;
    private final Map<String, RegionAnalyzers> changed = new ConcurrentHashMap<>();

    /** The analyzers of one account-region after a change, with the clientToken each creation used. */
    private record RegionAnalyzers(List<Analyzer> analyzers, Map<String, String> clientTokens) {
    }

    /** What CreateAnalyzer did. */
    public enum CreateOutcome {
        /** A new analyzer now exists. */
        CREATED,
        /** A retry of an earlier creation with the same clientToken: nothing changed, same ARN. */
        ALREADY_CREATED,
        /** Another analyzer already has that name. */
        NAME_CONFLICT,
        /** An account-level analyzer of that type already exists, or the organization-level quota is full. */
        QUOTA_EXCEEDED
    }

    public AnalyzerStore(Scenario scenario) {
        this.scenario = scenario;
    }

    public List<Analyzer> list(String accountId, String region) {
        RegionAnalyzers current = changed.get(key(accountId, region));
        if (current != null) {
            return current.analyzers();
        }
        return scenario.account(accountId).map(account -> account.analyzersIn(region)).orElse(List.of());
    }

    public Optional<Analyzer> find(String accountId, String region, String name) {
        for (Analyzer analyzer : list(accountId, region)) {
            if (analyzer.name().equals(name)) {
                return Optional.of(analyzer);
            }
        }
        return Optional.empty();
    }

    /**
     * Adds an analyzer unless a rule forbids it; safe under concurrent creations in the same place.
     *
     * @param clientToken the idempotency token; null when the caller sent none
     */
    public CreateOutcome create(String accountId, String region, Analyzer analyzer, String clientToken) {
        CreateOutcome[] outcome = new CreateOutcome[1];
        changed.compute(key(accountId, region), (key, current) -> {
            RegionAnalyzers state = current != null ? current : new RegionAnalyzers(
                    scenario.account(accountId).map((Account a) -> a.analyzersIn(region)).orElse(List.of()), Map.of());
            outcome[0] = decide(state, analyzer, clientToken);
            if (outcome[0] != CreateOutcome.CREATED) {
                return current;
            }
            List<Analyzer> analyzers = new ArrayList<>(state.analyzers());
            analyzers.add(analyzer);
            Map<String, String> tokens = new HashMap<>(state.clientTokens());
            if (clientToken != null) {
                tokens.put(analyzer.name(), clientToken);
            }
            return new RegionAnalyzers(List.copyOf(analyzers), Map.copyOf(tokens));
        });
        return outcome[0];
    }

    private static CreateOutcome decide(RegionAnalyzers state, Analyzer candidate, String clientToken) {
        int sameType = 0;
        for (Analyzer existing : state.analyzers()) {
            if (existing.name().equals(candidate.name())) {
                boolean retry = clientToken != null && clientToken.equals(state.clientTokens().get(existing.name()))
                        && existing.type() == candidate.type();
                return retry ? CreateOutcome.ALREADY_CREATED : CreateOutcome.NAME_CONFLICT;
            }
            if (existing.type() == candidate.type()) {
                sameType++;
            }
        }
        int quota = candidate.type().isOrganizationLevel() ? ORGANIZATION_ANALYZERS_PER_TYPE : 1;
        return sameType >= quota ? CreateOutcome.QUOTA_EXCEEDED : CreateOutcome.CREATED;
    }

    private static String key(String accountId, String region) {
        return accountId + "/" + region;
    }
}

package io.orgscan.simulator.scenario;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A member account and everything the simulator answers about it.
 *
 * @param status         the legacy {@code Status} on the wire; null means the simulator omits it, as AWS does
 *                       once the field is retired
 * @param optedInRegions the opt-in regions this account enabled (default regions are always enabled)
 * @param roles          role names AssumeRole may assume in this account
 * @param externalId     when not null, AssumeRole must pass exactly this ExternalId
 * @param analyzers      region to the analyzers this account owns there
 */
public record Account(String id, String name, String email, AccountState state, AccountStatus status,
                      String parentId, String joinedMethod, Instant joinedTimestamp,
                      Set<String> optedInRegions, Set<String> roles, String externalId,
                      Map<String, List<Analyzer>> analyzers) {
    public static final String DEFAULT_ROLE = "OrganizationAccountAccessRole";

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(joinedMethod, "joinedMethod");
        Objects.requireNonNull(joinedTimestamp, "joinedTimestamp");
        optedInRegions = Set.copyOf(optedInRegions);
        roles = Set.copyOf(roles);
        analyzers = immutableLists(analyzers);
    }

    /** Copies only what is mutable: generated scenarios pass immutable maps of immutable lists, shared as is. */
    private static Map<String, List<Analyzer>> immutableLists(Map<String, List<Analyzer>> source) {
        Map<String, List<Analyzer>> immutable = Map.copyOf(source);
        boolean listsImmutable = true;
        for (List<Analyzer> list : immutable.values()) {
            if (List.copyOf(list) != list) {
                listsImmutable = false;
                break;
            }
        }
        if (listsImmutable) {
            return immutable;
        }
        Map<String, List<Analyzer>> copy = new HashMap<>(source.size() * 2);
        source.forEach((region, list) -> copy.put(region, List.copyOf(list)));
        return Map.copyOf(copy);
    }

    /** The analyzers this account owns in a region, as the scenario declares them. */
    public List<Analyzer> analyzersIn(String region) {
        return analyzers.getOrDefault(region, List.of());
    }
}

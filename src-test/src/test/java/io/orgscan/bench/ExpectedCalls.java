package io.orgscan.bench;

import io.orgscan.simulator.scenario.Account;
import io.orgscan.simulator.scenario.AccountState;
import io.orgscan.simulator.scenario.OrganizationalUnit;
import io.orgscan.simulator.scenario.PolicyStatement;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.scenario.ServiceControlPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The calls a complete scan of a scenario needs (C) and the longest chain of them that must run one
 * after another (D), worked out from the scenario alone, never from the scanner's code: the floor a
 * benchmark run is measured against.
 *
 * <p>C: one GetCallerIdentity, DescribeOrganization and ListDelegatedAdministrators; the tree walk
 * (ListRoots, then per root and OU one ListOrganizationalUnitsForParent and one
 * ListAccountsForParent per page); one AssumeRole per ACTIVE account other than the caller's own
 * (its own credentials need none) and one DescribeRegions per ACTIVE account; one ListAnalyzers per
 * page in every region enabled for an ACTIVE account. Pages hold {@code pageSizes} items, as the
 * simulator documents for requests without MaxResults.
 *
 * <p>With {@code --scp-denied-regions not-applicable} ({@code readsPolicies}), also one ListPolicies
 * call per page of SCPs, one DescribePolicy per SCP, and one ListTargetsForPolicy per page of targets
 * of each SCP that denies regions (a Deny statement with a condition on aws:RequestedRegion, as the
 * scenario's policy says; FullAWSAccess costs no target listing); no account is opened before they
 * are all read.
 *
 * <p>D: for each ACTIVE account, ListRoots, then the page of each ancestor's OU listing that names
 * the next OU, the page of its parent's account listing that names it (or, when later, the last of
 * the policy reads), then AssumeRole, DescribeRegions and the pages of its longest ListAnalyzers; D is
 * the longest such chain.
 *
 * @param byOperation expected calls per {@code service:Operation}, the simulator's naming
 * @param byListing   expected ListAnalyzers calls per {@code account/region}
 * @param byAccount   expected calls per {@code service:Operation/account} (the account whose credentials sign)
 */
record ExpectedCalls(Map<String, Long> byOperation, Map<String, Long> byListing, Map<String, Long> byAccount,
                     long total, int chain, int activeAccounts, int enabledRegions, int regions) {
    static final String GET_CALLER_IDENTITY = "sts:GetCallerIdentity";
    static final String DESCRIBE_ORGANIZATION = "organizations:DescribeOrganization";
    static final String LIST_DELEGATED_ADMINISTRATORS = "organizations:ListDelegatedAdministrators";
    static final String LIST_ROOTS = "organizations:ListRoots";
    static final String LIST_OUS = "organizations:ListOrganizationalUnitsForParent";
    static final String LIST_ACCOUNTS = "organizations:ListAccountsForParent";
    static final String ASSUME_ROLE = "sts:AssumeRole";
    static final String DESCRIBE_REGIONS = "ec2:DescribeRegions";
    static final String LIST_ANALYZERS = "access-analyzer:ListAnalyzers";
    static final String LIST_POLICIES = "organizations:ListPolicies";
    static final String DESCRIBE_POLICY = "organizations:DescribePolicy";
    static final String LIST_TARGETS = "organizations:ListTargetsForPolicy";
    /** The order operations are listed in reports. */
    static final List<String> OPERATIONS = List.of(GET_CALLER_IDENTITY, DESCRIBE_ORGANIZATION,
            LIST_DELEGATED_ADMINISTRATORS, LIST_ROOTS, LIST_OUS, LIST_ACCOUNTS, ASSUME_ROLE, DESCRIBE_REGIONS,
            LIST_ANALYZERS, LIST_POLICIES, DESCRIBE_POLICY, LIST_TARGETS);
    private static final String ACCESS_ANALYZER_PRINCIPAL = "access-analyzer.amazonaws.com";

    /** @param callerAccountId the account whose credentials run the scan (it needs no AssumeRole) */
    static ExpectedCalls of(Scenario scenario, String callerAccountId) {
        return of(scenario, callerAccountId, false);
    }

    /** @param readsPolicies the scan reads the SCPs ({@code --scp-denied-regions not-applicable}) */
    static ExpectedCalls of(Scenario scenario, String callerAccountId, boolean readsPolicies) {
        int orgPage = scenario.pageSizes().organizations();
        int analyzerPage = scenario.pageSizes().accessAnalyzer();
        String caller = callerAccountId;
        Map<String, Long> ops = new TreeMap<>();
        Map<String, Long> listings = new TreeMap<>();
        Map<String, Long> accounts = new TreeMap<>();

        add(ops, accounts, GET_CALLER_IDENTITY, caller, 1);
        add(ops, accounts, DESCRIBE_ORGANIZATION, caller, 1);
        int delegates = scenario.delegatedAdministrators().getOrDefault(ACCESS_ANALYZER_PRINCIPAL, List.of()).size();
        add(ops, accounts, LIST_DELEGATED_ADMINISTRATORS, caller, pages(delegates, orgPage));
        add(ops, accounts, LIST_ROOTS, caller, 1);

        int policiesRead = 0;
        if (readsPolicies) {
            List<ServiceControlPolicy> policies = scenario.policies();
            int listPages = pages(policies.size(), orgPage);
            add(ops, accounts, LIST_POLICIES, caller, listPages);
            add(ops, accounts, DESCRIBE_POLICY, caller, policies.size());
            int longestTargets = 0;
            for (ServiceControlPolicy policy : policies) {
                boolean deniesRegions = policy.statements().stream().anyMatch(s -> s.deny() && s.conditions().stream()
                        .anyMatch(c -> c.key().equals(PolicyStatement.REQUESTED_REGION)));
                if (deniesRegions) {
                    int targetPages = pages(policy.targets().size(), orgPage);
                    add(ops, accounts, LIST_TARGETS, caller, targetPages);
                    longestTargets = Math.max(longestTargets, targetPages);
                }
            }
            policiesRead = listPages + 1 + longestTargets;
        }

        // Walk chains: calls from the start of the walk until a node's id is known.
        Map<String, Integer> known = new TreeMap<>();
        known.put(scenario.rootId(), 1);
        int chain = 0;
        int active = 0;
        int enabled = 0;
        for (String node : nodesTopDown(scenario)) {
            List<OrganizationalUnit> ous = scenario.organizationalUnitsUnder(node);
            List<Account> members = scenario.accountsUnder(node);
            add(ops, accounts, LIST_OUS, caller, pages(ous.size(), orgPage));
            add(ops, accounts, LIST_ACCOUNTS, caller, pages(members.size(), orgPage));
            int reached = known.get(node);
            for (int i = 0; i < ous.size(); i++) {
                known.put(ous.get(i).id(), reached + i / orgPage + 1);
            }
            for (int i = 0; i < members.size(); i++) {
                Account account = members.get(i);
                if (account.state() != AccountState.ACTIVE) {
                    continue;
                }
                active++;
                int accountChain = Math.max(reached + i / orgPage + 1, policiesRead);
                if (!account.id().equals(caller)) {
                    add(ops, accounts, ASSUME_ROLE, caller, 1);
                    accountChain++;
                }
                add(ops, accounts, DESCRIBE_REGIONS, account.id(), 1);
                accountChain++;
                int longest = 0;
                for (String region : scenario.regionNames()) {
                    if (!scenario.isRegionEnabled(account, region)) {
                        continue;
                    }
                    enabled++;
                    int listingPages = pages(account.analyzersIn(region).size(), analyzerPage);
                    add(ops, accounts, LIST_ANALYZERS, account.id(), listingPages);
                    listings.merge(account.id() + "/" + region, (long) listingPages, Long::sum);
                    longest = Math.max(longest, listingPages);
                }
                chain = Math.max(chain, accountChain + longest);
            }
        }
        long total = ops.values().stream().mapToLong(Long::longValue).sum();
        return new ExpectedCalls(Collections.unmodifiableMap(ops), Collections.unmodifiableMap(listings),
                Collections.unmodifiableMap(accounts), total, chain, active, enabled,
                scenario.regionNames().size());
    }

    /** The floor of a run: {@code max(C x L / P, D x L)} in seconds. */
    double floorSeconds(int latencyMs, int parallel) {
        return Math.max((double) total * latencyMs / parallel, (double) chain * latencyMs) / 1000.0;
    }

    long expected(String operation) {
        return byOperation.getOrDefault(operation, 0L);
    }

    /**
     * How the calls a run made differ from these: per operation, per operation and calling account,
     * and ListAnalyzers per account and region (so a listing in a disabled region, a repeated
     * AssumeRole or a ListParents shows even when totals happen to match). Empty when exact.
     */
    List<String> differences(SimulatorProcess.Stats made) {
        List<String> differences = new ArrayList<>();
        if (made.errors() > 0) {
            differences.add(made.errors() + " calls failed");
        }
        compare("", byOperation, made.byOperation(), differences);
        Map<String, Long> madeByAccount = new TreeMap<>();
        Map<String, Long> madeListings = new TreeMap<>();
        for (SimulatorProcess.Call call : made.calls()) {
            madeByAccount.merge(call.key() + "/" + call.accountId(), call.count(), Long::sum);
            if (call.key().equals(LIST_ANALYZERS)) {
                madeListings.merge(call.accountId() + "/" + call.region(), call.count(), Long::sum);
            }
        }
        compare("", byAccount, madeByAccount, differences);
        compare(LIST_ANALYZERS + " ", byListing, madeListings, differences);
        return differences;
    }

    private static void compare(String prefix, Map<String, Long> needed, Map<String, Long> made, List<String> differences) {
        Set<String> keys = new TreeSet<>(needed.keySet());
        keys.addAll(made.keySet());
        int shown = 0;
        for (String key : keys) {
            long want = needed.getOrDefault(key, 0L);
            long got = made.getOrDefault(key, 0L);
            if (want != got && shown++ < 10) {
                differences.add(prefix + key + ": made " + got + ", needed " + want);
            }
        }
    }

    private static void add(Map<String, Long> ops, Map<String, Long> accounts, String operation, String account, long calls) {
        ops.merge(operation, calls, Long::sum);
        accounts.merge(operation + "/" + account, calls, Long::sum);
    }

    private static int pages(int items, int pageSize) {
        return Math.max(1, (items + pageSize - 1) / pageSize);
    }

    /** The root, then every OU after its parent. */
    private static List<String> nodesTopDown(Scenario scenario) {
        List<String> order = new ArrayList<>();
        order.add(scenario.rootId());
        for (int i = 0; i < order.size(); i++) {
            for (OrganizationalUnit ou : scenario.organizationalUnitsUnder(order.get(i))) {
                order.add(ou.id());
            }
        }
        return order;
    }
}

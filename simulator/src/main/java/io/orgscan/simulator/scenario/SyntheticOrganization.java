package io.orgscan.simulator.scenario;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates realistic organizations of any size for scale tests and benchmarks, deterministically for
 * a seed. The mix: mostly ACTIVE accounts with a few SUSPENDED, CLOSED and PENDING_CLOSURE ones; all
 * commercial regions, most accounts opted into none or one or two opt-in regions; ACCOUNT analyzers in
 * most enabled regions with gaps, a few FAILED or CREATING, some unused-access analyzers; a security
 * account that is Access Analyzer's delegated administrator with ORGANIZATION analyzers in some
 * regions; and one credentials entry, for the management account.
 *
 * <p>To stay small at 10,000 accounts x 34 regions, analyzers are drawn from a few shared instances
 * (an analyzer carries no account or region; its ARN is built when answered).
 */
public final class SyntheticOrganization {
    /** The id of the region-deny SCP every synthetic organization has at its root. */
    public static final String REGION_DENY_ID = "p-regiondeny0";

    private static final String ANALYZER_PRINCIPAL = "access-analyzer.amazonaws.com";
    private static final String[] TOP_LEVEL_OUS = {"Security", "Infrastructure", "Workloads", "Sandbox"};
    private static final String[] NESTED_OUS = {"Prod", "NonProd", "Dev", "Staging", "Shared", "Data", "Platform",
        "Payments", "Analytics", "Legacy"};
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
    private static final Instant EPOCH = Instant.parse("2017-01-01T00:00:00Z");
    private static final int SHARED_ANALYZER_VARIANTS = 24;

    private final Random random;
    private final String root;
    private final List<Analyzer> activeAccountAnalyzers = new ArrayList<>();
    private final List<Analyzer> brokenAccountAnalyzers = new ArrayList<>();
    private final Analyzer unusedAccess;

    private SyntheticOrganization(long seed) {
        this.random = new Random(seed);
        this.root = "r-" + randomText(4);
        for (int i = 0; i < SHARED_ANALYZER_VARIANTS; i++) {
            activeAccountAnalyzers.add(new Analyzer("ConsoleAnalyzer-" + uuidLike(), AnalyzerType.ACCOUNT,
                    AnalyzerStatus.ACTIVE, null, someInstant(2019, 6)));
        }
        brokenAccountAnalyzers.add(new Analyzer("account-analyzer", AnalyzerType.ACCOUNT, AnalyzerStatus.FAILED,
                AnalyzerStatusReason.SERVICE_LINKED_ROLE_CREATION_FAILED, someInstant(2021, 3)));
        brokenAccountAnalyzers.add(new Analyzer("account-analyzer", AnalyzerType.ACCOUNT, AnalyzerStatus.CREATING,
                null, someInstant(2024, 1)));
        unusedAccess = new Analyzer("unused-access", AnalyzerType.ACCOUNT_UNUSED_ACCESS, AnalyzerStatus.ACTIVE, null,
                someInstant(2023, 2));
    }

    /**
     * @param accounts at least 1: the management account; the second is the security (delegated admin) account
     * @param ous      organizational units besides the root
     */
    public static Scenario generate(long seed, int accounts, int ous) {
        if (accounts < 1) {
            throw new IllegalArgumentException("a synthetic organization needs at least 1 account (the management account), got " + accounts);
        }
        if (ous < 0) {
            throw new IllegalArgumentException("the number of OUs must not be negative, got " + ous);
        }
        return new SyntheticOrganization(seed).build(accounts, ous);
    }

    private Scenario build(int accountCount, int ouCount) {
        String orgId = "o-" + randomText(10);
        String rootId = root;
        Map<String, RegionKind> regions = CommercialRegions.all();
        List<String> defaultRegions = new ArrayList<>();
        List<String> optInRegions = new ArrayList<>();
        regions.forEach((name, kind) -> (kind == RegionKind.DEFAULT ? defaultRegions : optInRegions).add(name));

        List<OrganizationalUnit> ous = organizationalUnits(ouCount, rootId);
        List<String> ids = accountIds(accountCount);
        String managementId = ids.get(0);
        String securityId = accountCount > 1 ? ids.get(1) : null;

        Map<String, String> namePrefixes = new HashMap<>();
        ous.forEach(ou -> namePrefixes.put(ou.id(), ou.name().toLowerCase().replaceAll("[^a-z0-9]+", "-")));
        List<Account> accounts = new ArrayList<>(accountCount);
        for (int i = 0; i < accountCount; i++) {
            String id = ids.get(i);
            boolean special = id.equals(managementId) || id.equals(securityId);
            String parent = parentFor(i, ous, rootId);
            String name = i == 0 ? "management" : i == 1 ? "security" : nameFor(namePrefixes.getOrDefault(parent, "account"), i);
            AccountState state = special ? AccountState.ACTIVE : randomState();
            Set<String> optedIn = optIns(optInRegions);
            Map<String, List<Analyzer>> analyzers = accountAnalyzers(state, defaultRegions, optedIn);
            if (id.equals(securityId)) {
                addOrganizationAnalyzers(analyzers, defaultRegions, optedIn);
            }
            if (id.equals(managementId) && securityId != null) {
                // The org analyzer of a former delegated administrator, disabled when the role moved on.
                analyzers.put("us-east-1", List.of(new Analyzer("org-analyzer-legacy", AnalyzerType.ORGANIZATION,
                        AnalyzerStatus.DISABLED, AnalyzerStatusReason.DELEGATED_ADMINISTRATOR_DEREGISTERED, someInstant(2019, 1))));
            }
            accounts.add(new Account(id, name, name + "@example.com", state, state.legacyStatus(), parent,
                    i == 0 ? "CREATED" : random.nextInt(10) == 0 ? "INVITED" : "CREATED",
                    EPOCH.plus(i == 0 ? 0 : 1 + random.nextInt(3000), ChronoUnit.DAYS).plusSeconds(random.nextInt(86400)),
                    optedIn, Set.of(Account.DEFAULT_ROLE), null, Map.copyOf(analyzers)));
        }
        Map<String, List<String>> delegates = securityId == null ? Map.of() : Map.of(ANALYZER_PRINCIPAL, List.of(securityId));
        Scenario.Credentials management = new Scenario.Credentials("AKIA" + randomText(16).toUpperCase(),
                randomText(40), managementId, "arn:aws:iam::" + managementId + ":user/orgscan");
        Organization organization = new Organization(orgId, managementId, "aws-root@example.com", "ALL", rootId, "Root");
        return new Scenario(organization, List.of(management), delegates, regions, ous, accounts, PageSizes.DEFAULT, Faults.NONE,
                List.of(regionDeny(rootId)), Set.of());
    }

    /**
     * A landing zone's region deny at the root, shaped as AWS Control Tower's: every action outside the
     * governed regions is denied except the global services, Access Analyzer and DescribeRegions among
     * them, so no call of a scan fails because of it; it matters only to {@code --scp-denied-regions}.
     */
    private static ServiceControlPolicy regionDeny(String rootId) {
        String content = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"GRREGIONDENY\",\"Effect\":\"Deny\","
                + "\"NotAction\":[\"access-analyzer:*\",\"ec2:DescribeRegions\",\"iam:*\",\"organizations:*\",\"sts:*\","
                + "\"support:*\"],\"Resource\":\"*\",\"Condition\":{\"StringNotEquals\":{\"aws:RequestedRegion\":"
                + "[\"us-east-1\",\"us-west-2\",\"eu-west-1\",\"eu-central-1\"]},\"ArnNotLike\":{\"aws:PrincipalARN\":"
                + "[\"arn:*:iam::*:role/AWSControlTowerExecution\"]}}}]}";
        return new ServiceControlPolicy(REGION_DENY_ID, "aws-guardrails-RegionDeny", "Control Tower-style region deny",
                content, List.of(rootId), false, PolicyStatement.parseDocument(content, REGION_DENY_ID));
    }

    private List<OrganizationalUnit> organizationalUnits(int count, String rootId) {
        List<OrganizationalUnit> ous = new ArrayList<>(count);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String id;
            do {
                id = "ou-" + rootId.substring(2) + "-" + randomText(8);
            } while (!ids.add(id));
            if (i < TOP_LEVEL_OUS.length) {
                ous.add(new OrganizationalUnit(id, TOP_LEVEL_OUS[i], rootId));
            } else {
                // Nest under any earlier OU but Security, so trees get two or three levels deep.
                OrganizationalUnit parent = ous.get(1 + random.nextInt(ous.size() - 1));
                String name = NESTED_OUS[(i - TOP_LEVEL_OUS.length) % NESTED_OUS.length]
                        + (i - TOP_LEVEL_OUS.length >= NESTED_OUS.length ? "-" + (i - TOP_LEVEL_OUS.length) / NESTED_OUS.length : "");
                ous.add(new OrganizationalUnit(id, name, parent.id()));
            }
        }
        return ous;
    }

    private List<String> accountIds(int count) {
        Set<Long> seen = new HashSet<>(count * 2);
        List<String> ids = new ArrayList<>(count);
        while (ids.size() < count) {
            long id = 100_000_000_000L + (long) (random.nextDouble() * 899_999_999_999L);
            if (seen.add(id)) {
                ids.add(Long.toString(id));
            }
        }
        return ids;
    }

    private String parentFor(int index, List<OrganizationalUnit> ous, String rootId) {
        if (index == 0 || ous.isEmpty()) {
            return rootId;
        }
        if (index == 1) {
            return ous.get(0).id(); // Security
        }
        return random.nextInt(100) < 3 ? rootId : ous.get(random.nextInt(ous.size())).id();
    }

    private static String nameFor(String prefix, int index) {
        String digits = Integer.toString(index);
        return prefix + "-" + "00000".substring(Math.min(5, digits.length())) + digits;
    }

    private AccountState randomState() {
        int roll = random.nextInt(1000);
        if (roll < 940) {
            return AccountState.ACTIVE;
        }
        if (roll < 965) {
            return AccountState.SUSPENDED;
        }
        if (roll < 985) {
            return AccountState.CLOSED;
        }
        return AccountState.PENDING_CLOSURE;
    }

    private Set<String> optIns(List<String> optInRegions) {
        int roll = random.nextInt(100);
        int count = roll < 70 ? 0 : roll < 90 ? 1 : 2 + random.nextInt(2);
        Set<String> chosen = new HashSet<>();
        while (chosen.size() < count) {
            chosen.add(optInRegions.get(random.nextInt(optInRegions.size())));
        }
        return chosen;
    }

    private Map<String, List<Analyzer>> accountAnalyzers(AccountState state, List<String> defaultRegions, Set<String> optedIn) {
        Map<String, List<Analyzer>> analyzers = new HashMap<>();
        int uncovered = random.nextInt(100);
        boolean active = state == AccountState.ACTIVE;
        if ((active && uncovered < 4) || (!active && uncovered < 50)) {
            return analyzers; // no analyzer anywhere
        }
        Analyzer usual = activeAccountAnalyzers.get(random.nextInt(activeAccountAnalyzers.size()));
        List<String> enabled = new ArrayList<>(defaultRegions);
        enabled.addAll(optedIn);
        for (String region : enabled) {
            int roll = random.nextInt(1000);
            if (roll < 880) {
                analyzers.put(region, List.of(usual));
            } else if (roll < 910) {
                analyzers.put(region, List.of(brokenAccountAnalyzers.get(random.nextInt(brokenAccountAnalyzers.size()))));
            }
        }
        if (random.nextInt(100) < 8) {
            List<Analyzer> inUsEast1 = new ArrayList<>(analyzers.getOrDefault("us-east-1", List.of()));
            inUsEast1.add(unusedAccess);
            analyzers.put("us-east-1", List.copyOf(inUsEast1));
        }
        return analyzers;
    }

    private void addOrganizationAnalyzers(Map<String, List<Analyzer>> analyzers, List<String> defaultRegions, Set<String> optedIn) {
        Analyzer org = new Analyzer("org-analyzer", AnalyzerType.ORGANIZATION, AnalyzerStatus.ACTIVE, null, someInstant(2022, 4));
        Map<String, Boolean> chosen = new LinkedHashMap<>();
        for (String region : defaultRegions) {
            chosen.put(region, random.nextInt(100) < 60);
        }
        chosen.put("us-east-1", true);
        optedIn.forEach(region -> chosen.put(region, random.nextBoolean()));
        chosen.forEach((region, has) -> {
            if (has) {
                List<Analyzer> list = new ArrayList<>(analyzers.getOrDefault(region, List.of()));
                list.add(org);
                analyzers.put(region, List.copyOf(list));
            }
        });
    }

    private Instant someInstant(int year, int month) {
        return Instant.parse(String.format("%04d-%02d-01T00:00:00Z", year, month))
                .plusSeconds(random.nextInt(28 * 86400));
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(BASE32.charAt(random.nextInt(BASE32.length())));
        }
        return text.toString();
    }

    private String uuidLike() {
        String hex = Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20, 32);
    }
}

package io.orgscan.simulator.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The immutable model of a scenario file (docs/SIMULATOR.md): an organization, its accounts and OUs,
 * the region universe, base credentials, analyzers and faults. Construction checks every cross
 * reference, so a {@code Scenario} that exists is consistent; the indexes the simulator needs on its
 * hot path (accounts by id, children by parent) are built once here.
 */
public final class Scenario {
    static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    static final Pattern ORGANIZATION_ID = Pattern.compile("o-[a-z0-9]{10,32}");
    static final Pattern ROOT_ID = Pattern.compile("r-[0-9a-z]{4,32}");
    static final Pattern OU_ID = Pattern.compile("ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}");
    static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    static final Pattern ACCESS_KEY_ID = Pattern.compile("\\w{4,128}");

    /**
     * Long-term credentials and the account they belong to.
     *
     * @param arn the caller ARN GetCallerIdentity reports; never null (the loader fills a default)
     */
    public record Credentials(String accessKeyId, String secretAccessKey, String accountId, String arn) {
        public Credentials {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
            Objects.requireNonNull(accountId, "accountId");
            if (arn == null) {
                arn = "arn:aws:iam::" + accountId + ":user/orgscan";
            }
        }
    }

    private final Organization organization;
    private final List<Credentials> credentials;
    private final Map<String, List<String>> delegatedAdministrators;
    private final Map<String, RegionKind> regions;
    private final List<OrganizationalUnit> organizationalUnits;
    private final List<Account> accounts;
    private final PageSizes pageSizes;
    private final Faults faults;
    private final List<ServiceControlPolicy> customPolicies;
    private final Set<String> fullAwsAccessDetachedFrom;
    private final List<ServiceControlPolicy> policies;
    private final Map<String, List<ServiceControlPolicy>> policiesByTarget = new HashMap<>();

    private final Map<String, Account> accountsById;
    private final Map<String, OrganizationalUnit> ousById;
    private final Map<String, List<Account>> accountsByParent;
    private final Map<String, List<OrganizationalUnit>> ousByParent;
    private final Set<String> anyServiceDelegates;

    /**
     * Builds and checks a scenario.
     *
     * @throws IllegalArgumentException naming the first inconsistency found
     */
    public Scenario(Organization organization, List<Credentials> credentials,
                    Map<String, List<String>> delegatedAdministrators, Map<String, RegionKind> regions,
                    List<OrganizationalUnit> organizationalUnits, List<Account> accounts,
                    PageSizes pageSizes, Faults faults) {
        this(organization, credentials, delegatedAdministrators, regions, organizationalUnits, accounts, pageSizes, faults,
                List.of(), Set.of());
    }

    /**
     * Builds and checks a scenario with service control policies.
     *
     * @param customPolicies            the scenario's own SCPs (FullAWSAccess is added, not listed here)
     * @param fullAwsAccessDetachedFrom roots, OUs and accounts FullAWSAccess is not attached to
     * @throws IllegalArgumentException naming the first inconsistency found
     */
    public Scenario(Organization organization, List<Credentials> credentials,
                    Map<String, List<String>> delegatedAdministrators, Map<String, RegionKind> regions,
                    List<OrganizationalUnit> organizationalUnits, List<Account> accounts,
                    PageSizes pageSizes, Faults faults, List<ServiceControlPolicy> customPolicies,
                    Set<String> fullAwsAccessDetachedFrom) {
        this.organization = Objects.requireNonNull(organization, "organization");
        this.credentials = List.copyOf(credentials);
        Map<String, List<String>> delegates = new LinkedHashMap<>();
        delegatedAdministrators.forEach((principal, ids) -> delegates.put(principal, List.copyOf(ids)));
        this.delegatedAdministrators = Collections.unmodifiableMap(delegates);
        this.regions = Collections.unmodifiableMap(new LinkedHashMap<>(regions));
        this.organizationalUnits = List.copyOf(organizationalUnits);
        this.accounts = List.copyOf(accounts);
        this.pageSizes = Objects.requireNonNull(pageSizes, "pageSizes");
        this.faults = Objects.requireNonNull(faults, "faults");

        this.ousById = new HashMap<>();
        this.ousByParent = new HashMap<>();
        this.accountsById = new HashMap<>(accounts.size() * 2);
        this.accountsByParent = new HashMap<>();
        this.anyServiceDelegates = new LinkedHashSet<>();
        this.customPolicies = List.copyOf(customPolicies);
        this.fullAwsAccessDetachedFrom = Collections.unmodifiableSet(new LinkedHashSet<>(fullAwsAccessDetachedFrom));
        check();
        this.policies = checkPolicies();
    }

    /** FullAWSAccess first, attached everywhere it was not detached from, then the scenario's SCPs. */
    private List<ServiceControlPolicy> checkPolicies() {
        for (String target : fullAwsAccessDetachedFrom) {
            require(isTarget(target), "fullAwsAccessDetachedFrom: \"" + target + "\" is not the root, an OU or an account");
        }
        List<String> everywhere = new ArrayList<>();
        everywhere.add(organization.rootId());
        organizationalUnits.forEach(ou -> everywhere.add(ou.id()));
        accounts.forEach(account -> everywhere.add(account.id()));
        everywhere.removeAll(fullAwsAccessDetachedFrom);
        List<ServiceControlPolicy> all = new ArrayList<>();
        all.add(ServiceControlPolicy.fullAwsAccess(everywhere));
        Set<String> ids = new java.util.HashSet<>();
        ids.add(ServiceControlPolicy.FULL_AWS_ACCESS_ID);
        for (ServiceControlPolicy policy : customPolicies) {
            String where = "serviceControlPolicies " + policy.id();
            require(ServiceControlPolicy.ID.matcher(policy.id()).matches(),
                    "serviceControlPolicies: id \"" + policy.id() + "\" does not match p-[0-9a-zA-Z_]{8,128}");
            require(ids.add(policy.id()), where + ": id appears twice (p-FullAWSAccess is built in)");
            require(!policy.name().isEmpty() && policy.name().length() <= 128, where + ": name must be 1..128 characters");
            for (String target : policy.targets()) {
                require(isTarget(target), where + ": target \"" + target + "\" is not the root, an OU or an account");
            }
            all.add(policy);
        }
        for (ServiceControlPolicy policy : all) {
            for (String target : policy.targets()) {
                policiesByTarget.computeIfAbsent(target, t -> new ArrayList<>()).add(policy);
            }
        }
        return List.copyOf(all);
    }

    private boolean isTarget(String id) {
        return id.equals(organization.rootId()) || ousById.containsKey(id) || accountsById.containsKey(id);
    }

    private void check() {
        require(ORGANIZATION_ID.matcher(organization.id()).matches(),
                "organization.id \"" + organization.id() + "\" does not match o-[a-z0-9]{10,32}");
        require(ROOT_ID.matcher(organization.rootId()).matches(),
                "organization.rootId \"" + organization.rootId() + "\" does not match r-[0-9a-z]{4,32}");
        require(isAccountId(organization.managementAccountId()),
                "organization.managementAccountId \"" + organization.managementAccountId() + "\" is not a 12-digit account id");
        require(!regions.isEmpty(), "regions must name at least one region");
        for (String region : regions.keySet()) {
            require(REGION.matcher(region).matches(), "regions: \"" + region + "\" is not an AWS region name");
        }
        for (OrganizationalUnit ou : organizationalUnits) {
            require(OU_ID.matcher(ou.id()).matches(),
                    "organizationalUnits: id \"" + ou.id() + "\" does not match ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}");
            require(ousById.put(ou.id(), ou) == null, "organizationalUnits: id \"" + ou.id() + "\" appears twice");
        }
        for (OrganizationalUnit ou : organizationalUnits) {
            requireParent(ou.parentId(), "organizational unit " + ou.id());
            ousByParent.computeIfAbsent(ou.parentId(), p -> new ArrayList<>()).add(ou);
            checkNoCycle(ou);
        }
        for (Account account : accounts) {
            checkAccount(account);
            accountsByParent.computeIfAbsent(account.parentId(), p -> new ArrayList<>()).add(account);
        }
        accountsByParent.replaceAll((parent, list) -> List.copyOf(list));
        ousByParent.replaceAll((parent, list) -> List.copyOf(list));
        require(accountsById.containsKey(organization.managementAccountId()),
                "organization.managementAccountId " + organization.managementAccountId() + " is not among accounts");
        Set<String> keys = new java.util.HashSet<>();
        for (Credentials c : credentials) {
            require(ACCESS_KEY_ID.matcher(c.accessKeyId()).matches(),
                    "credentials: accessKeyId \"" + c.accessKeyId() + "\" must be 4..128 letters, digits or underscores");
            require(keys.add(c.accessKeyId()), "credentials: accessKeyId " + c.accessKeyId() + " appears twice");
            require(isAccountId(c.accountId()), "credentials: accountId \"" + c.accountId() + "\" is not a 12-digit account id");
        }
        delegatedAdministrators.forEach((principal, ids) -> {
            for (String id : ids) {
                require(accountsById.containsKey(id),
                        "delegatedAdministrators[\"" + principal + "\"]: account " + id + " is not among accounts");
                anyServiceDelegates.add(id);
            }
        });
        checkFaults();
    }

    private void checkAccount(Account account) {
        String where = "account " + account.id(); // cheap enough: 10,000 accounts cost a millisecond
        require(isAccountId(account.id()), "accounts: id \"" + account.id() + "\" is not a 12-digit account id");
        require(accountsById.put(account.id(), account) == null, "accounts: id " + account.id() + " appears twice");
        requireParent(account.parentId(), where);
        for (String region : account.optedInRegions()) {
            requireRegion(region, where + " optedInRegions");
            require(regions.get(region) == RegionKind.OPT_IN,
                    where + " optedInRegions: " + region + " is a default region; only opt-in regions can be opted into");
        }
        account.analyzers().forEach((region, list) -> {
            requireRegion(region, where + " analyzers");
            if (list.size() > 1) {
                Set<String> names = new java.util.HashSet<>();
                for (Analyzer analyzer : list) {
                    require(names.add(analyzer.name()), where + " analyzers in " + region + ": name " + analyzer.name() + " appears twice");
                }
            }
        });
    }

    private void checkFaults() {
        for (String id : faults.assumeRoleDenied()) {
            requireAccount(id, "faults.assumeRoleDenied");
        }
        for (Faults.AccountRegion pair : faults.listAnalyzersDenied()) {
            requireAccount(pair.account(), "faults.listAnalyzersDenied");
            requireRegion(pair.region(), "faults.listAnalyzersDenied");
        }
        for (Faults.ThrottleRule rule : faults.throttle()) {
            requireAccount(rule.account(), "faults.throttle");
            requireRegion(rule.region(), "faults.throttle");
            requireService(rule.service(), "faults.throttle");
            if (rule.parentId() != null) {
                requireParent(rule.parentId(), "faults.throttle");
            }
        }
        for (Faults.InternalErrorRule rule : faults.internalError()) {
            if (rule.account() != null) {
                requireAccount(rule.account(), "faults.internalError");
            }
            if (rule.region() != null) {
                requireRegion(rule.region(), "faults.internalError");
            }
            requireService(rule.service(), "faults.internalError");
        }
        for (Faults.ResponseRule rule : faults.responses()) {
            if (rule.account() != null) {
                requireAccount(rule.account(), "faults.responses");
            }
            if (rule.region() != null && !rule.region().equals("aws-global")) {
                requireRegion(rule.region(), "faults.responses");
            }
            requireService(rule.service(), "faults.responses");
        }
    }

    private void checkNoCycle(OrganizationalUnit start) {
        Set<String> seen = new java.util.HashSet<>();
        String current = start.id();
        while (ousById.containsKey(current)) {
            require(seen.add(current), "organizationalUnits: " + start.id() + " is its own ancestor (parentId cycle)");
            current = ousById.get(current).parentId();
        }
    }

    private void requireParent(String parentId, String where) {
        require(parentId.equals(organization.rootId()) || ousById.containsKey(parentId),
                where + ": parentId \"" + parentId + "\" is neither the root id (" + organization.rootId()
                        + ") nor a known organizational unit");
    }

    private void requireAccount(String id, String where) {
        require(accountsById.containsKey(id), where + ": account \"" + id + "\" is not among accounts");
    }

    private void requireRegion(String region, String where) {
        require(regions.containsKey(region), where + ": unknown region \"" + region + "\" (not in regions)");
    }

    private static void requireService(String service, String where) {
        require(service == null || Faults.SERVICES.contains(service),
                where + ": unknown service \"" + service + "\" (use one of organizations, sts, ec2, access-analyzer)");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    static boolean isAccountId(String value) {
        return value != null && ACCOUNT_ID.matcher(value).matches();
    }

    public Organization organization() {
        return organization;
    }

    public String organizationId() {
        return organization.id();
    }

    public String managementAccountId() {
        return organization.managementAccountId();
    }

    public String rootId() {
        return organization.rootId();
    }

    public List<Credentials> credentials() {
        return credentials;
    }

    /** Service principal to delegated-administrator account ids, in scenario order. */
    public Map<String, List<String>> delegatedAdministrators() {
        return delegatedAdministrators;
    }

    /** Whether an account is a delegated administrator for at least one service. */
    public boolean isDelegatedAdministrator(String accountId) {
        return anyServiceDelegates.contains(accountId);
    }

    /** The region universe, in scenario order. */
    public Map<String, RegionKind> regions() {
        return regions;
    }

    public Set<String> regionNames() {
        return regions.keySet();
    }

    /** Whether a region exists and is enabled for an account: a default region, or an opt-in one it opted into. */
    public boolean isRegionEnabled(Account account, String region) {
        RegionKind kind = regions.get(region);
        return kind == RegionKind.DEFAULT || (kind == RegionKind.OPT_IN && account.optedInRegions().contains(region));
    }

    public List<OrganizationalUnit> organizationalUnits() {
        return organizationalUnits;
    }

    public Optional<OrganizationalUnit> organizationalUnit(String id) {
        return Optional.ofNullable(ousById.get(id));
    }

    public List<Account> accounts() {
        return accounts;
    }

    public int accountCount() {
        return accounts.size();
    }

    public Optional<Account> account(String id) {
        return Optional.ofNullable(accountsById.get(id));
    }

    /** Accounts directly under a root or OU, in scenario order. */
    public List<Account> accountsUnder(String parentId) {
        return accountsByParent.getOrDefault(parentId, List.of());
    }

    /** OUs directly under a root or OU, in scenario order. */
    public List<OrganizationalUnit> organizationalUnitsUnder(String parentId) {
        return ousByParent.getOrDefault(parentId, List.of());
    }

    public PageSizes pageSizes() {
        return pageSizes;
    }

    public Faults faults() {
        return faults;
    }

    /**
     * Every service control policy: FullAWSAccess first, then the scenario's, in scenario order.
     */
    public List<ServiceControlPolicy> policies() {
        return policies;
    }

    public Optional<ServiceControlPolicy> policy(String id) {
        for (ServiceControlPolicy policy : policies) {
            if (policy.id().equals(id)) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }

    /** The SCPs attached directly to a root, OU or account. */
    public List<ServiceControlPolicy> policiesAttachedTo(String targetId) {
        return policiesByTarget.getOrDefault(targetId, List.of());
    }

    /** Whether the id is the root, an OU or an account of the organization. */
    public boolean isPolicyTarget(String id) {
        return isTarget(id);
    }

    /** The root, the OUs down to the account and the account itself: where SCPs that apply to it are attached. */
    public List<String> policyPath(String accountId) {
        Account account = accountsById.get(accountId);
        if (account == null) {
            return List.of();
        }
        List<String> path = new ArrayList<>();
        path.add(accountId);
        String parent = account.parentId();
        while (ousById.containsKey(parent)) {
            path.add(parent);
            parent = ousById.get(parent).parentId();
        }
        path.add(parent);
        Collections.reverse(path);
        return List.copyOf(path);
    }

    /** The same organization with other faults; handy for tests that vary only the faults. */
    public Scenario withFaults(Faults newFaults) {
        return new Scenario(organization, credentials, delegatedAdministrators, regions, organizationalUnits,
                accounts, pageSizes, newFaults, customPolicies, fullAwsAccessDetachedFrom);
    }

    /** The same organization with other page sizes. */
    public Scenario withPageSizes(PageSizes newPageSizes) {
        return new Scenario(organization, credentials, delegatedAdministrators, regions, organizationalUnits,
                accounts, newPageSizes, faults, customPolicies, fullAwsAccessDetachedFrom);
    }

    @Override
    public String toString() {
        return "Scenario[" + organization.id() + ", " + accounts.size() + " accounts, "
                + organizationalUnits.size() + " OUs, " + regions.size() + " regions]";
    }
}

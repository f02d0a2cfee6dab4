package io.orgscan.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.model.AccountRef;
import io.orgscan.model.AccountState;
import io.orgscan.model.Analyzer;
import io.orgscan.model.AnalyzerStatus;
import io.orgscan.model.AnalyzerType;
import io.orgscan.model.Cell;
import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.CoverageMatrix;
import io.orgscan.model.CoveragePolicy;
import io.orgscan.model.Failure;
import io.orgscan.model.Reason;
import io.orgscan.model.RegionOptStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per rule of the decision table, each under both policies where the policy matters. */
class CoverageEvaluatorTest {
    static final String MGMT = "111111111111";
    static final String ADMIN = "222222222222";
    static final String MEMBER = "333333333333";
    static final String OTHER = "444444444444";
    static final String R = "us-east-1";
    static final String OPT_IN = "af-south-1";
    static final List<String> UNIVERSE = List.of(OPT_IN, R);

    static final Failure DENIED = new Failure("ListAnalyzers", "AccessDeniedException", "not authorized", 1);
    static final Failure THROTTLED = new Failure("ListAnalyzers", "ThrottlingException", "Rate exceeded", 3);
    static final Failure LOOKUP_THROTTLED = new Failure("ListDelegatedAdministrators", "TooManyRequestsException",
            "Rate exceeded", 14);
    static final Failure LOOKUP_DENIED = new Failure("ListDelegatedAdministrators", "AccessDeniedException",
            "not authorized to perform: organizations:ListDelegatedAdministrators", 1);
    static final Failure ROLE_DENIED = new Failure("AssumeRole", "AccessDenied", "not authorized to assume", 1);
    static final Failure SCP_DENIED = new Failure("ListAnalyzers", "AccessDeniedException", "User: arn:aws:sts::333333333333:"
            + "assumed-role/OrgScan/orgscan is not authorized to perform: access-analyzer:ListAnalyzers on resource: "
            + "arn:aws:access-analyzer:us-east-1:333333333333:* with an explicit deny in a service control policy", 1);
    static final Failure SCP_NOT_ALLOWED = new Failure("DescribeRegions", "UnauthorizedOperation", "You are not authorized "
            + "to perform this operation. User: arn:aws:sts::333333333333:assumed-role/OrgScan/orgscan is not authorized to "
            + "perform: ec2:DescribeRegions because no service control policy allows the ec2:DescribeRegions action", 1);

    /** A fluent builder of one organization's observations; every account starts ACTIVE with R enabled. */
    static final class Org {
        final Map<String, Account> accounts = new LinkedHashMap<>();
        final Set<String> excludedRegions = new java.util.HashSet<>();
        String delegatedAdministrator = ADMIN;
        Failure administratorFailure;
        final Map<String, List<RegionDeny>> regionDenies = new HashMap<>();

        Org() {
            for (String id : List.of(MGMT, ADMIN, MEMBER, OTHER)) {
                accounts.put(id, new Account(id));
            }
        }

        Account get(String id) {
            return accounts.get(id);
        }

        ScanObservations observations(CoveragePolicy policy) {
            return new ScanObservations(MGMT, delegatedAdministrator, policy, UNIVERSE, excludedRegions,
                    accounts.values().stream().map(Account::observation).toList(), regionDenies, administratorFailure);
        }

        /** ListDelegatedAdministrators failed: the delegated administrator is unknown. */
        void administratorUnknown(Failure failure) {
            delegatedAdministrator = null;
            administratorFailure = failure;
        }

        /** An SCP statement that denies every region but {@code allowed} to {@code account}. */
        void denyAllBut(String account, String allowed) {
            regionDenies.computeIfAbsent(account, a -> new ArrayList<>()).add(new RegionDeny("p-regiondeny", "DenyOutside",
                    List.of(new RegionDeny.RegionCondition(false, List.of(allowed)))));
        }
    }

    static final class Account {
        final String id;
        AccountState state = AccountState.ACTIVE;
        boolean inScope = true;
        Failure sessionFailure;
        Failure regionsFailure;
        final Map<String, RegionOptStatus> optStatus = new HashMap<>(Map.of(
                R, RegionOptStatus.OPT_IN_NOT_REQUIRED, OPT_IN, RegionOptStatus.NOT_OPTED_IN));
        final Map<String, List<Analyzer>> analyzers = new HashMap<>();
        final Map<String, Failure> listFailures = new HashMap<>();

        Account(String id) {
            this.id = id;
        }

        Account analyzer(String region, AnalyzerType type, AnalyzerStatus status, String reason) {
            String arn = "arn:aws:access-analyzer:" + region + ":" + id + ":analyzer/" + type.name().toLowerCase() + "-" + status.name().toLowerCase();
            analyzers.computeIfAbsent(region, r -> new ArrayList<>())
                    .add(new Analyzer(arn, type.name().toLowerCase(), type, status, reason));
            return this;
        }

        AccountObservation observation() {
            AccountRef ref = new AccountRef(id, "acct-" + id, id + "@example.com", state, "Root", id.equals(MGMT), id.equals(ADMIN));
            Map<String, RegionObservation> regions = new HashMap<>();
            for (String region : UNIVERSE) {
                if (optStatus.getOrDefault(region, RegionOptStatus.UNKNOWN).isEnabled()) {
                    regions.put(region, listFailures.containsKey(region)
                            ? RegionObservation.failed(listFailures.get(region))
                            : RegionObservation.listed(analyzers.getOrDefault(region, List.of())));
                }
            }
            boolean contacted = state.isActive() && sessionFailure == null && regionsFailure == null;
            return new AccountObservation(ref, inScope, sessionFailure, regionsFailure,
                    sessionFailure == null && state.isActive() ? optStatus : Map.of(), contacted ? regions : Map.of());
        }
    }

    record Rule(String name, Consumer<Org> setup, String account, String region,
                Reason underOrgPolicy, Reason underAccountPolicy) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                new Rule("own ACTIVE ACCOUNT analyzer",
                        o -> o.get(MEMBER).analyzer(R, AnalyzerType.ACCOUNT, AnalyzerStatus.ACTIVE, null),
                        MEMBER, R, Reason.ACTIVE_ACCOUNT_ANALYZER, Reason.ACTIVE_ACCOUNT_ANALYZER),
                new Rule("ACTIVE ORGANIZATION analyzer of the delegated administrator",
                        o -> o.get(ADMIN).analyzer(R, AnalyzerType.ORGANIZATION, AnalyzerStatus.ACTIVE, null),
                        MEMBER, R, Reason.ACTIVE_ORGANIZATION_ANALYZER, Reason.NO_EXTERNAL_ACCESS_ANALYZER),
                new Rule("ACTIVE ORGANIZATION analyzer of the management account",
                        o -> o.get(MGMT).analyzer(R, AnalyzerType.ORGANIZATION, AnalyzerStatus.ACTIVE, null),
                        MEMBER, R, Reason.ACTIVE_ORGANIZATION_ANALYZER, Reason.NO_EXTERNAL_ACCESS_ANALYZER),
                new Rule("ORGANIZATION analyzer of an account that is neither management nor delegated administrator",
                        o -> o.get(OTHER).analyzer(R, AnalyzerType.ORGANIZATION, AnalyzerStatus.ACTIVE, null),
                        MEMBER, R, Reason.NO_EXTERNAL_ACCESS_ANALYZER, Reason.NO_EXTERNAL_ACCESS_ANALYZER),
                new Rule("ORGANIZATION analyzer of a former delegated administrator no longer counts",
                        o -> {
                            o.delegatedAdministrator = null;
                            o.get(ADMIN).analyzer(R, AnalyzerType.ORGANIZATION, AnalyzerStatus.ACTIVE, null);
                        },
                        MEMBER, R, Reason.NO_EXTERNAL_ACCESS_ANALYZER, Reason.NO_EXTERNAL_ACCESS_ANALYZER),
                new Rule("the holder of an ORGANIZATION analyzer is covered by it under both policies",
                        o -> o.get(ADMIN).analyzer(R, AnalyzerType.ORGANIZATION, AnalyzerStatus.ACTIVE, null),
                        ADMIN, R, Reason.ACTIVE_ORGANIZATION_ANALYZER, Reason.ACTIVE_ORGANIZATION_ANALYZER),
                new Rule("own ACCOUNT analyzer wins over organization coverage",
                        o -> {
                            o.get(ADMIN).analyzer(R, AnalyzerType.ORGANIZATION, AnalyzerStatus.ACTIVE, null);
                            o.get(MEMBER).analyzer(R, AnalyzerType.ACCOUNT, AnalyzerStatus.ACTIVE, null);
                        },
                        MEMBER, R, Reason.ACTIVE_ACCOUNT_ANALYZER, Reason.ACTIVE_ACCOUNT_ANALYZER),
                new Rule("no analyzer at all",
                        o -> { },
                        MEMBER, R, Reason.NO_EXTERNAL_ACCESS_ANALYZER, Reason.NO_EXTERNAL_ACCESS_ANALYZER),
                new Rule("only an unused-access analyzer",
                        o -> o.get(MEMBER).analyzer(R, AnalyzerType.ACCOUNT_UNUSED_ACCESS, AnalyzerStatus.ACTIVE, null),
                        MEMBER, R, Reason.NO_EXTERNAL_ACCESS_ANALYZER, Reason.NO_EXTERNAL_ACCESS_ANALYZER),
                new Rule("only an internal-access analyzer",
                        o -> o.get(MEMBER).analyzer(R, AnalyzerType.ACCOUNT_INTERNAL_ACCESS, AnalyzerStatus.ACTIVE, null),
                        MEMBER, R, Reason.NO_EXTERNAL_ACCESS_ANALYZER, Reason.NO_EXTERNAL_ACCESS_ANALYZER),
                new Rule("an organization unused-access analyzer does not cover members",
                        o -> o.get(ADMIN).analyzer(R, AnalyzerType.ORGANIZATION_UNUSED_ACCESS, AnalyzerStatus.ACTIVE, null),
                        MEMBER, R, Reason.NO_EXTERNAL_ACCESS_ANALYZER, Reason.NO_EXTERNAL_ACCESS_ANALYZER),
                new Rule("an analyzer of a type unknown to this version never counts",
                        o -> o.get(MEMBER).analyzer(R, AnalyzerType.UNKNOWN, AnalyzerStatus.ACTIVE, null),
                        MEMBER, R, Reason.NO_EXTERNAL_ACCESS_ANALYZER, Reason.NO_EXTERNAL_ACCESS_ANALYZER),
                new Rule("own ACCOUNT analyzer DISABLED",
                        o -> o.get(MEMBER).analyzer(R, AnalyzerType.ACCOUNT, AnalyzerStatus.DISABLED, "AWS_SERVICE_ACCESS_DISABLED"),
                        MEMBER, R, Reason.ANALYZER_NOT_ACTIVE, Reason.ANALYZER_NOT_ACTIVE),
                new Rule("own ACCOUNT analyzer CREATING",
                        o -> o.get(MEMBER).analyzer(R, AnalyzerType.ACCOUNT, AnalyzerStatus.CREATING, null),
                        MEMBER, R, Reason.ANALYZER_NOT_ACTIVE, Reason.ANALYZER_NOT_ACTIVE),
                new Rule("own ACCOUNT analyzer FAILED",
                        o -> o.get(MEMBER).analyzer(R, AnalyzerType.ACCOUNT, AnalyzerStatus.FAILED, "SERVICE_LINKED_ROLE_CREATION_FAILED"),
                        MEMBER, R, Reason.ANALYZER_NOT_ACTIVE, Reason.ANALYZER_NOT_ACTIVE),
                new Rule("an analyzer status unknown to this version is not active",
                        o -> o.get(MEMBER).analyzer(R, AnalyzerType.ACCOUNT, AnalyzerStatus.UNKNOWN, null),
                        MEMBER, R, Reason.ANALYZER_NOT_ACTIVE, Reason.ANALYZER_NOT_ACTIVE),
                new Rule("organization analyzer DISABLED, member has none",
                        o -> o.get(ADMIN).analyzer(R, AnalyzerType.ORGANIZATION, AnalyzerStatus.DISABLED, "DELEGATED_ADMINISTRATOR_DEREGISTERED"),
                        MEMBER, R, Reason.ANALYZER_NOT_ACTIVE, Reason.NO_EXTERNAL_ACCESS_ANALYZER),
                new Rule("region not enabled, even with an organization analyzer there",
                        o -> o.get(ADMIN).optStatus.put(OPT_IN, RegionOptStatus.OPTED_IN),
                        MEMBER, OPT_IN, Reason.REGION_NOT_ENABLED, Reason.REGION_NOT_ENABLED),
                new Rule("opted-in region with an ACTIVE analyzer",
                        o -> o.get(MEMBER).optStatus.put(OPT_IN, RegionOptStatus.OPTED_IN),
                        MEMBER, OPT_IN, Reason.NO_EXTERNAL_ACCESS_ANALYZER, Reason.NO_EXTERNAL_ACCESS_ANALYZER),
                new Rule("region missing from the account's DescribeRegions",
                        o -> o.get(MEMBER).optStatus.remove(OPT_IN),
                        MEMBER, OPT_IN, Reason.REGION_NOT_ENABLED, Reason.REGION_NOT_ENABLED),
                new Rule("account SUSPENDED",
                        o -> o.get(MEMBER).state = AccountState.SUSPENDED,
                        MEMBER, R, Reason.ACCOUNT_NOT_ACTIVE, Reason.ACCOUNT_NOT_ACTIVE),
                new Rule("account not active outranks out of scope",
                        o -> {
                            o.get(MEMBER).state = AccountState.CLOSED;
                            o.get(MEMBER).inScope = false;
                        },
                        MEMBER, R, Reason.ACCOUNT_NOT_ACTIVE, Reason.ACCOUNT_NOT_ACTIVE),
                new Rule("account out of scope",
                        o -> o.get(MEMBER).inScope = false,
                        MEMBER, R, Reason.EXCLUDED, Reason.EXCLUDED),
                new Rule("region excluded",
                        o -> o.excludedRegions.add(R),
                        MEMBER, R, Reason.EXCLUDED, Reason.EXCLUDED),
                new Rule("role not assumed: covered by certain organization coverage in a region enabled everywhere",
                        o -> {
                            o.get(ADMIN).analyzer(R, AnalyzerType.ORGANIZATION, AnalyzerStatus.ACTIVE, null);
                            o.get(MEMBER).sessionFailure = ROLE_DENIED;
                        },
                        MEMBER, R, Reason.ACTIVE_ORGANIZATION_ANALYZER, Reason.ASSUME_ROLE_FAILED),
                new Rule("role not assumed: undecided in an opt-in region the organization analyzer's holder enabled",
                        o -> {
                            o.get(ADMIN).optStatus.put(OPT_IN, RegionOptStatus.OPTED_IN);
                            o.get(ADMIN).analyzer(OPT_IN, AnalyzerType.ORGANIZATION, AnalyzerStatus.ACTIVE, null);
                            o.get(MEMBER).sessionFailure = ROLE_DENIED;
                        },
                        MEMBER, OPT_IN, Reason.ASSUME_ROLE_FAILED, Reason.ASSUME_ROLE_FAILED),
                new Rule("role not assumed, no organization analyzer: undecided",
                        o -> o.get(MEMBER).sessionFailure = ROLE_DENIED,
                        MEMBER, R, Reason.ASSUME_ROLE_FAILED, Reason.ASSUME_ROLE_FAILED),
                new Rule("DescribeRegions failed: covered by certain organization coverage in a region enabled everywhere",
                        o -> {
                            o.get(MGMT).analyzer(R, AnalyzerType.ORGANIZATION, AnalyzerStatus.ACTIVE, null);
                            o.get(MEMBER).regionsFailure = new Failure("DescribeRegions", "RequestLimitExceeded", "slow down", 3);
                        },
                        MEMBER, R, Reason.ACTIVE_ORGANIZATION_ANALYZER, Reason.API_ERROR),
                new Rule("DescribeRegions denied by a service control policy",
                        o -> o.get(MEMBER).regionsFailure = SCP_NOT_ALLOWED,
                        MEMBER, R, Reason.DENIED_BY_SCP, Reason.DENIED_BY_SCP),
                new Rule("ListAnalyzers denied by a service control policy",
                        o -> o.get(MEMBER).listFailures.put(R, SCP_DENIED),
                        MEMBER, R, Reason.DENIED_BY_SCP, Reason.DENIED_BY_SCP),
                new Rule("a region denied by an SCP, no analyzer: not applicable",
                        o -> o.denyAllBut(MEMBER, OPT_IN),
                        MEMBER, R, Reason.REGION_DENIED_BY_SCP, Reason.REGION_DENIED_BY_SCP),
                new Rule("a region denied by an SCP whose call was denied: not applicable",
                        o -> {
                            o.denyAllBut(MEMBER, OPT_IN);
                            o.get(MEMBER).listFailures.put(R, SCP_DENIED);
                        },
                        MEMBER, R, Reason.REGION_DENIED_BY_SCP, Reason.REGION_DENIED_BY_SCP),
                new Rule("a region denied by an SCP with an inactive analyzer: not applicable",
                        o -> {
                            o.denyAllBut(MEMBER, OPT_IN);
                            o.get(MEMBER).analyzer(R, AnalyzerType.ACCOUNT, AnalyzerStatus.DISABLED, null);
                        },
                        MEMBER, R, Reason.REGION_DENIED_BY_SCP, Reason.REGION_DENIED_BY_SCP),
                new Rule("a region denied by an SCP keeps a compliant cell compliant",
                        o -> {
                            o.denyAllBut(MEMBER, OPT_IN);
                            o.get(MEMBER).analyzer(R, AnalyzerType.ACCOUNT, AnalyzerStatus.ACTIVE, null);
                        },
                        MEMBER, R, Reason.ACTIVE_ACCOUNT_ANALYZER, Reason.ACTIVE_ACCOUNT_ANALYZER),
                new Rule("a region denied by an SCP keeps certain organization coverage",
                        o -> {
                            o.denyAllBut(MEMBER, OPT_IN);
                            o.get(ADMIN).analyzer(R, AnalyzerType.ORGANIZATION, AnalyzerStatus.ACTIVE, null);
                        },
                        MEMBER, R, Reason.ACTIVE_ORGANIZATION_ANALYZER, Reason.REGION_DENIED_BY_SCP),
                new Rule("a region denied by an SCP outranks a role that could not be assumed",
                        o -> {
                            o.denyAllBut(MEMBER, OPT_IN);
                            o.get(MEMBER).sessionFailure = ROLE_DENIED;
                        },
                        MEMBER, R, Reason.REGION_DENIED_BY_SCP, Reason.REGION_DENIED_BY_SCP),
                new Rule("a region not enabled stays so when an SCP also denies it",
                        o -> o.denyAllBut(MEMBER, R),
                        MEMBER, OPT_IN, Reason.REGION_NOT_ENABLED, Reason.REGION_NOT_ENABLED),
                new Rule("a region the SCP allows is judged as usual",
                        o -> o.denyAllBut(MEMBER, R),
                        MEMBER, R, Reason.NO_EXTERNAL_ACCESS_ANALYZER, Reason.NO_EXTERNAL_ACCESS_ANALYZER),
                new Rule("role not assumed: undecided even in a region it may not have enabled",
                        o -> o.get(MEMBER).sessionFailure = ROLE_DENIED,
                        MEMBER, OPT_IN, Reason.ASSUME_ROLE_FAILED, Reason.ASSUME_ROLE_FAILED),
                new Rule("DescribeRegions denied",
                        o -> o.get(MEMBER).regionsFailure = new Failure("DescribeRegions", "UnauthorizedOperation", "no", 1),
                        MEMBER, R, Reason.ACCESS_DENIED, Reason.ACCESS_DENIED),
                new Rule("ListAnalyzers denied: covered by certain organization coverage, undecided under the account policy",
                        o -> {
                            o.get(ADMIN).analyzer(R, AnalyzerType.ORGANIZATION, AnalyzerStatus.ACTIVE, null);
                            o.get(MEMBER).listFailures.put(R, DENIED);
                        },
                        MEMBER, R, Reason.ACTIVE_ORGANIZATION_ANALYZER, Reason.ACCESS_DENIED),
                new Rule("ListAnalyzers denied, no organization analyzer: undecided",
                        o -> o.get(MEMBER).listFailures.put(R, DENIED),
                        MEMBER, R, Reason.ACCESS_DENIED, Reason.ACCESS_DENIED),
                new Rule("ListAnalyzers throttled after its retries",
                        o -> o.get(MEMBER).listFailures.put(R, THROTTLED),
                        MEMBER, R, Reason.API_ERROR, Reason.API_ERROR),
                new Rule("delegated administrator unreadable: an uncovered member is undecided under org policy",
                        o -> o.get(ADMIN).listFailures.put(R, THROTTLED),
                        MEMBER, R, Reason.API_ERROR, Reason.NO_EXTERNAL_ACCESS_ANALYZER),
                new Rule("management role not assumed: an uncovered member is undecided under org policy",
                        o -> o.get(MGMT).sessionFailure = ROLE_DENIED,
                        MEMBER, R, Reason.ACCESS_DENIED, Reason.NO_EXTERNAL_ACCESS_ANALYZER),
                new Rule("one administrator unreadable, the other covers",
                        o -> {
                            o.get(ADMIN).listFailures.put(R, DENIED);
                            o.get(MGMT).analyzer(R, AnalyzerType.ORGANIZATION, AnalyzerStatus.ACTIVE, null);
                        },
                        MEMBER, R, Reason.ACTIVE_ORGANIZATION_ANALYZER, Reason.NO_EXTERNAL_ACCESS_ANALYZER),
                new Rule("delegated administrator unknown: an ACTIVE ORGANIZATION analyzer of another account leaves a member undecided",
                        o -> {
                            o.administratorUnknown(LOOKUP_THROTTLED);
                            o.get(ADMIN).analyzer(R, AnalyzerType.ORGANIZATION, AnalyzerStatus.ACTIVE, null);
                        },
                        MEMBER, R, Reason.API_ERROR, Reason.NO_EXTERNAL_ACCESS_ANALYZER),
                new Rule("delegated administrator unknown, lookup denied: the reason is the lookup's",
                        o -> {
                            o.administratorUnknown(LOOKUP_DENIED);
                            o.get(OTHER).analyzer(R, AnalyzerType.ORGANIZATION, AnalyzerStatus.ACTIVE, null);
                        },
                        MEMBER, R, Reason.ACCESS_DENIED, Reason.NO_EXTERNAL_ACCESS_ANALYZER),
                new Rule("delegated administrator unknown: an account whose analyzers were not read leaves a member undecided",
                        o -> {
                            o.administratorUnknown(LOOKUP_THROTTLED);
                            o.get(OTHER).sessionFailure = ROLE_DENIED;
                        },
                        MEMBER, R, Reason.API_ERROR, Reason.NO_EXTERNAL_ACCESS_ANALYZER),
                new Rule("delegated administrator unknown: an out-of-scope account never read leaves a member undecided",
                        o -> {
                            o.administratorUnknown(LOOKUP_THROTTLED);
                            o.get(OTHER).inScope = false;
                            o.get(OTHER).optStatus.clear();
                        },
                        MEMBER, R, Reason.API_ERROR, Reason.NO_EXTERNAL_ACCESS_ANALYZER),
                new Rule("delegated administrator unknown: the holder of the ORGANIZATION analyzer is covered by its own",
                        o -> {
                            o.administratorUnknown(LOOKUP_THROTTLED);
                            o.get(ADMIN).analyzer(R, AnalyzerType.ORGANIZATION, AnalyzerStatus.ACTIVE, null);
                        },
                        ADMIN, R, Reason.ACTIVE_ORGANIZATION_ANALYZER, Reason.ACTIVE_ORGANIZATION_ANALYZER),
                new Rule("delegated administrator unknown: the management account's organization analyzer still covers",
                        o -> {
                            o.administratorUnknown(LOOKUP_THROTTLED);
                            o.get(MGMT).analyzer(R, AnalyzerType.ORGANIZATION, AnalyzerStatus.ACTIVE, null);
                        },
                        MEMBER, R, Reason.ACTIVE_ORGANIZATION_ANALYZER, Reason.NO_EXTERNAL_ACCESS_ANALYZER),
                new Rule("delegated administrator unknown, every account read and no other ORGANIZATION analyzer: no analyzer",
                        o -> {
                            o.administratorUnknown(LOOKUP_THROTTLED);
                            o.get(OTHER).analyzer(R, AnalyzerType.ORGANIZATION, AnalyzerStatus.DISABLED, null);
                        },
                        MEMBER, R, Reason.NO_EXTERNAL_ACCESS_ANALYZER, Reason.NO_EXTERNAL_ACCESS_ANALYZER),
                new Rule("delegated administrator unknown: a member with its own analyzer is covered",
                        o -> {
                            o.administratorUnknown(LOOKUP_THROTTLED);
                            o.get(ADMIN).analyzer(R, AnalyzerType.ORGANIZATION, AnalyzerStatus.ACTIVE, null);
                            o.get(MEMBER).analyzer(R, AnalyzerType.ACCOUNT, AnalyzerStatus.ACTIVE, null);
                        },
                        MEMBER, R, Reason.ACTIVE_ACCOUNT_ANALYZER, Reason.ACTIVE_ACCOUNT_ANALYZER),
                new Rule("suspended management account hides nothing",
                        o -> o.get(MGMT).state = AccountState.SUSPENDED,
                        MEMBER, R, Reason.NO_EXTERNAL_ACCESS_ANALYZER, Reason.NO_EXTERNAL_ACCESS_ANALYZER)
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void appliesTheRuleUnderOrgPolicy(Rule rule) {
        Org org = new Org();
        rule.setup().accept(org);
        Cell cell = new CoverageEvaluator().evaluate(org.observations(CoveragePolicy.ORG)).cell(rule.account(), rule.region());
        assertCell(cell, rule.underOrgPolicy());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void appliesTheRuleUnderAccountPolicy(Rule rule) {
        Org org = new Org();
        rule.setup().accept(org);
        Cell cell = new CoverageEvaluator().evaluate(org.observations(CoveragePolicy.ACCOUNT)).cell(rule.account(), rule.region());
        assertCell(cell, rule.underAccountPolicy());
    }

    private static void assertCell(Cell cell, Reason expected) {
        assertThat(cell.reason()).as(cell.detail()).isEqualTo(expected);
        assertThat(cell.status()).isEqualTo(expected.status());
        if (expected.status() == ComplianceStatus.COMPLIANT) {
            assertThat(cell.coveredByArn()).startsWith("arn:aws:access-analyzer:" + cell.key().region() + ":");
        } else {
            assertThat(cell.coveredByArn()).isNull();
        }
        if (expected.status() == ComplianceStatus.INSUFFICIENT_DATA) {
            assertThat(cell.failure()).isNotNull();
            assertThat(cell.detail()).contains(cell.failure().errorCode());
        }
    }

    @Test
    void coveredCellNamesTheOrganizationAnalyzer() {
        Org org = new Org();
        org.get(ADMIN).analyzer(R, AnalyzerType.ORGANIZATION, AnalyzerStatus.ACTIVE, null);
        Cell cell = new CoverageEvaluator().evaluate(org.observations(CoveragePolicy.ORG)).cell(MEMBER, R);
        assertThat(cell.coveredByArn()).isEqualTo("arn:aws:access-analyzer:us-east-1:" + ADMIN + ":analyzer/organization-active");
        assertThat(cell.detail()).contains(ADMIN);
        assertThat(cell.analyzers()).isEmpty();
    }

    @Test
    void inactiveAnalyzerDetailCarriesStatusAndReason() {
        Org org = new Org();
        org.get(MEMBER).analyzer(R, AnalyzerType.ACCOUNT, AnalyzerStatus.DISABLED, "AWS_SERVICE_ACCESS_DISABLED");
        Cell cell = new CoverageEvaluator().evaluate(org.observations(CoveragePolicy.ACCOUNT)).cell(MEMBER, R);
        assertThat(cell.detail()).contains("DISABLED").contains("AWS_SERVICE_ACCESS_DISABLED");
        assertThat(cell.analyzers()).hasSize(1);
    }

    @Test
    void everyAccountGetsOneCellPerRegionOfTheUniverse() {
        Org org = new Org();
        org.get(MEMBER).state = AccountState.SUSPENDED;
        org.get(OTHER).sessionFailure = ROLE_DENIED;
        CoverageMatrix matrix = new CoverageEvaluator().evaluate(org.observations(CoveragePolicy.ORG));
        assertThat(matrix.cells()).hasSize(4 * UNIVERSE.size());
        assertThat(matrix.regions()).containsExactly(OPT_IN, R);
        assertThat(matrix.accounts()).extracting(AccountRef::id).containsExactly(MGMT, ADMIN, MEMBER, OTHER);
    }
}

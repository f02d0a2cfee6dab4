package io.orgscan.e2e.sim;

import static io.orgscan.e2e.sim.WireFixture.MANAGEMENT;
import static io.orgscan.e2e.sim.WireFixture.MANAGEMENT_KEYS;
import static io.orgscan.e2e.sim.WireFixture.NO_LEGACY_STATUS;
import static io.orgscan.e2e.sim.WireFixture.ROOT;
import static io.orgscan.e2e.sim.WireFixture.SECURITY;
import static io.orgscan.e2e.sim.WireFixture.SUSPENDED;
import static io.orgscan.e2e.sim.WireFixture.WORKLOADS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccessDeniedException;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountJoinedMethod;
import software.amazon.awssdk.services.organizations.model.AccountState;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.ChildNotFoundException;
import software.amazon.awssdk.services.organizations.model.DelegatedAdministrator;
import software.amazon.awssdk.services.organizations.model.InvalidInputException;
import software.amazon.awssdk.services.organizations.model.InvalidInputExceptionReason;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.Organization;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnitNotFoundException;
import software.amazon.awssdk.services.organizations.model.Parent;
import software.amazon.awssdk.services.organizations.model.ParentNotFoundException;
import software.amazon.awssdk.services.organizations.model.ParentType;
import software.amazon.awssdk.services.organizations.model.Root;

/**
 * Organizations through the real SDK: every operation, pagination over several pages (page size 2 in
 * the scenario) and the modeled errors. Read-only, so one simulator serves the whole class.
 */
class OrganizationsWireTest {
    private static WireFixture fixture;
    private static OrganizationsClient organizations;

    @BeforeAll
    static void start() {
        fixture = WireFixture.start();
        organizations = fixture.organizations(MANAGEMENT_KEYS, Region.US_EAST_1);
    }

    @AfterAll
    static void stop() {
        organizations.close();
        fixture.close();
    }

    @Test
    void describeOrganizationWorksFromAnyMember() {
        try (OrganizationsClient member = fixture.organizations(WireFixture.MEMBER_KEYS, Region.EU_WEST_1)) {
            Organization org = member.describeOrganization().organization();

            assertThat(org.id()).isEqualTo("o-simwire0001");
            assertThat(org.arn()).isEqualTo("arn:aws:organizations::111111111111:organization/o-simwire0001");
            assertThat(org.featureSet()).isEqualTo(OrganizationFeatureSet.ALL);
            assertThat(org.masterAccountId()).isEqualTo(MANAGEMENT);
            assertThat(org.masterAccountArn()).isEqualTo("arn:aws:organizations::111111111111:account/o-simwire0001/111111111111");
            assertThat(org.masterAccountEmail()).isEqualTo("root@sim.example.com");
        }
    }

    @Test
    void listAccountsPagesThroughEveryAccountWithStateAndLegacyStatus() {
        fixture.simulator.resetStats();
        List<ListAccountsResponse> pages = organizations.listAccountsPaginator(r -> r.maxResults(20)).stream().toList();
        List<Account> accounts = pages.stream().flatMap(p -> p.accounts().stream()).toList();

        assertThat(pages).hasSize(4);
        assertThat(pages).allSatisfy(p -> assertThat(p.accounts()).hasSize(2));
        assertThat(pages.get(3).nextToken()).isNull();
        assertThat(pages.get(0).nextToken()).as("an opaque token, not an offset").doesNotMatch("\\d+").isNotBlank();
        assertThat(accounts).extracting(Account::id).containsExactly(MANAGEMENT, SECURITY, "333333333333", "444444444444",
                "555555555555", "666666666666", SUSPENDED, NO_LEGACY_STATUS);
        assertThat(fixture.simulator.stats().count("organizations", "ListAccounts", MANAGEMENT)).isEqualTo(4);

        Account security = accounts.get(1);
        assertThat(security.arn()).isEqualTo("arn:aws:organizations::111111111111:account/o-simwire0001/222222222222");
        assertThat(security.name()).isEqualTo("security");
        assertThat(security.email()).isEqualTo("security@example.com");
        assertThat(security.state()).isEqualTo(AccountState.ACTIVE);
        assertThat(security.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(security.joinedMethod()).isEqualTo(AccountJoinedMethod.CREATED);
        assertThat(security.joinedTimestamp()).isEqualTo(Instant.parse("2019-02-03T04:05:06.500Z"));
        assertThat(accounts.get(6).state()).isEqualTo(AccountState.SUSPENDED);
        assertThat(accounts.get(6).status()).isEqualTo(AccountStatus.SUSPENDED);
        assertThat(accounts.get(7).status()).as("status: null in the scenario").isNull();
        assertThat(accounts.get(7).state()).isEqualTo(AccountState.ACTIVE);
        assertThat(accounts.get(7).joinedMethod()).isEqualTo(AccountJoinedMethod.INVITED);
    }

    @Test
    void aPageIsNoLongerThanMaxResults() {
        ListAccountsResponse first = organizations.listAccounts(r -> r.maxResults(1));
        ListAccountsResponse second = organizations.listAccounts(r -> r.maxResults(1).nextToken(first.nextToken()));

        assertThat(first.accounts()).extracting(Account::id).containsExactly(MANAGEMENT);
        assertThat(second.accounts()).extracting(Account::id).containsExactly(SECURITY);
    }

    @Test
    void maxResultsOutOfRangeIsInvalidInput() {
        assertThatThrownBy(() -> organizations.listAccounts(r -> r.maxResults(21)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo(InvalidInputExceptionReason.MAX_VALUE_EXCEEDED);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInputException");
                });
        assertThatThrownBy(() -> organizations.listAccounts(r -> r.maxResults(0)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidInputExceptionReason.MIN_VALUE_EXCEEDED));
    }

    @Test
    void foreignOrEditedTokensAreInvalidInput() {
        String accountsToken = organizations.listAccounts().nextToken();

        assertThatThrownBy(() -> organizations.listAccountsForParent(r -> r.parentId(WORKLOADS).nextToken(accountsToken)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidInputExceptionReason.INVALID_NEXT_TOKEN));
        assertThatThrownBy(() -> organizations.listAccounts(r -> r.nextToken("x" + accountsToken)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void listRootsAndParents() {
        List<Root> roots = organizations.listRoots().roots();
        assertThat(roots).singleElement().satisfies(root -> {
            assertThat(root.id()).isEqualTo(ROOT);
            assertThat(root.name()).isEqualTo("Root");
            assertThat(root.arn()).isEqualTo("arn:aws:organizations::111111111111:root/o-simwire0001/r-sim1");
        });

        List<Parent> ofAccount = organizations.listParents(r -> r.childId(NO_LEGACY_STATUS)).parents();
        List<Parent> ofOu = organizations.listParents(r -> r.childId(WORKLOADS)).parents();
        assertThat(ofAccount).containsExactly(Parent.builder().id("ou-sim1-team0001").type(ParentType.ORGANIZATIONAL_UNIT).build());
        assertThat(ofOu).containsExactly(Parent.builder().id(ROOT).type(ParentType.ROOT).build());
        assertThatThrownBy(() -> organizations.listParents(r -> r.childId("123412341234")))
                .isInstanceOf(ChildNotFoundException.class);
    }

    @Test
    void listOrganizationalUnitsForParentPages() {
        fixture.simulator.resetStats();
        List<OrganizationalUnit> ous = organizations.listOrganizationalUnitsForParentPaginator(r -> r.parentId(WORKLOADS))
                .stream().flatMap(p -> p.organizationalUnits().stream()).toList();

        assertThat(ous).extracting(OrganizationalUnit::id).containsExactly(
                "ou-sim1-team0001", "ou-sim1-team0002", "ou-sim1-team0003", "ou-sim1-team0004", "ou-sim1-team0005");
        assertThat(ous.get(0).name()).isEqualTo("Team 1");
        assertThat(ous.get(0).arn()).isEqualTo("arn:aws:organizations::111111111111:ou/o-simwire0001/ou-sim1-team0001");
        assertThat(fixture.simulator.stats().count("organizations", "ListOrganizationalUnitsForParent")).isEqualTo(3);
        assertThat(organizations.listOrganizationalUnitsForParent(r -> r.parentId(ROOT)).organizationalUnits())
                .extracting(OrganizationalUnit::name).containsExactly("Security", "Workloads");
        assertThatThrownBy(() -> organizations.listOrganizationalUnitsForParent(r -> r.parentId("ou-sim1-nothere0")))
                .isInstanceOf(ParentNotFoundException.class);
    }

    @Test
    void listAccountsForParentPages() {
        fixture.simulator.resetStats();
        List<Account> accounts = organizations.listAccountsForParentPaginator(r -> r.parentId(WORKLOADS))
                .stream().flatMap(p -> p.accounts().stream()).toList();

        assertThat(accounts).extracting(Account::id)
                .containsExactly("333333333333", "444444444444", "555555555555", "666666666666", SUSPENDED);
        assertThat(fixture.simulator.stats().count("organizations", "ListAccountsForParent")).isEqualTo(3);
        assertThat(organizations.listAccountsForParent(r -> r.parentId(ROOT)).accounts()).extracting(Account::id)
                .containsExactly(MANAGEMENT);
        assertThatThrownBy(() -> organizations.listAccountsForParent(r -> r.parentId("r-none")))
                .isInstanceOf(ParentNotFoundException.class);
        assertThatThrownBy(() -> organizations.listAccountsForParent(r -> r.parentId("not-an-id")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidInputExceptionReason.INVALID_PATTERN));
    }

    @Test
    void describeOrganizationalUnit() {
        OrganizationalUnit ou = organizations.describeOrganizationalUnit(r -> r.organizationalUnitId("ou-sim1-security"))
                .organizationalUnit();

        assertThat(ou.name()).isEqualTo("Security");
        assertThat(ou.arn()).isEqualTo("arn:aws:organizations::111111111111:ou/o-simwire0001/ou-sim1-security");
        assertThatThrownBy(() -> organizations.describeOrganizationalUnit(r -> r.organizationalUnitId("ou-sim1-missing0")))
                .isInstanceOf(OrganizationalUnitNotFoundException.class);
    }

    @Test
    void listDelegatedAdministrators() {
        List<DelegatedAdministrator> delegates = organizations.listDelegatedAdministrators(
                r -> r.servicePrincipal("access-analyzer.amazonaws.com")).delegatedAdministrators();

        assertThat(delegates).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(SECURITY);
            assertThat(d.state()).isEqualTo(AccountState.ACTIVE);
            assertThat(d.delegationEnabledDate()).isEqualTo(Instant.parse("2019-02-04T04:05:06.500Z"));
        });
        assertThat(organizations.listDelegatedAdministrators(r -> r.servicePrincipal("config.amazonaws.com"))
                .delegatedAdministrators()).isEmpty();
    }

    @Test
    void onlyTheManagementAccountAndDelegatedAdministratorsMayList() {
        try (OrganizationsClient security = fixture.organizations(WireFixture.SECURITY_KEYS, Region.US_EAST_1);
             OrganizationsClient member = fixture.organizations(WireFixture.MEMBER_KEYS, Region.US_EAST_1);
             OrganizationsClient outsider = fixture.organizations(WireFixture.OUTSIDER_KEYS, Region.US_EAST_1)) {
            assertThat(security.listAccounts().accounts()).hasSize(2);
            assertThatThrownBy(member::listAccounts).isInstanceOfSatisfying(AccessDeniedException.class,
                    e -> assertThat(e.statusCode()).isEqualTo(400));
            assertThatThrownBy(outsider::describeOrganization).isInstanceOf(AwsOrganizationsNotInUseException.class);
        }
    }
}

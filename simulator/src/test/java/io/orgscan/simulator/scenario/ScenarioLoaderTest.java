package io.orgscan.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {
    /** A minimal valid scenario; tests splice one broken piece into it. */
    private static final String MINIMAL = MinimalScenario.JSON;

    @Test
    void readsTheDocumentedDefaults() throws Exception {
        Scenario scenario = ScenarioLoader.parse(MINIMAL, "minimal.json");

        assertThat(scenario.organizationId()).isEqualTo("o-abcdefghij");
        assertThat(scenario.rootId()).isEqualTo("r-abcd");
        assertThat(scenario.organization().featureSet()).isEqualTo("ALL");
        assertThat(scenario.organization().rootName()).isEqualTo("Root");
        assertThat(scenario.managementAccountId()).isEqualTo("111111111111");
        assertThat(scenario.regionNames()).containsExactly("us-east-1", "af-south-1");
        assertThat(scenario.accountCount()).isEqualTo(2);
        assertThat(scenario.credentials()).containsExactly(new Scenario.Credentials("AKIATESTTESTTEST0001", "s",
                "111111111111", "arn:aws:iam::111111111111:user/orgscan"));
        assertThat(scenario.pageSizes()).isEqualTo(PageSizes.DEFAULT);
        assertThat(scenario.faults()).isEqualTo(Faults.NONE);

        Account security = scenario.account("222222222222").orElseThrow();
        assertThat(security.state()).isEqualTo(AccountState.ACTIVE);
        assertThat(security.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(security.email()).isEqualTo("security@example.com");
        assertThat(security.joinedMethod()).isEqualTo("CREATED");
        assertThat(security.roles()).containsExactly("OrganizationAccountAccessRole");
        assertThat(security.analyzersIn("us-east-1")).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AnalyzerType.ORGANIZATION);
            assertThat(a.status()).isEqualTo(AnalyzerStatus.ACTIVE);
            assertThat(a.statusReason()).isNull();
        });
        assertThat(scenario.isRegionEnabled(security, "af-south-1")).isTrue();
        assertThat(scenario.isRegionEnabled(scenario.account("111111111111").orElseThrow(), "af-south-1")).isFalse();
        assertThat(scenario.accountsUnder("ou-abcd-11111111")).extracting(Account::id).containsExactly("222222222222");
        assertThat(scenario.organizationalUnitsUnder("r-abcd")).extracting(OrganizationalUnit::name).containsExactly("Security");
    }

    @Test
    void loadsTheDemoSample() throws Exception {
        Scenario demo = ScenarioLoader.load(Path.of("../samples/demo-org.json"));

        assertThat(demo.accountCount()).isPositive();
        assertThat(demo.account(demo.managementAccountId())).isPresent();
    }

    @Test
    void allowsCommentsAndNotesAndTreatsNullAsAbsent() throws Exception {
        Scenario scenario = ScenarioLoader.parse("// a note\n" + MINIMAL.replace("\"organization\": {",
                "\"_note\": \"free text\", \"description\": \"x\", /* inline */ \"organization\": {")
                .replaceFirst("\\}\\s*$", ", \"faults\": {\"credentialLifetimeSeconds\": null, \"latencyMs\": null}}"), "s.json");

        assertThat(scenario.faults()).isEqualTo(Faults.NONE);
    }

    @Test
    void statusNullMeansNoLegacyStatusOnTheWireAndClosedDerivesSuspended() throws Exception {
        Scenario scenario = ScenarioLoader.parse(MINIMAL.replace("\"name\": \"management\",",
                "\"name\": \"management\", \"status\": null,").replace("\"name\": \"security\",",
                "\"name\": \"security\", \"state\": \"CLOSED\","), "s.json");

        assertThat(scenario.account("111111111111").orElseThrow().status()).isNull();
        assertThat(scenario.account("222222222222").orElseThrow().status()).isEqualTo(AccountStatus.SUSPENDED);
    }

    @Test
    void readsFaults() throws Exception {
        Scenario scenario = ScenarioLoader.parse(MINIMAL.replaceFirst("\\}\\s*$", """
                , "pageSizes": {"organizations": 3},
                  "faults": {"latencyMs": 7, "assumeRoleDenied": ["222222222222"],
                    "listAnalyzersDenied": [{"account": "222222222222", "region": "us-east-1"}],
                    "throttle": [{"account": "222222222222", "region": "us-east-1", "calls": 2},
                                 {"account": "222222222222", "region": "us-east-1", "service": "organizations",
                                  "operation": "ListAccountsForParent", "parentId": "ou-abcd-11111111",
                                  "afterCalls": 1, "calls": 10}],
                    "internalError": [{"service": "ec2", "count": 1}],
                    "credentialLifetimeSeconds": 5}}
                """), "faults.json");

        Faults faults = scenario.faults();
        assertThat(scenario.pageSizes()).isEqualTo(new PageSizes(3, 100));
        assertThat(faults.latencyMs()).isEqualTo(7);
        assertThat(faults.assumeRoleDenied()).containsExactly("222222222222");
        assertThat(faults.listAnalyzersDenied()).containsExactly(new Faults.AccountRegion("222222222222", "us-east-1"));
        assertThat(faults.throttle()).containsExactly(new Faults.ThrottleRule("222222222222", "us-east-1", null, 2),
                new Faults.ThrottleRule("222222222222", "us-east-1", "organizations", "ListAccountsForParent",
                        "ou-abcd-11111111", 1, 10));
        assertThat(faults.internalError()).containsExactly(new Faults.InternalErrorRule(null, null, "ec2", null, 1));
        assertThat(faults.credentialLifetime()).contains(Duration.ofSeconds(5));
    }

    @Test
    void missingFileNamesTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> ScenarioLoader.load(missing))
                .isInstanceOf(ScenarioException.class)
                .hasMessage(missing + ": scenario file not found");
    }

    @Test
    void badJsonNamesLineAndColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\n  \"organization\": {\n    \"id\": \"o-abcdefghij\",\n  }\n}\n");

        assertThatThrownBy(() -> ScenarioLoader.load(file))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith(file + ": invalid JSON at line 4, column 3: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void oneLineMessagesNameThePlaceAndTheProblem() {
        assertProblem(MINIMAL.replace("\"222222222222\", \"name\"", "\"22222222222x\", \"name\""),
                "s.json: accounts: id \"22222222222x\" is not a 12-digit account id");
        assertProblem(MINIMAL.replace("\"parentId\": \"ou-abcd-11111111\", \"optedIn", "\"parentId\": \"ou-abcd-99999999\", \"optedIn"),
                "s.json: account 222222222222: parentId \"ou-abcd-99999999\" is neither the root id (r-abcd) nor a known organizational unit");
        assertProblem(MINIMAL.replace("[\"af-south-1\"]", "[\"xx-nowhere-1\"]"),
                "s.json: account 222222222222 optedInRegions: unknown region \"xx-nowhere-1\" (not in regions)");
        assertProblem(MINIMAL.replace("[\"af-south-1\"]", "[\"us-east-1\"]"),
                "s.json: account 222222222222 optedInRegions: us-east-1 is a default region; only opt-in regions can be opted into");
        assertProblem(MINIMAL.replace("\"analyzers\": {\"us-east-1\"", "\"analyzers\": {\"eu-west-9\""),
                "s.json: account 222222222222 analyzers: unknown region \"eu-west-9\" (not in regions)");
        assertProblem(MINIMAL.replace("\"type\": \"ORGANIZATION\"", "\"type\": \"ORG\""),
                "s.json: accounts[1].analyzers.us-east-1[0].type \"ORG\" is not one of ACCOUNT | ORGANIZATION | ACCOUNT_UNUSED_ACCESS | "
                        + "ORGANIZATION_UNUSED_ACCESS | ACCOUNT_INTERNAL_ACCESS | ORGANIZATION_INTERNAL_ACCESS");
        assertProblem(MINIMAL.replace("\"name\": \"security\",", "\"name\": \"security\", \"optinRegions\": [],"),
                "s.json: accounts[1].optinRegions unknown field (known: analyzers, email, externalId, id, joinedMethod, "
                        + "joinedTimestamp, name, optedInRegions, parentId, roles, state, status)");
        assertProblem(MINIMAL.replace("\"managementAccountId\": \"111111111111\"", "\"managementAccountId\": \"333333333333\""),
                "s.json: organization.managementAccountId 333333333333 is not among accounts");
        assertProblem(MINIMAL.replace("\"o-abcdefghij\"", "\"org-1\""),
                "s.json: organization.id \"org-1\" does not match o-[a-z0-9]{10,32}");
        assertProblem(MINIMAL.replace("\"regions\": {\"us-east-1\": \"default\"", "\"regions\": {\"us-east-1\": \"on\""),
                "s.json: regions.us-east-1 must be \"default\" or \"opt-in\"");
        assertProblem(MINIMAL.replace("\"name\": \"management\",", "\"name\": \"management\", \"joinedTimestamp\": \"yesterday\","),
                "s.json: accounts[0].joinedTimestamp \"yesterday\" is not an ISO-8601 instant such as 2024-01-02T03:04:05Z");
        assertProblem(MINIMAL.replace("{\"id\": \"111111111111\", \"name\": \"management\", \"parentId\": \"r-abcd\"},",
                "{\"id\": \"111111111111\", \"name\": \"management\", \"parentId\": \"r-abcd\"}, {\"id\": \"111111111111\", \"parentId\": \"r-abcd\"},"),
                "s.json: accounts: id 111111111111 appears twice");
        assertProblem(MINIMAL.replace("\"parentId\": \"r-abcd\"}]", "\"parentId\": \"ou-abcd-11111111\"}]"),
                "s.json: organizationalUnits: ou-abcd-11111111 is its own ancestor (parentId cycle)");
        assertProblem(MINIMAL.replaceFirst("\\}\\s*$", ", \"faults\": {\"throttle\": [{\"account\": \"222222222222\", \"region\": \"us-east-1\"}]}}"),
                "s.json: faults.throttle[0].calls is required");
        assertProblem(MINIMAL.replaceFirst("\\}\\s*$", ", \"faults\": {\"assumeRoleDenied\": [\"555555555555\"]}}"),
                "s.json: faults.assumeRoleDenied: account \"555555555555\" is not among accounts");
        assertProblem(MINIMAL.replaceFirst("\\}\\s*$", ", \"faults\": {\"throttle\": [{\"account\": \"222222222222\", "
                        + "\"region\": \"us-east-1\", \"calls\": 1, \"service\": \"iam\"}]}}"),
                "s.json: faults.throttle: unknown service \"iam\" (use one of organizations, sts, ec2, access-analyzer)");
        assertProblem(MINIMAL.replaceFirst("\\}\\s*$", ", \"faults\": {\"throttle\": [{\"account\": \"222222222222\", "
                        + "\"region\": \"us-east-1\", \"calls\": 1, \"parentId\": \"ou-abcd-99999999\"}]}}"),
                "s.json: faults.throttle: parentId \"ou-abcd-99999999\" is neither the root id (r-abcd) nor a known organizational unit");
        assertProblem(MINIMAL.replaceFirst("\\}\\s*$", ", \"faults\": {\"throttle\": [{\"account\": \"222222222222\", "
                        + "\"region\": \"us-east-1\", \"calls\": 1, \"afterCalls\": -1}]}}"),
                "s.json: faults.throttle[0].afterCalls must not be negative");
        assertProblem(MINIMAL.replaceFirst("\\}\\s*$", ", \"pageSizes\": {\"organizations\": 50}}"),
                "s.json: pageSizes.organizations must be 1..20 (Organizations' MaxResults range)");
        assertProblem("[]", "s.json: a scenario must be a JSON object");
    }

    @Test
    void valuesOfTheWrongJsonTypeNameTheFieldAndWhatItMustBe() {
        assertProblem(MINIMAL.replace("\"managementAccountId\": \"111111111111\"", "\"managementAccountId\": 111111111111"),
                "s.json: organization.managementAccountId must be a string");
        assertProblem(MINIMAL.replaceFirst("\\}\\s*$", ", \"pageSizes\": {\"organizations\": \"5\"}}"),
                "s.json: pageSizes.organizations must be an integer");
        assertProblem(MINIMAL.replaceFirst("\\}\\s*$", ", \"pageSizes\": {\"accessAnalyzer\": 99999999999}}"),
                "s.json: pageSizes.accessAnalyzer must be an integer");
        assertProblem(MINIMAL.replaceFirst("\\}\\s*$", ", \"faults\": {\"internalError\": [{\"count\": 1.0}]}}"),
                "s.json: faults.internalError[0].count must be an integer");
        assertProblem(MINIMAL.replace("\"name\": \"management\",", "\"name\": \"management\", \"roles\": [null],"),
                "s.json: accounts[0].roles[0] must be a string");
        assertProblem(MINIMAL.replace("\"name\": \"management\",", "\"name\": \"management\", \"status\": 3,"),
                "s.json: accounts[0].status must be a string");
        assertProblem(MINIMAL.replace("\"name\": \"management\",", "\"name\": \"management\", \"status\": \"GONE\","),
                "s.json: accounts[0].status \"GONE\" is not one of ACTIVE | SUSPENDED | PENDING_CLOSURE");
        assertProblem(MINIMAL.replace("\"type\": \"ORGANIZATION\"", "\"type\": 1"),
                "s.json: accounts[1].analyzers.us-east-1[0].type must be a string");
        assertProblem(MINIMAL.replace("[{\"name\": \"org\", \"type\": \"ORGANIZATION\"}]", "{}"),
                "s.json: accounts[1].analyzers.us-east-1 must be a JSON array");
        assertProblem(MINIMAL.replace("\"credentials\": [{", "\"credentials\": [5, {"),
                "s.json: credentials[0] must be a JSON object");
        assertProblem("{}", "s.json: organization is required");
    }

    @Test
    void notesAreFreeInEveryObject() throws Exception {
        Scenario scenario = ScenarioLoader.parse(MINIMAL.replace("\"type\": \"ORGANIZATION\"",
                "\"type\": \"ORGANIZATION\", \"_why\": {\"any\": [\"shape\"]}, \"comment\": 1"), "s.json");

        assertThat(scenario.account("222222222222").orElseThrow().analyzersIn("us-east-1")).hasSize(1);
    }

    @Test
    void regionsDefaultToTheCommercialTable() throws Exception {
        Scenario scenario = ScenarioLoader.parse(MINIMAL.replace(
                "\"regions\": {\"us-east-1\": \"default\", \"af-south-1\": \"opt-in\"},", ""), "s.json");

        assertThat(scenario.regions()).isEqualTo(CommercialRegions.all());
        assertThat(scenario.regions().values()).filteredOn(k -> k == RegionKind.OPT_IN).hasSize(17);
    }

    @Test
    void timestampsKeepFractions() throws Exception {
        Scenario scenario = ScenarioLoader.parse(MINIMAL.replace("\"name\": \"management\",",
                "\"name\": \"management\", \"joinedTimestamp\": \"2019-02-03T04:05:06.5Z\","), "s.json");

        assertThat(scenario.account("111111111111").orElseThrow().joinedTimestamp())
                .isEqualTo(Instant.parse("2019-02-03T04:05:06.500Z"));
    }

    private static void assertProblem(String json, String message) {
        assertThatThrownBy(() -> ScenarioLoader.parse(json, "s.json"))
                .isInstanceOf(ScenarioException.class)
                .hasMessage(message);
    }
}

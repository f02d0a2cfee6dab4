package io.orgscan.simulator.scenario;

/** The smallest scenario the tests build on: two accounts, one OU, two regions, one analyzer. */
public final class MinimalScenario {
    /** Tests splice one broken piece into it to check one complaint at a time. */
    public static final String JSON = """
            {
              "organization": {"id": "o-abcdefghij", "managementAccountId": "111111111111"},
              "credentials": [{"accessKeyId": "AKIATESTTESTTEST0001", "secretAccessKey": "s", "accountId": "111111111111"}],
              "regions": {"us-east-1": "default", "af-south-1": "opt-in"},
              "organizationalUnits": [{"id": "ou-abcd-11111111", "name": "Security", "parentId": "r-abcd"}],
              "accounts": [
                {"id": "111111111111", "name": "management", "parentId": "r-abcd"},
                {"id": "222222222222", "name": "security", "parentId": "ou-abcd-11111111", "optedInRegions": ["af-south-1"],
                 "analyzers": {"us-east-1": [{"name": "org", "type": "ORGANIZATION"}]}}
              ]
            }
            """;

    private MinimalScenario() {
    }

    public static Scenario parse() {
        try {
            return ScenarioLoader.parse(JSON, "minimal.json");
        } catch (ScenarioException e) {
            throw new AssertionError(e);
        }
    }
}

package io.orgscan.e2e.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;

/**
 * What AWS would answer for a scenario, read straight from the scenario JSON with Jackson and the
 * rules of docs/SIMULATOR.md. It deliberately does not use the simulator's own Scenario class: the
 * cross-check must not agree with the simulator by sharing its code.
 */
final class ScenarioFacts {
    private final JsonNode root;

    private ScenarioFacts(JsonNode root) {
        this.root = root;
    }

    static ScenarioFacts read(Path file) {
        try {
            return new ScenarioFacts(new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode organization() {
        return root.path("organization");
    }

    String organizationId() {
        return organization().path("id").asText();
    }

    String managementAccountId() {
        return organization().path("managementAccountId").asText();
    }

    String rootId() {
        return organization().path("rootId").asText();
    }

    String rootName() {
        JsonNode name = organization().path("rootName");
        return name.isMissingNode() || name.isNull() ? "Root" : name.asText();
    }

    String featureSet() {
        JsonNode fs = organization().path("featureSet");
        return fs.isMissingNode() || fs.isNull() ? "ALL" : fs.asText();
    }

    // ARNs as AWS spells them; the management account owns every Organizations ARN.

    String organizationArn() {
        return "arn:aws:organizations::" + managementAccountId() + ":organization/" + organizationId();
    }

    String accountArn(String accountId) {
        return "arn:aws:organizations::" + managementAccountId() + ":account/" + organizationId() + "/" + accountId;
    }

    String ouArn(String ouId) {
        return "arn:aws:organizations::" + managementAccountId() + ":ou/" + organizationId() + "/" + ouId;
    }

    String rootArn() {
        return "arn:aws:organizations::" + managementAccountId() + ":root/" + organizationId() + "/" + rootId();
    }

    static String analyzerArn(String region, String accountId, String name) {
        return "arn:aws:access-analyzer:" + region + ":" + accountId + ":analyzer/" + name;
    }

    /** The base credentials the scenario lists for an account. */
    CliCredentials credentialsOf(String accountId) {
        JsonNode c = credential(accountId);
        return CliCredentials.base(c.path("accessKeyId").asText(), c.path("secretAccessKey").asText());
    }

    String credentialArn(String accountId) {
        return credential(accountId).path("arn").asText();
    }

    private JsonNode credential(String accountId) {
        for (JsonNode c : root.path("credentials")) {
            if (c.path("accountId").asText().equals(accountId)) {
                return c;
            }
        }
        throw new NoSuchElementException("no credentials for account " + accountId);
    }

    List<JsonNode> accounts() {
        List<JsonNode> list = new ArrayList<>();
        root.path("accounts").forEach(list::add);
        return list;
    }

    JsonNode account(String accountId) {
        return accounts().stream().filter(a -> a.path("id").asText().equals(accountId)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no account " + accountId));
    }

    Set<String> accountIdsUnder(String parentId) {
        Set<String> ids = new TreeSet<>();
        for (JsonNode a : accounts()) {
            if (a.path("parentId").asText().equals(parentId)) {
                ids.add(a.path("id").asText());
            }
        }
        return ids;
    }

    JsonNode organizationalUnit(String ouId) {
        for (JsonNode ou : root.path("organizationalUnits")) {
            if (ou.path("id").asText().equals(ouId)) {
                return ou;
            }
        }
        throw new NoSuchElementException("no OU " + ouId);
    }

    /** OU id to name for the OUs directly under a parent. */
    Map<String, String> organizationalUnitsUnder(String parentId) {
        Map<String, String> ous = new LinkedHashMap<>();
        for (JsonNode ou : root.path("organizationalUnits")) {
            if (ou.path("parentId").asText().equals(parentId)) {
                ous.put(ou.path("id").asText(), ou.path("name").asText());
            }
        }
        return ous;
    }

    /** The legacy Status AWS shows: the scenario's when set; else the one that matches the state. */
    String legacyStatus(JsonNode account) {
        JsonNode status = account.path("status");
        if (!status.isMissingNode() && !status.isNull()) {
            return status.asText();
        }
        String state = account.path("state").asText("ACTIVE");
        return switch (state) {
            case "ACTIVE", "SUSPENDED", "PENDING_CLOSURE" -> state;
            default -> null;   // CLOSED, PENDING_ACTIVATION: no same-named Status; checked for shape only
        };
    }

    static String joinedMethod(JsonNode account) {
        return account.path("joinedMethod").asText("CREATED");
    }

    static Instant joinedTimestamp(JsonNode account) {
        return Instant.parse(account.path("joinedTimestamp").asText());
    }

    /** Region name to "default" or "opt-in". */
    Map<String, String> regions() {
        Map<String, String> regions = new LinkedHashMap<>();
        root.path("regions").fields().forEachRemaining(e -> regions.put(e.getKey(), e.getValue().asText()));
        return regions;
    }

    /** EC2's OptInStatus of a region for an account. */
    String optInStatus(String accountId, String region) {
        String kind = regions().get(region);
        if (kind == null) {
            throw new NoSuchElementException("region not in scenario: " + region);
        }
        if (kind.equals("default")) {
            return "opt-in-not-required";
        }
        for (JsonNode r : account(accountId).path("optedInRegions")) {
            if (r.asText().equals(region)) {
                return "opted-in";
            }
        }
        return "not-opted-in";
    }

    /** The scenario's analyzers of one account in one region, in scenario order. */
    List<JsonNode> analyzers(String accountId, String region) {
        List<JsonNode> list = new ArrayList<>();
        account(accountId).path("analyzers").path(region).forEach(list::add);
        return list;
    }

    Set<String> delegatedAdministrators(String servicePrincipal) {
        Set<String> ids = new TreeSet<>();
        root.path("delegatedAdministrators").path(servicePrincipal).forEach(n -> ids.add(n.asText()));
        return ids;
    }

    int organizationsPageSize() {
        return root.path("pageSizes").path("organizations").asInt(20);
    }

    int accessAnalyzerPageSize() {
        return root.path("pageSizes").path("accessAnalyzer").asInt(100);
    }
}

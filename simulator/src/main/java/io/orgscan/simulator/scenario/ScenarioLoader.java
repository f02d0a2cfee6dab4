package io.orgscan.simulator.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.orgscan.simulator.scenario.JsonObjectReader.InvalidScenarioField;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads scenario files (docs/SIMULATOR.md). Every problem becomes a {@link ScenarioException} whose
 * one-line message names the file and what is wrong: the line and column of a JSON syntax error, or
 * the JSON path of a field that breaks the format.
 */
public final class ScenarioLoader {
    /** Comments are allowed because the documented example is commented; duplicate keys are an error. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.ALLOW_COMMENTS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Instant DEFAULT_JOINED = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant DEFAULT_CREATED = Instant.parse("2024-01-01T00:00:00Z");

    private ScenarioLoader() {
    }

    public static Scenario load(Path file) throws ScenarioException {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file + ": scenario file not found");
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read scenario file: " + e.getMessage(), e);
        }
        return parse(json, file.toString());
    }

    public static Scenario parse(String json, String sourceName) throws ScenarioException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String position = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw new ScenarioException(sourceName + ": invalid JSON" + position + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ScenarioException(sourceName + ": empty scenario file");
        }
        if (!root.isObject()) {
            throw new ScenarioException(sourceName + ": a scenario must be a JSON object");
        }
        try {
            return read(JsonObjectReader.of(root, ""));
        } catch (InvalidScenarioField e) {
            throw new ScenarioException(sourceName + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(sourceName + ": " + e.getMessage(), e);
        }
    }

    private static Scenario read(JsonObjectReader json) throws InvalidScenarioField {
        json.allowOnly(Set.of("organization", "credentials", "delegatedAdministrators", "regions",
                "organizationalUnits", "accounts", "pageSizes", "faults"));
        Organization organization = organization(json.object("organization"));
        List<Scenario.Credentials> credentials = json.objects("credentials", ScenarioLoader::credentials);
        Map<String, List<String>> delegates = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : json.entries("delegatedAdministrators")) {
            String path = "delegatedAdministrators." + entry.getKey();
            if (!entry.getValue().isArray()) {
                throw new InvalidScenarioField(path, "must be an array of account ids");
            }
            List<String> ids = new ArrayList<>();
            for (JsonNode id : entry.getValue()) {
                if (!id.isTextual()) {
                    throw new InvalidScenarioField(path, "must be an array of account id strings");
                }
                ids.add(id.textValue());
            }
            delegates.put(entry.getKey(), ids);
        }
        Map<String, RegionKind> regions = regions(json);
        List<OrganizationalUnit> ous = json.objects("organizationalUnits", reader -> {
            reader.allowOnly(Set.of("id", "name", "parentId"));
            return new OrganizationalUnit(reader.text("id"), reader.text("name"),
                    reader.textOr("parentId", organization.rootId()));
        });
        List<Account> accounts = json.objects("accounts", ScenarioLoader::account);
        PageSizes pageSizes = json.has("pageSizes") ? pageSizes(json.object("pageSizes")) : PageSizes.DEFAULT;
        Faults faults = json.has("faults") ? faults(json.object("faults")) : Faults.NONE;
        return new Scenario(organization, credentials, delegates, regions, ous, accounts, pageSizes, faults);
    }

    private static Organization organization(JsonObjectReader json) throws InvalidScenarioField {
        json.allowOnly(Set.of("id", "managementAccountId", "managementAccountEmail", "featureSet", "rootId", "rootName"));
        String id = json.text("id");
        String featureSet = json.textOr("featureSet", "ALL");
        if (!featureSet.equals("ALL") && !featureSet.equals("CONSOLIDATED_BILLING")) {
            throw new InvalidScenarioField(json.child("featureSet"), "\"" + featureSet + "\" is not one of ALL | CONSOLIDATED_BILLING");
        }
        String management = json.text("managementAccountId");
        String rootSuffix = id.length() >= 6 ? id.substring(2, 6) : "0000";
        return new Organization(id, management,
                json.textOr("managementAccountEmail", "management-" + management + "@example.com"),
                featureSet, json.textOr("rootId", "r-" + rootSuffix), json.textOr("rootName", "Root"));
    }

    private static Scenario.Credentials credentials(JsonObjectReader json) throws InvalidScenarioField {
        json.allowOnly(Set.of("accessKeyId", "secretAccessKey", "accountId", "arn"));
        return new Scenario.Credentials(json.text("accessKeyId"), json.text("secretAccessKey"),
                json.text("accountId"), json.textOr("arn", null));
    }

    private static Map<String, RegionKind> regions(JsonObjectReader json) throws InvalidScenarioField {
        if (!json.has("regions")) {
            return CommercialRegions.all();
        }
        Map<String, RegionKind> regions = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : json.entries("regions")) {
            String path = "regions." + entry.getKey();
            RegionKind kind = entry.getValue().isTextual() ? RegionKind.fromScenarioName(entry.getValue().textValue()) : null;
            if (kind == null) {
                throw new InvalidScenarioField(path, "must be \"default\" or \"opt-in\"");
            }
            regions.put(entry.getKey(), kind);
        }
        return regions;
    }

    private static Account account(JsonObjectReader json) throws InvalidScenarioField {
        json.allowOnly(Set.of("id", "name", "email", "state", "status", "parentId", "joinedMethod", "joinedTimestamp",
                "optedInRegions", "roles", "externalId", "analyzers"));
        String id = json.text("id");
        String name = json.textOr("name", "account-" + id);
        AccountState state = json.enumOr("state", AccountState.class, AccountState.ACTIVE);
        // Absent: derived from State. Explicit null: omitted on the wire, as after AWS retires Status.
        AccountStatus status = json.isExplicitNull("status") ? null
                : json.enumOr("status", AccountStatus.class, state.legacyStatus());
        String joinedMethod = json.textOr("joinedMethod", "CREATED");
        if (!joinedMethod.equals("CREATED") && !joinedMethod.equals("INVITED")) {
            throw new InvalidScenarioField(json.child("joinedMethod"), "\"" + joinedMethod + "\" is not one of CREATED | INVITED");
        }
        Instant joined = instant(json, "joinedTimestamp", DEFAULT_JOINED);
        Set<String> roles = json.has("roles") ? new LinkedHashSet<>(json.textList("roles")) : Set.of(Account.DEFAULT_ROLE);
        Map<String, List<Analyzer>> analyzers = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : json.entries("analyzers")) {
            String path = json.child("analyzers") + "." + entry.getKey();
            if (!entry.getValue().isArray()) {
                throw new InvalidScenarioField(path, "must be an array of analyzers");
            }
            List<Analyzer> list = new ArrayList<>();
            int i = 0;
            for (JsonNode element : entry.getValue()) {
                list.add(analyzer(JsonObjectReader.of(element, path + "[" + i++ + "]")));
            }
            analyzers.put(entry.getKey(), list);
        }
        String parentId = json.textOr("parentId", null);
        if (parentId == null) {
            throw new InvalidScenarioField(json.child("parentId"), "is required (the root id or an OU id)");
        }
        return new Account(id, name, json.textOr("email", name.replaceAll("[^A-Za-z0-9._-]", "-") + "@example.com"),
                state, status, parentId, joinedMethod, joined, new LinkedHashSet<>(json.textList("optedInRegions")),
                roles, json.textOr("externalId", null), analyzers);
    }

    private static Analyzer analyzer(JsonObjectReader json) throws InvalidScenarioField {
        json.allowOnly(Set.of("name", "type", "status", "statusReason", "createdAt"));
        String name = json.text("name");
        if (!Analyzer.isValidName(name)) {
            throw new InvalidScenarioField(json.child("name"), "\"" + name + "\" does not match [A-Za-z][A-Za-z0-9_.-]* (1..255 characters)");
        }
        AnalyzerType type = json.enumOr("type", AnalyzerType.class, null);
        if (type == null) {
            throw new InvalidScenarioField(json.child("type"), "is required");
        }
        return new Analyzer(name, type, json.enumOr("status", AnalyzerStatus.class, AnalyzerStatus.ACTIVE),
                json.enumOr("statusReason", AnalyzerStatusReason.class, null),
                instant(json, "createdAt", DEFAULT_CREATED));
    }

    private static PageSizes pageSizes(JsonObjectReader json) throws InvalidScenarioField {
        json.allowOnly(Set.of("organizations", "accessAnalyzer"));
        int organizations = json.intOr("organizations", PageSizes.DEFAULT.organizations());
        if (organizations < 1 || organizations > 20) {
            throw new InvalidScenarioField(json.child("organizations"), "must be 1..20 (Organizations' MaxResults range)");
        }
        int accessAnalyzer = json.intOr("accessAnalyzer", PageSizes.DEFAULT.accessAnalyzer());
        if (accessAnalyzer < 1) {
            throw new InvalidScenarioField(json.child("accessAnalyzer"), "must be at least 1");
        }
        return new PageSizes(organizations, accessAnalyzer);
    }

    private static Faults faults(JsonObjectReader json) throws InvalidScenarioField {
        json.allowOnly(Set.of("latencyMs", "assumeRoleDenied", "listAnalyzersDenied", "throttle", "internalError",
                "credentialLifetimeSeconds"));
        int latency = json.intOr("latencyMs", 0);
        if (latency < 0) {
            throw new InvalidScenarioField(json.child("latencyMs"), "must not be negative");
        }
        List<Faults.AccountRegion> denied = json.objects("listAnalyzersDenied", reader -> {
            reader.allowOnly(Set.of("account", "region"));
            return new Faults.AccountRegion(reader.text("account"), reader.text("region"));
        });
        List<Faults.ThrottleRule> throttle = json.objects("throttle", reader -> {
            reader.allowOnly(Set.of("account", "region", "calls", "service"));
            return new Faults.ThrottleRule(reader.text("account"), reader.text("region"),
                    reader.textOr("service", null), nonNegative(reader, "calls", reader.requiredInt("calls")));
        });
        List<Faults.InternalErrorRule> internal = json.objects("internalError", reader -> {
            reader.allowOnly(Set.of("account", "region", "service", "operation", "count"));
            return new Faults.InternalErrorRule(reader.textOr("account", null), reader.textOr("region", null),
                    reader.textOr("service", null), reader.textOr("operation", null),
                    nonNegative(reader, "count", reader.requiredInt("count")));
        });
        Integer lifetime = json.optionalInt("credentialLifetimeSeconds");
        if (lifetime != null && lifetime < 1) {
            throw new InvalidScenarioField(json.child("credentialLifetimeSeconds"), "must be at least 1 (or null)");
        }
        return new Faults(latency, new LinkedHashSet<>(json.textList("assumeRoleDenied")), new LinkedHashSet<>(denied),
                throttle, internal, Optional.ofNullable(lifetime).map(Duration::ofSeconds));
    }

    private static int nonNegative(JsonObjectReader json, String field, int value) throws InvalidScenarioField {
        if (value < 0) {
            throw new InvalidScenarioField(json.child(field), "must not be negative");
        }
        return value;
    }

    private static Instant instant(JsonObjectReader json, String field, Instant fallback) throws InvalidScenarioField {
        String text = json.textOr(field, null);
        return text == null ? fallback : json.parse(Instant::parse, field, text, "an ISO-8601 instant such as 2024-01-02T03:04:05Z");
    }
}

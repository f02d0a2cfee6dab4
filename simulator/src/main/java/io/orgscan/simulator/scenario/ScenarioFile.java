package io.orgscan.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A scenario file as written (docs/SIMULATOR.md), bound by Jackson: one record per JSON object,
 * one component per field the format defines, so Jackson rejects other fields and values of the
 * wrong JSON type ({@link ScenarioLoader} says where). {@link #toScenario} fills in the documented
 * defaults and checks what concerns one field (required, allowed values, ranges); {@link Scenario}
 * then checks the references between fields. A JSON null counts as absent, except an account's
 * {@code status}. Every problem is an {@link IllegalArgumentException} whose message starts with the
 * field's path, such as {@code accounts[3].analyzers.us-east-1[0].type}.
 */
record ScenarioFile(OrganizationJson organization, List<CredentialsJson> credentials,
                    Map<String, List<String>> delegatedAdministrators, Map<String, String> regions,
                    List<OrganizationalUnitJson> organizationalUnits, List<AccountJson> accounts,
                    PageSizesJson pageSizes, FaultsJson faults, List<PolicyJson> serviceControlPolicies,
                    List<String> fullAwsAccessDetachedFrom) {
    private static final Instant DEFAULT_JOINED = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant DEFAULT_CREATED = Instant.parse("2024-01-01T00:00:00Z");

    Scenario toScenario() {
        Organization org = required(organization, "organization").toModel();
        return new Scenario(org, each(credentials, "credentials", CredentialsJson::toModel),
                delegatedAdministrators == null ? Map.of() : delegatedAdministrators,
                regions == null ? CommercialRegions.all() : regionKinds(regions),
                each(organizationalUnits, "organizationalUnits", (ou, path) -> ou.toModel(path, org.rootId())),
                each(accounts, "accounts", AccountJson::toModel),
                pageSizes == null ? PageSizes.DEFAULT : pageSizes.toModel(),
                faults == null ? Faults.NONE : faults.toModel(),
                each(serviceControlPolicies, "serviceControlPolicies", PolicyJson::toModel),
                fullAwsAccessDetachedFrom == null ? Set.of() : new LinkedHashSet<>(fullAwsAccessDetachedFrom));
    }

    /**
     * A service control policy: {@code content} is the policy document as a JSON object; DescribePolicy
     * returns it as a compact JSON string.
     */
    record PolicyJson(String id, String name, String description, JsonNode content, List<String> targets) {
        ServiceControlPolicy toModel(String path) {
            String policyId = required(id, path + ".id");
            if (content == null || !content.isObject()) {
                invalid(path + ".content", "is required and must be a JSON object (the policy document)");
            }
            String text = content.toString();
            List<PolicyStatement> statements;
            try {
                statements = PolicyStatement.parseDocument(text, path + ".content");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            return new ServiceControlPolicy(policyId, required(name, path + ".name"), description == null ? "" : description,
                    text, targets == null ? List.of() : targets, false, statements);
        }
    }

    private static Map<String, RegionKind> regionKinds(Map<String, String> regions) {
        Map<String, RegionKind> kinds = new LinkedHashMap<>();
        regions.forEach((region, kind) -> {
            RegionKind known = RegionKind.fromScenarioName(kind);
            kinds.put(region, known != null ? known : invalid("regions." + region, "must be \"default\" or \"opt-in\""));
        });
        return kinds;
    }

    record OrganizationJson(String id, String managementAccountId, String managementAccountEmail, String featureSet,
                            String rootId, String rootName, List<String> trustedAccessDisabled) {
        Organization toModel() {
            String orgId = required(id, "organization.id");
            String features = oneOf(featureSet, "ALL", "organization.featureSet", "ALL", "CONSOLIDATED_BILLING");
            String management = required(managementAccountId, "organization.managementAccountId");
            String rootSuffix = orgId.length() >= 6 ? orgId.substring(2, 6) : "0000";
            return new Organization(orgId, management,
                    managementAccountEmail != null ? managementAccountEmail : "management-" + management + "@example.com",
                    features, rootId != null ? rootId : "r-" + rootSuffix, rootName != null ? rootName : "Root",
                    trustedAccessDisabled == null ? List.of() : trustedAccessDisabled);
        }
    }

    record CredentialsJson(String accessKeyId, String secretAccessKey, String accountId, String arn) {
        Scenario.Credentials toModel(String path) {
            return new Scenario.Credentials(required(accessKeyId, path + ".accessKeyId"),
                    required(secretAccessKey, path + ".secretAccessKey"), required(accountId, path + ".accountId"), arn);
        }
    }

    record OrganizationalUnitJson(String id, String name, String parentId) {
        OrganizationalUnit toModel(String path, String rootId) {
            return new OrganizationalUnit(required(id, path + ".id"), required(name, path + ".name"),
                    parentId != null ? parentId : rootId);
        }
    }

    /** @param status a JsonNode to tell an explicit null (the wire omits Status) from an absent field (derived) */
    record AccountJson(String id, String name, String email, AccountState state, JsonNode status, String parentId,
                       String joinedMethod, String joinedTimestamp, List<String> optedInRegions, List<String> roles,
                       String externalId, Map<String, List<AnalyzerJson>> analyzers) {
        Account toModel(String path) {
            String accountId = required(id, path + ".id");
            String accountName = name != null ? name : "account-" + accountId;
            AccountState accountState = state != null ? state : AccountState.ACTIVE;
            AccountStatus legacyStatus = status == null ? accountState.legacyStatus() : explicitStatus(path + ".status");
            String method = oneOf(joinedMethod, "CREATED", path + ".joinedMethod", "CREATED", "INVITED");
            Instant joined = instant(joinedTimestamp, DEFAULT_JOINED, path + ".joinedTimestamp");
            Map<String, List<Analyzer>> byRegion = new HashMap<>();
            if (analyzers != null) {
                analyzers.forEach((region, list) ->
                        byRegion.put(region, each(list, path + ".analyzers." + region, AnalyzerJson::toModel)));
            }
            if (parentId == null) {
                invalid(path + ".parentId", "is required (the root id or an OU id)");
            }
            return new Account(accountId, accountName,
                    email != null ? email : accountName.replaceAll("[^A-Za-z0-9._-]", "-") + "@example.com",
                    accountState, legacyStatus, parentId, method, joined,
                    optedInRegions == null ? Set.of() : new LinkedHashSet<>(optedInRegions),
                    roles == null ? Set.of(Account.DEFAULT_ROLE) : new LinkedHashSet<>(roles), externalId, byRegion);
        }

        private AccountStatus explicitStatus(String path) {
            if (status.isNull()) {
                return null;
            }
            if (!status.isTextual()) {
                return invalid(path, "must be a string");
            }
            for (AccountStatus known : AccountStatus.values()) {
                if (known.name().equals(status.textValue())) {
                    return known;
                }
            }
            return invalid(path, notOneOf(status.textValue(), AccountStatus.class));
        }
    }

    record AnalyzerJson(String name, AnalyzerType type, AnalyzerStatus status, AnalyzerStatusReason statusReason,
                        String createdAt) {
        Analyzer toModel(String path) {
            if (!Analyzer.isValidName(required(name, path + ".name"))) {
                invalid(path + ".name", "\"" + name + "\" does not match [A-Za-z][A-Za-z0-9_.-]* (1..255 characters)");
            }
            return new Analyzer(name, required(type, path + ".type"), status != null ? status : AnalyzerStatus.ACTIVE,
                    statusReason, instant(createdAt, DEFAULT_CREATED, path + ".createdAt"));
        }
    }

    record PageSizesJson(Integer organizations, Integer accessAnalyzer) {
        PageSizes toModel() {
            int organizationsPage = organizations != null ? organizations : PageSizes.DEFAULT.organizations();
            if (organizationsPage < 1 || organizationsPage > 20) {
                invalid("pageSizes.organizations", "must be 1..20 (Organizations' MaxResults range)");
            }
            int accessAnalyzerPage = accessAnalyzer != null ? accessAnalyzer : PageSizes.DEFAULT.accessAnalyzer();
            if (accessAnalyzerPage < 1) {
                invalid("pageSizes.accessAnalyzer", "must be at least 1");
            }
            return new PageSizes(organizationsPage, accessAnalyzerPage);
        }
    }

    record FaultsJson(Integer latencyMs, List<String> assumeRoleDenied, List<AccountRegionJson> listAnalyzersDenied,
                      List<ThrottleJson> throttle, List<InternalErrorJson> internalError,
                      Integer credentialLifetimeSeconds, List<ResponseJson> responses) {
        Faults toModel() {
            int latency = nonNegative(latencyMs != null ? latencyMs : 0, "faults.latencyMs");
            List<Faults.AccountRegion> denied = each(listAnalyzersDenied, "faults.listAnalyzersDenied", AccountRegionJson::toModel);
            List<Faults.ThrottleRule> throttles = each(throttle, "faults.throttle", ThrottleJson::toModel);
            List<Faults.InternalErrorRule> internal = each(internalError, "faults.internalError", InternalErrorJson::toModel);
            if (credentialLifetimeSeconds != null && credentialLifetimeSeconds < 1) {
                invalid("faults.credentialLifetimeSeconds", "must be at least 1 (or null)");
            }
            List<Faults.ResponseRule> spoiled = each(responses, "faults.responses", ResponseJson::toModel);
            return new Faults(latency, assumeRoleDenied == null ? Set.of() : new LinkedHashSet<>(assumeRoleDenied),
                    new LinkedHashSet<>(denied), throttles, internal,
                    Optional.ofNullable(credentialLifetimeSeconds).map(Duration::ofSeconds), spoiled);
        }
    }

    record AccountRegionJson(String account, String region) {
        Faults.AccountRegion toModel(String path) {
            return new Faults.AccountRegion(required(account, path + ".account"), required(region, path + ".region"));
        }
    }

    record ThrottleJson(String account, String region, String service, String operation, String parentId,
                        Integer afterCalls, Integer calls) {
        Faults.ThrottleRule toModel(String path) {
            return new Faults.ThrottleRule(required(account, path + ".account"), required(region, path + ".region"),
                    service, operation, parentId, nonNegative(afterCalls != null ? afterCalls : 0, path + ".afterCalls"),
                    nonNegative(required(calls, path + ".calls"), path + ".calls"));
        }
    }

    /** Every field but {@code count} is optional: a missing one matches any call. */
    record InternalErrorJson(String account, String region, String service, String operation, Integer count) {
        Faults.InternalErrorRule toModel(String path) {
            return new Faults.InternalErrorRule(account, region, service, operation,
                    nonNegative(required(count, path + ".count"), path + ".count"));
        }
    }

    /** Only {@code mode} is required; a missing field matches any call, a missing {@code calls} every call. */
    record ResponseJson(String service, String operation, String account, String region, String mode, Integer calls) {
        Faults.ResponseRule toModel(String path) {
            ResponseMode parsed;
            try {
                parsed = ResponseMode.of(required(mode, path + ".mode"));
            } catch (IllegalArgumentException e) {
                return invalid(path + ".mode", e.getMessage());
            }
            return new Faults.ResponseRule(service, operation, account, region, parsed,
                    calls == null ? null : nonNegative(calls, path + ".calls"));
        }
    }

    /** Converts each element of an optional array, telling the conversion its path ({@code accounts[3]}). */
    private static <T, R> List<R> each(List<T> elements, String path, BiFunction<T, String, R> convert) {
        if (elements == null) {
            return List.of();
        }
        List<R> result = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            result.add(convert.apply(elements.get(i), path + "[" + i + "]"));
        }
        return result;
    }

    private static <T> T required(T value, String path) {
        return value != null ? value : invalid(path, "is required");
    }

    private static String oneOf(String value, String fallback, String path, String... allowed) {
        if (value == null) {
            return fallback;
        }
        return Arrays.asList(allowed).contains(value) ? value
                : invalid(path, "\"" + value + "\" is not one of " + String.join(" | ", allowed));
    }

    /** The complaint about a string that names none of an enum's constants; ScenarioLoader uses it for Jackson's too. */
    static String notOneOf(String value, Class<? extends Enum<?>> type) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        return "\"" + value + "\" is not one of " + String.join(" | ", names);
    }

    private static int nonNegative(int value, String path) {
        return value >= 0 ? value : invalid(path, "must not be negative");
    }

    private static Instant instant(String text, Instant fallback, String path) {
        try {
            return text == null ? fallback : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return invalid(path, "\"" + text + "\" is not an ISO-8601 instant such as 2024-01-02T03:04:05Z");
        }
    }

    private static <T> T invalid(String path, String problem) {
        throw new IllegalArgumentException(path + " " + problem);
    }
}

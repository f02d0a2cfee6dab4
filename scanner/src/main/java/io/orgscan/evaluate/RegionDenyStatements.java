package io.orgscan.evaluate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the region-deny statements of a service control policy. A statement is one when, and only
 * when: its {@code Effect} is {@code Deny}; its {@code Resource} is {@code *}; it has {@code Action: "*"}
 * or a {@code NotAction} list (the global services a landing zone exempts); and its {@code Condition}
 * holds {@code StringNotEquals}, {@code StringNotEqualsIfExists} or {@code StringNotLike} on
 * {@code aws:RequestedRegion}, plus optionally principal exemptions ({@code ArnNotLike},
 * {@code ArnNotEquals}, {@code StringNotLike}, {@code StringNotEquals} on {@code aws:PrincipalARN}),
 * and nothing else. Anything else (a deny of a few actions, another condition key, {@code NotResource})
 * may leave the region usable, so it never makes a cell not applicable.
 */
public final class RegionDenyStatements {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Boolean> REGION_OPERATORS = Map.of(
            "StringNotEquals", false, "StringNotEqualsIfExists", false, "StringNotLike", true);
    private static final Set<String> PRINCIPAL_OPERATORS = Set.of("ArnNotLike", "ArnNotEquals", "StringNotLike", "StringNotEquals");
    private static final Set<String> ELEMENTS = Set.of("Sid", "Effect", "Action", "NotAction", "Resource", "Condition");
    /** Condition keys are case-insensitive in IAM. */
    private static final String REGION_KEY = "aws:requestedregion";
    private static final String PRINCIPAL_KEY = "aws:principalarn";

    private RegionDenyStatements() {
    }

    /** The region-deny statements of the policy whose document is {@code content}; none if it is not JSON. */
    public static List<RegionDeny> of(String policyId, String content) {
        JsonNode document;
        try {
            document = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            return List.of();
        }
        if (document == null || !document.isObject()) {
            return List.of();
        }
        JsonNode statements = document.path("Statement");
        List<JsonNode> list = new ArrayList<>();
        if (statements.isArray()) {
            statements.forEach(list::add);
        } else if (statements.isObject()) {
            list.add(statements);
        }
        List<RegionDeny> found = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode statement = list.get(i);
            List<RegionDeny.RegionCondition> conditions = regionConditions(statement);
            if (conditions.isEmpty()) {
                continue;
            }
            String sid = statement.path("Sid").isTextual() && !statement.path("Sid").asText().isEmpty()
                    ? statement.path("Sid").asText() : "#" + (i + 1);
            found.add(new RegionDeny(policyId, sid, conditions));
        }
        return List.copyOf(found);
    }

    /** The statement's region conditions when it is a region deny, else none. */
    private static List<RegionDeny.RegionCondition> regionConditions(JsonNode statement) {
        if (!statement.isObject()) {
            return List.of();
        }
        for (Iterator<String> names = statement.fieldNames(); names.hasNext(); ) {
            if (!ELEMENTS.contains(names.next())) {
                return List.of();
            }
        }
        boolean everyAction = statement.has("Action") && !statement.has("NotAction") && isOnlyStar(statement.get("Action"));
        boolean exemptions = statement.has("NotAction") && !statement.has("Action") && isStrings(statement.get("NotAction"));
        if (!"Deny".equals(statement.path("Effect").asText(null)) || !isOnlyStar(statement.get("Resource"))
                || !(everyAction || exemptions) || !statement.path("Condition").isObject()) {
            return List.of();
        }
        List<RegionDeny.RegionCondition> conditions = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> operators = statement.get("Condition").fields(); operators.hasNext(); ) {
            Map.Entry<String, JsonNode> operator = operators.next();
            if (!operator.getValue().isObject() || operator.getValue().isEmpty()) {
                return List.of();
            }
            for (Iterator<Map.Entry<String, JsonNode>> keys = operator.getValue().fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> key = keys.next();
                String name = key.getKey().toLowerCase(Locale.ROOT);
                if (!isStrings(key.getValue())) {
                    return List.of();
                }
                if (name.equals(REGION_KEY) && REGION_OPERATORS.containsKey(operator.getKey())) {
                    conditions.add(new RegionDeny.RegionCondition(REGION_OPERATORS.get(operator.getKey()), strings(key.getValue())));
                } else if (!(name.equals(PRINCIPAL_KEY) && PRINCIPAL_OPERATORS.contains(operator.getKey()))) {
                    return List.of();
                }
            }
        }
        return conditions;
    }

    private static boolean isOnlyStar(JsonNode node) {
        return node != null && strings(node).equals(List.of("*")) && isStrings(node);
    }

    /** A string, or a non-empty array of strings, as IAM accepts for most elements. */
    private static boolean isStrings(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isTextual()) {
            return true;
        }
        if (!node.isArray() || node.isEmpty()) {
            return false;
        }
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isTextual()) {
            values.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(item -> values.add(item.asText()));
        }
        return values;
    }
}

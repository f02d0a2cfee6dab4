package io.orgscan.simulator.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One statement of a service control policy, as IAM evaluates it: {@code Effect}, {@code Action} or
 * {@code NotAction} (wildcards {@code *} and {@code ?}, case-insensitive), {@code Resource}
 * (wildcards), and conditions on the two keys the simulator puts in a request's context,
 * {@code aws:RequestedRegion} and {@code aws:PrincipalARN}. The simulator's own reading of IAM's
 * rules, written without the scanner's SCP code, so the two cannot agree by sharing a mistake.
 *
 * @param sid        the statement's Sid, or null
 * @param notAction  true when {@code actions} is a NotAction list
 * @param conditions all must hold (IAM ANDs them)
 */
public record PolicyStatement(String sid, boolean deny, List<String> actions, boolean notAction, List<String> resources,
                              List<Condition> conditions) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ELEMENTS = Set.of("Sid", "Effect", "Action", "NotAction", "Resource", "Condition");
    /** Condition keys the simulator knows, lower-cased (IAM's keys are case-insensitive). */
    public static final String REQUESTED_REGION = "aws:requestedregion";
    public static final String PRINCIPAL_ARN = "aws:principalarn";

    /** The operators simulated, without their {@code IfExists} suffix. */
    enum Operator {
        StringEquals(false, false), StringNotEquals(false, true), StringLike(true, false), StringNotLike(true, true),
        ArnEquals(true, false), ArnNotEquals(true, true), ArnLike(true, false), ArnNotLike(true, true);

        final boolean wildcards;
        final boolean negated;

        Operator(boolean wildcards, boolean negated) {
            this.wildcards = wildcards;
            this.negated = negated;
        }
    }

    /**
     * One condition: operator, key and values. Several values of one key: a positive operator holds when
     * any matches, a negated one when none does. A key missing from the request: an {@code IfExists}
     * operator holds, a negated one holds, a positive one does not.
     */
    public record Condition(Operator operator, boolean ifExists, String key, List<String> values) {
        public Condition {
            values = List.copyOf(values);
        }

        boolean holds(Map<String, String> context) {
            String value = context.get(key);
            if (value == null) {
                return ifExists || operator.negated;
            }
            boolean any = false;
            for (String candidate : values) {
                if (operator.wildcards ? glob(candidate, value, false) : candidate.equals(value)) {
                    any = true;
                    break;
                }
            }
            return operator.negated != any;
        }
    }

    public PolicyStatement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        conditions = List.copyOf(conditions);
    }

    /**
     * Whether the statement applies to a request.
     *
     * @param context condition keys (lower-case) to values; a key absent from it is absent from the request
     */
    public boolean appliesTo(String action, String resource, Map<String, String> context) {
        boolean listed = false;
        for (String pattern : actions) {
            if (glob(pattern, action, true)) {
                listed = true;
                break;
            }
        }
        if (listed == notAction) {
            return false;
        }
        boolean resourceMatches = false;
        for (String pattern : resources) {
            if (glob(pattern, resource, false)) {
                resourceMatches = true;
                break;
            }
        }
        if (!resourceMatches) {
            return false;
        }
        for (Condition condition : conditions) {
            if (!condition.holds(context)) {
                return false;
            }
        }
        return true;
    }

    /** How a denial names it: the Sid, or its position. */
    public String label(int position) {
        return sid != null ? sid : "#" + position;
    }

    /**
     * Parses a policy document (a JSON object with {@code Statement}, an object or an array).
     *
     * @throws IllegalArgumentException naming {@code where} and the element that is not supported
     */
    public static List<PolicyStatement> parseDocument(String content, String where) {
        JsonNode document;
        try {
            document = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + " is not JSON: " + e.getOriginalMessage());
        }
        if (document == null || !document.isObject()) {
            throw new IllegalArgumentException(where + " must be a JSON object");
        }
        JsonNode statements = document.get("Statement");
        if (statements == null || !(statements.isObject() || statements.isArray())) {
            throw new IllegalArgumentException(where + ".Statement must be an object or an array of objects");
        }
        List<PolicyStatement> parsed = new ArrayList<>();
        if (statements.isObject()) {
            parsed.add(parse(statements, where + ".Statement"));
        } else {
            for (int i = 0; i < statements.size(); i++) {
                parsed.add(parse(statements.get(i), where + ".Statement[" + i + "]"));
            }
        }
        return List.copyOf(parsed);
    }

    private static PolicyStatement parse(JsonNode statement, String where) {
        if (!statement.isObject()) {
            throw new IllegalArgumentException(where + " must be an object");
        }
        for (Iterator<String> names = statement.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ELEMENTS.contains(name)) {
                throw new IllegalArgumentException(where + "." + name + " is not simulated (use Sid, Effect, Action or "
                        + "NotAction, Resource, Condition)");
            }
        }
        String effect = statement.path("Effect").asText("");
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw new IllegalArgumentException(where + ".Effect must be \"Allow\" or \"Deny\"");
        }
        if (statement.has("Action") == statement.has("NotAction")) {
            throw new IllegalArgumentException(where + " must have exactly one of Action and NotAction");
        }
        boolean notAction = statement.has("NotAction");
        List<String> actions = strings(statement.get(notAction ? "NotAction" : "Action"), where + (notAction ? ".NotAction" : ".Action"));
        if (!statement.has("Resource")) {
            throw new IllegalArgumentException(where + ".Resource is required");
        }
        List<String> resources = strings(statement.get("Resource"), where + ".Resource");
        List<Condition> conditions = new ArrayList<>();
        JsonNode condition = statement.get("Condition");
        if (condition != null) {
            if (!condition.isObject()) {
                throw new IllegalArgumentException(where + ".Condition must be an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> operators = condition.fields(); operators.hasNext(); ) {
                Map.Entry<String, JsonNode> operator = operators.next();
                String path = where + ".Condition." + operator.getKey();
                String name = operator.getKey();
                boolean ifExists = name.endsWith("IfExists");
                Operator op = operator(ifExists ? name.substring(0, name.length() - "IfExists".length()) : name, path);
                if (!operator.getValue().isObject() || operator.getValue().isEmpty()) {
                    throw new IllegalArgumentException(path + " must be an object of condition keys");
                }
                for (Iterator<Map.Entry<String, JsonNode>> keys = operator.getValue().fields(); keys.hasNext(); ) {
                    Map.Entry<String, JsonNode> key = keys.next();
                    String lower = key.getKey().toLowerCase(Locale.ROOT);
                    if (!lower.equals(REQUESTED_REGION) && !lower.equals(PRINCIPAL_ARN)) {
                        throw new IllegalArgumentException(path + "." + key.getKey()
                                + " is not simulated (use aws:RequestedRegion or aws:PrincipalARN)");
                    }
                    conditions.add(new Condition(op, ifExists, lower, strings(key.getValue(), path + "." + key.getKey())));
                }
            }
        }
        String sid = statement.hasNonNull("Sid") ? statement.get("Sid").asText() : null;
        return new PolicyStatement(sid == null || sid.isEmpty() ? null : sid, effect.equals("Deny"), actions, notAction,
                resources, conditions);
    }

    private static Operator operator(String name, String path) {
        for (Operator operator : Operator.values()) {
            if (operator.name().equals(name)) {
                return operator;
            }
        }
        throw new IllegalArgumentException(path + " is not a simulated condition operator (String[Not]Equals, "
                + "String[Not]Like, Arn[Not]Equals, Arn[Not]Like, each optionally ...IfExists)");
    }

    /** A string or a non-empty array of strings. */
    private static List<String> strings(JsonNode node, String path) {
        List<String> values = new ArrayList<>();
        if (node != null && node.isTextual()) {
            values.add(node.textValue());
        } else if (node != null && node.isArray() && !node.isEmpty()) {
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    throw new IllegalArgumentException(path + " must be a string or an array of strings");
                }
                values.add(item.textValue());
            }
        } else {
            throw new IllegalArgumentException(path + " must be a string or a non-empty array of strings");
        }
        return values;
    }

    /**
     * IAM's wildcard match over the whole value: {@code *} any run of characters, {@code ?} exactly one.
     * Greedy with backtracking to the last star, so linear in practice.
     */
    static boolean glob(String pattern, String value, boolean ignoreCase) {
        String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
        String v = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
        int pi = 0;
        int vi = 0;
        int star = -1;
        int resume = 0;
        while (vi < v.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == v.charAt(vi))) {
                pi++;
                vi++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                resume = vi;
            } else if (star >= 0) {
                pi = star + 1;
                vi = ++resume;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    @Override
    public String toString() {
        return (deny ? "Deny " : "Allow ") + (notAction ? "NotAction " : "") + actions + Objects.toString(sid, "");
    }
}

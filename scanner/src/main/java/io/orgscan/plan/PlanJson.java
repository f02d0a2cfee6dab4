package io.orgscan.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orgscan.model.AnalyzerStatus;
import io.orgscan.model.AnalyzerType;
import io.orgscan.model.CoveragePolicy;
import io.orgscan.model.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * plan.json, the plan for machines: written with snake_case keys in a fixed order (two plans of the same
 * scan are byte for byte the same), and read back, checked field by field, by {@code orgscan remediate}.
 */
public final class PlanJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PlanJson() {
    }

    /**
     * {@code root} as the plan folder's JSON files are written: two-space indents, one member a line, a
     * final newline, UTF-8 (plan.json and remediation_log.json, so that people can diff them).
     */
    public static byte[] prettyBytes(ObjectNode root) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return (MAPPER.writer(printer).writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] bytes(RemediationPlan plan) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("plan_version", plan.planVersion());
        root.put("scan_id", plan.scanId());
        root.put("scan_file_sha256", plan.scanFileSha256());
        root.put("policy", plan.policy().name());
        root.put("analyzer_type", plan.analyzerType().name());
        root.put("partition", plan.partition());
        root.put("organization_id", plan.organizationId());
        root.put("management_account_id", plan.managementAccountId());
        root.put("delegated_administrator_id", plan.delegatedAdministratorId());
        root.put("exception_register_sha256", plan.exceptionRegisterSha256());
        ArrayNode prerequisites = root.putArray("prerequisites");
        for (Prerequisite p : plan.prerequisites()) {
            prerequisites.addObject().put("id", p.id()).put("description", p.description()).put("command", p.command());
        }
        ArrayNode actions = root.putArray("actions");
        for (PlannedAnalyzer a : plan.actions()) {
            ObjectNode node = actions.addObject().put("action_id", a.actionId()).put("account_id", a.accountId())
                    .put("region", a.region()).put("analyzer_type", a.type().name()).put("analyzer_name", a.name());
            a.findingIds().forEach(node.putArray("finding_ids")::add);
        }
        ArrayNode groups = root.putArray("stack_instance_groups");
        for (StackInstanceGroup g : plan.stackInstanceGroups()) {
            ObjectNode node = groups.addObject();
            g.accounts().forEach(node.putArray("accounts")::add);
            g.regions().forEach(node.putArray("regions")::add);
        }
        ArrayNode repairs = root.putArray("repairs");
        for (Repair r : plan.repairs()) {
            ObjectNode node = repairs.addObject().put("account_id", r.accountId()).put("region", r.region())
                    .put("analyzer_name", r.analyzerName()).put("analyzer_type", r.analyzerType().name())
                    .put("status", r.status().name()).put("status_reason", r.statusReason()).put("what_to_do", r.whatToDo());
            r.findingIds().forEach(node.putArray("finding_ids")::add);
        }
        ArrayNode notFixable = root.putArray("not_fixable");
        for (NotFixable n : plan.notFixable()) {
            notFixable.addObject().put("finding_id", n.findingId()).put("account_id", n.accountId()).put("region", n.region())
                    .put("status", n.reason().status().name()).put("reason", n.reason().name())
                    .put("obstacle", n.obstacle().name()).put("what_to_do", n.whatToDo());
        }
        return prettyBytes(root);
    }

    /**
     * Reads and checks a plan.json.
     *
     * @throws PlanFileException naming the file and the first problem, in one line
     */
    public static RemediationPlan read(Path file) throws PlanFileException {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new PlanFileException(file + ": cannot read plan: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        try {
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            int version = integer(root, "plan_version");
            if (version != RemediationPlan.VERSION) {
                throw new IllegalArgumentException("plan_version " + version + " is not " + RemediationPlan.VERSION
                        + ", the version this orgscan reads");
            }
            return new RemediationPlan(version, text(root, "scan_id"), text(root, "scan_file_sha256"),
                    CoveragePolicy.valueOf(text(root, "policy")), AnalyzerType.valueOf(text(root, "analyzer_type")),
                    text(root, "partition"), text(root, "organization_id"), text(root, "management_account_id"),
                    optionalText(root, "delegated_administrator_id"),
                    list(root, "prerequisites", n -> new Prerequisite(text(n, "id"), text(n, "description"), text(n, "command"))),
                    list(root, "actions", n -> new PlannedAnalyzer(text(n, "action_id"), text(n, "account_id"),
                            text(n, "region"), AnalyzerType.valueOf(text(n, "analyzer_type")), text(n, "analyzer_name"),
                            list(n, "finding_ids", PlanJson::textValue))),
                    list(root, "stack_instance_groups", n -> new StackInstanceGroup(list(n, "accounts", PlanJson::textValue),
                            list(n, "regions", PlanJson::textValue))),
                    list(root, "repairs", n -> new Repair(text(n, "account_id"), text(n, "region"), text(n, "analyzer_name"),
                            AnalyzerType.valueOf(text(n, "analyzer_type")), AnalyzerStatus.valueOf(text(n, "status")),
                            optionalText(n, "status_reason"), text(n, "what_to_do"), list(n, "finding_ids", PlanJson::textValue))),
                    list(root, "not_fixable", n -> new NotFixable(text(n, "finding_id"), text(n, "account_id"),
                            text(n, "region"), Reason.valueOf(text(n, "reason")), Obstacle.valueOf(text(n, "obstacle")),
                            text(n, "what_to_do"))),
                    optionalText(root, "exception_register_sha256"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PlanFileException(file + ": not a valid orgscan plan: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing or not a string");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : text(node, field);
    }

    private static String textValue(JsonNode node) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException("a list item is not a string: " + node);
        }
        return node.asText();
    }

    private static int integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isInt()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing or not an integer");
        }
        return value.asInt();
    }

    private static <T> List<T> list(JsonNode node, String field, Function<JsonNode, T> item) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing or not a list");
        }
        List<T> items = new ArrayList<>();
        value.forEach(n -> items.add(item.apply(n)));
        return items;
    }
}

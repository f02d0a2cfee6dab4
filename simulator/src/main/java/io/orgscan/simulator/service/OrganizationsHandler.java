package io.orgscan.simulator.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orgscan.simulator.scenario.Account;
import io.orgscan.simulator.scenario.Organization;
import io.orgscan.simulator.scenario.OrganizationalUnit;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.scenario.ServiceControlPolicy;
import io.orgscan.simulator.wire.AwsError;
import io.orgscan.simulator.wire.AwsJsonProtocol;
import io.orgscan.simulator.wire.AwsService;
import io.orgscan.simulator.wire.JsonWriter;
import io.orgscan.simulator.wire.PageToken;
import io.orgscan.simulator.wire.Protocol;
import io.orgscan.simulator.wire.SimRequest;
import io.orgscan.simulator.wire.SimResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * AWS Organizations over awsJson 1.1: {@code POST /} with {@code X-Amz-Target: AWSOrganizationsV20161128.<Op>}.
 * Everything but DescribeOrganization is reserved to the management account and delegated
 * administrators, as AWS documents, and the policy reads (ListPolicies, DescribePolicy,
 * ListTargetsForPolicy, ListPoliciesForTarget) to the management account alone; an account outside
 * the organization gets AWSOrganizationsNotInUseException.
 */
public final class OrganizationsHandler implements ServiceHandler {
    static final String TARGET_PREFIX = "AWSOrganizationsV20161128.";
    private static final Set<String> OPERATIONS = Set.of("DescribeOrganization", "ListAccounts", "ListRoots",
            "ListOrganizationalUnitsForParent", "ListAccountsForParent", "ListParents", "DescribeOrganizationalUnit",
            "ListDelegatedAdministrators", "ListPolicies", "DescribePolicy", "ListTargetsForPolicy", "ListPoliciesForTarget");
    /** Reading policies is the management account's alone (or an account delegated for policy management). */
    private static final Set<String> POLICY_OPERATIONS = Set.of("ListPolicies", "DescribePolicy", "ListTargetsForPolicy",
            "ListPoliciesForTarget");
    private static final Set<String> POLICY_TYPES = Set.of("SERVICE_CONTROL_POLICY", "TAG_POLICY", "BACKUP_POLICY",
            "AISERVICES_OPT_OUT_POLICY", "RESOURCE_CONTROL_POLICY", "DECLARATIVE_POLICY_EC2", "CHATBOT_POLICY");
    private static final Pattern POLICY_ID = Pattern.compile("p-[0-9a-zA-Z_]{8,128}");
    private static final Pattern TARGET_ID = Pattern.compile("(r-[0-9a-z]{4,32})|(\\d{12})|(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})");
    private static final Pattern PARENT_ID = Pattern.compile("(r-[0-9a-z]{4,32})|(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})");
    private static final Pattern CHILD_ID = Pattern.compile("(\\d{12})|(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})");
    private static final Pattern OU_ID = Pattern.compile("ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}");

    private final Scenario scenario;
    private final Organization organization;
    private final PageToken tokens;
    private final Protocol protocol = new AwsJsonProtocol();

    public OrganizationsHandler(Scenario scenario, PageToken tokens) {
        this.scenario = scenario;
        this.organization = scenario.organization();
        this.tokens = tokens;
    }

    @Override
    public AwsService service() {
        return AwsService.ORGANIZATIONS;
    }

    @Override
    public Protocol protocol() {
        return protocol;
    }

    @Override
    public boolean recognizes(SimRequest request) {
        String target = request.header("X-Amz-Target");
        return target != null && target.startsWith(TARGET_PREFIX);
    }

    @Override
    public String operation(SimRequest request) {
        String target = request.header("X-Amz-Target");
        if (target == null) {
            return "(no X-Amz-Target)";
        }
        return target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : target;
    }

    @Override
    public boolean supports(String operation) {
        return OPERATIONS.contains(operation);
    }

    @Override
    public String parentId(SimRequest request) {
        try {
            return JsonInput.parse(request.body(), protocol).string("ParentId");
        } catch (AwsError e) {
            return null;
        }
    }

    @Override
    public boolean checksRegion(String region) {
        return false;
    }

    @Override
    public SimResponse handle(String operation, CallContext context) throws AwsError {
        JsonInput input = JsonInput.parse(context.request().body(), protocol);
        Account caller = context.callerAccount();
        if (caller == null) {
            throw new AwsError("AWSOrganizationsNotInUseException", 400,
                    "Your account is not a member of an organization.");
        }
        if (operation.equals("DescribeOrganization")) {
            return ok(describeOrganization(), context);
        }
        boolean management = caller.id().equals(organization.managementAccountId());
        if (POLICY_OPERATIONS.contains(operation) && !management) {
            throw new AwsError("AccessDeniedException", 400, "You don't have permissions to access this resource.");
        }
        if (!management && !scenario.isDelegatedAdministrator(caller.id())) {
            throw new AwsError("AccessDeniedException", 400, "You don't have permissions to access this resource.");
        }
        return switch (operation) {
            case "ListAccounts" -> ok(listAccounts(input), context);
            case "ListRoots" -> ok(listRoots(input), context);
            case "ListOrganizationalUnitsForParent" -> ok(listOusForParent(input), context);
            case "ListAccountsForParent" -> ok(listAccountsForParent(input), context);
            case "ListParents" -> ok(listParents(input), context);
            case "DescribeOrganizationalUnit" -> ok(describeOu(input), context);
            case "ListDelegatedAdministrators" -> ok(listDelegatedAdministrators(input), context);
            case "ListPolicies" -> ok(listPolicies(input), context);
            case "DescribePolicy" -> ok(describePolicy(input), context);
            case "ListTargetsForPolicy" -> ok(listTargetsForPolicy(input), context);
            case "ListPoliciesForTarget" -> ok(listPoliciesForTarget(input), context);
            default -> throw protocol.unknownOperation(operation);
        };
    }

    private ObjectNode describeOrganization() {
        ObjectNode org = JsonWriter.object();
        org.put("Id", organization.id());
        org.put("Arn", organization.arn());
        org.put("FeatureSet", organization.featureSet());
        org.put("MasterAccountArn", organization.accountArn(organization.managementAccountId()));
        org.put("MasterAccountId", organization.managementAccountId());
        org.put("MasterAccountEmail", organization.managementAccountEmail());
        org.putArray("AvailablePolicyTypes");
        ObjectNode body = JsonWriter.object();
        body.set("Organization", org);
        return body;
    }

    private ObjectNode listAccounts(JsonInput input) throws AwsError {
        return page(input, scenario.accounts(), "ListAccounts", "Accounts", this::accountJson);
    }

    private ObjectNode listAccountsForParent(JsonInput input) throws AwsError {
        String parentId = requireParent(input);
        return page(input, scenario.accountsUnder(parentId), "ListAccountsForParent/" + parentId, "Accounts",
                this::accountJson);
    }

    private ObjectNode listOusForParent(JsonInput input) throws AwsError {
        String parentId = requireParent(input);
        return page(input, scenario.organizationalUnitsUnder(parentId), "ListOrganizationalUnitsForParent/" + parentId,
                "OrganizationalUnits", this::ouJson);
    }

    private ObjectNode listRoots(JsonInput input) throws AwsError {
        return page(input, List.of(organization.rootId()), "ListRoots", "Roots", (root, node) -> {
            node.put("Id", organization.rootId());
            node.put("Arn", organization.rootArn());
            node.put("Name", organization.rootName());
            ArrayNode policyTypes = node.putArray("PolicyTypes");
            if (organization.featureSet().equals("ALL")) {
                policyTypes.addObject().put("Type", "SERVICE_CONTROL_POLICY").put("Status", "ENABLED");
            }
        });
    }

    private ObjectNode listParents(JsonInput input) throws AwsError {
        String childId = required(input, "ChildId");
        requirePattern(childId, CHILD_ID, "ChildId");
        String parentId = childId.startsWith("ou-")
                ? scenario.organizationalUnit(childId).map(OrganizationalUnit::parentId).orElse(null)
                : scenario.account(childId).map(Account::parentId).orElse(null);
        if (parentId == null) {
            throw new AwsError("ChildNotFoundException", 400,
                    "We can't find an organizational unit (OU) or AWS account with the ChildId that you specified.");
        }
        return page(input, List.of(parentId), "ListParents/" + childId, "Parents", (id, node) -> {
            node.put("Id", id);
            node.put("Type", id.equals(organization.rootId()) ? "ROOT" : "ORGANIZATIONAL_UNIT");
        });
    }

    private ObjectNode describeOu(JsonInput input) throws AwsError {
        String ouId = required(input, "OrganizationalUnitId");
        requirePattern(ouId, OU_ID, "OrganizationalUnitId");
        OrganizationalUnit ou = scenario.organizationalUnit(ouId).orElseThrow(() -> new AwsError(
                "OrganizationalUnitNotFoundException", 400, "We can't find an OU with the OrganizationalUnitId that you specified."));
        ObjectNode body = JsonWriter.object();
        ouJson(ou, body.putObject("OrganizationalUnit"));
        return body;
    }

    private ObjectNode listDelegatedAdministrators(JsonInput input) throws AwsError {
        String principal = input.string("ServicePrincipal");
        Set<String> ids = new LinkedHashSet<>();
        for (Map.Entry<String, List<String>> entry : scenario.delegatedAdministrators().entrySet()) {
            if (principal == null || principal.equals(entry.getKey())) {
                ids.addAll(entry.getValue());
            }
        }
        List<Account> delegates = new ArrayList<>();
        ids.forEach(id -> scenario.account(id).ifPresent(delegates::add));
        return page(input, delegates, "ListDelegatedAdministrators/" + principal, "DelegatedAdministrators",
                (account, node) -> {
                    accountJson(account, node);
                    // Delegation comes after joining; a day later is as good as any date for a simulator.
                    JsonWriter.putEpochSeconds(node, "DelegationEnabledDate", account.joinedTimestamp().plus(Duration.ofDays(1)));
                });
    }

    private ObjectNode listPolicies(JsonInput input) throws AwsError {
        String filter = policyType(input);
        List<ServiceControlPolicy> policies = filter.equals("SERVICE_CONTROL_POLICY") ? scenario.policies() : List.of();
        return page(input, policies, "ListPolicies/" + filter, "Policies", this::policySummaryJson);
    }

    private ObjectNode describePolicy(JsonInput input) throws AwsError {
        ServiceControlPolicy policy = requirePolicy(input);
        ObjectNode body = JsonWriter.object();
        ObjectNode node = body.putObject("Policy");
        policySummaryJson(policy, node.putObject("PolicySummary"));
        node.put("Content", policy.content());
        return body;
    }

    private ObjectNode listTargetsForPolicy(JsonInput input) throws AwsError {
        ServiceControlPolicy policy = requirePolicy(input);
        return page(input, policy.targets(), "ListTargetsForPolicy/" + policy.id(), "Targets", (target, node) -> {
            node.put("TargetId", target);
            if (target.equals(organization.rootId())) {
                node.put("Arn", organization.rootArn());
                node.put("Name", organization.rootName());
                node.put("Type", "ROOT");
            } else if (target.startsWith("ou-")) {
                node.put("Arn", organization.organizationalUnitArn(target));
                node.put("Name", scenario.organizationalUnit(target).map(OrganizationalUnit::name).orElse(target));
                node.put("Type", "ORGANIZATIONAL_UNIT");
            } else {
                node.put("Arn", organization.accountArn(target));
                node.put("Name", scenario.account(target).map(Account::name).orElse(target));
                node.put("Type", "ACCOUNT");
            }
        });
    }

    private ObjectNode listPoliciesForTarget(JsonInput input) throws AwsError {
        String target = required(input, "TargetId");
        requirePattern(target, TARGET_ID, "TargetId");
        String filter = policyType(input);
        if (!scenario.isPolicyTarget(target)) {
            throw new AwsError("TargetNotFoundException", 400, "We can't find a root, OU, account, or email address that you specified.");
        }
        List<ServiceControlPolicy> policies = filter.equals("SERVICE_CONTROL_POLICY") ? scenario.policiesAttachedTo(target) : List.of();
        return page(input, policies, "ListPoliciesForTarget/" + target + "/" + filter, "Policies", this::policySummaryJson);
    }

    private String policyType(JsonInput input) throws AwsError {
        String filter = required(input, "Filter");
        if (!POLICY_TYPES.contains(filter)) {
            throw invalidInput("INVALID_ENUM_POLICY_TYPE", "You specified an invalid policy type string.");
        }
        return filter;
    }

    private ServiceControlPolicy requirePolicy(JsonInput input) throws AwsError {
        String policyId = required(input, "PolicyId");
        if (!POLICY_ID.matcher(policyId).matches()) {
            throw invalidInput("INVALID_SYNTAX_POLICY_ID", "You provided a policy ID that doesn't match the required pattern.");
        }
        return scenario.policy(policyId).orElseThrow(() -> new AwsError("PolicyNotFoundException", 400,
                "We can't find a policy with the PolicyId that you specified."));
    }

    private void policySummaryJson(ServiceControlPolicy policy, ObjectNode node) {
        node.put("Id", policy.id());
        node.put("Arn", policy.arn(organization));
        node.put("Name", policy.name());
        node.put("Description", policy.description());
        node.put("Type", "SERVICE_CONTROL_POLICY");
        node.put("AwsManaged", policy.awsManaged());
    }

    private <T> ObjectNode page(JsonInput input, List<T> all, String scope, String field,
                                ItemWriter<T> writer) throws AwsError {
        int size = Math.min(maxResults(input), scenario.pageSizes().organizations());
        int offset = 0;
        String token = input.string("NextToken");
        if (token != null) {
            offset = tokens.decode(scope, token).filter(o -> o <= all.size()).orElseThrow(() -> invalidInput(
                    "INVALID_NEXT_TOKEN", "The specified pagination token isn't valid."));
        }
        Page<T> page = Page.slice(all, offset, size, tokens, scope);
        ObjectNode body = JsonWriter.object();
        ArrayNode items = body.putArray(field);
        for (T item : page.items()) {
            writer.write(item, items.addObject());
        }
        if (page.nextToken() != null) {
            body.put("NextToken", page.nextToken());
        }
        return body;
    }

    private int maxResults(JsonInput input) throws AwsError {
        Integer max = input.integer("MaxResults");
        if (max == null) {
            return scenario.pageSizes().organizations();
        }
        if (max < 1) {
            throw invalidInput("MIN_VALUE_EXCEEDED", "You provided a value that is smaller than the minimum allowed (1) for MaxResults.");
        }
        if (max > 20) {
            throw invalidInput("MAX_VALUE_EXCEEDED", "You provided a value that is larger than the maximum allowed (20) for MaxResults.");
        }
        return max;
    }

    private String requireParent(JsonInput input) throws AwsError {
        String parentId = required(input, "ParentId");
        requirePattern(parentId, PARENT_ID, "ParentId");
        if (!parentId.equals(organization.rootId()) && scenario.organizationalUnit(parentId).isEmpty()) {
            throw new AwsError("ParentNotFoundException", 400, "We can't find a root or OU with the ParentId that you specified.");
        }
        return parentId;
    }

    private String required(JsonInput input, String field) throws AwsError {
        String value = input.string(field);
        if (value == null) {
            throw invalidInput("INPUT_REQUIRED", "You must specify a value for " + field + ".");
        }
        return value;
    }

    private void requirePattern(String value, Pattern pattern, String field) throws AwsError {
        if (!pattern.matcher(value).matches()) {
            throw invalidInput("INVALID_PATTERN", "The value of " + field + " doesn't match the required pattern.");
        }
    }

    private static AwsError invalidInput(String reason, String message) {
        return new AwsError("InvalidInputException", 400, message, Map.of("Reason", reason));
    }

    private void accountJson(Account account, ObjectNode node) {
        node.put("Id", account.id());
        node.put("Arn", organization.accountArn(account.id()));
        node.put("Email", account.email());
        node.put("Name", account.name());
        if (account.status() != null) {
            node.put("Status", account.status().name());
        }
        node.put("State", account.state().name());
        node.put("JoinedMethod", account.joinedMethod());
        JsonWriter.putEpochSeconds(node, "JoinedTimestamp", account.joinedTimestamp());
    }

    private void ouJson(OrganizationalUnit ou, ObjectNode node) {
        node.put("Id", ou.id());
        node.put("Arn", organization.organizationalUnitArn(ou.id()));
        node.put("Name", ou.name());
    }

    private SimResponse ok(ObjectNode body, CallContext context) {
        return SimResponse.of(200, AwsJsonProtocol.CONTENT_TYPE, JsonWriter.bytes(body),
                Map.of("x-amzn-RequestId", context.requestId()));
    }

    /** Writes one listed item into its JSON object. */
    @FunctionalInterface
    private interface ItemWriter<T> {
        void write(T item, ObjectNode node);
    }
}

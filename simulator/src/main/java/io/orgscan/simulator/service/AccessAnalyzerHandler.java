package io.orgscan.simulator.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orgscan.simulator.scenario.Analyzer;
import io.orgscan.simulator.scenario.AnalyzerStatus;
import io.orgscan.simulator.scenario.AnalyzerType;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.state.AnalyzerStore;
import io.orgscan.simulator.state.FaultInjector;
import io.orgscan.simulator.wire.AwsError;
import io.orgscan.simulator.wire.AwsService;
import io.orgscan.simulator.wire.JsonWriter;
import io.orgscan.simulator.wire.PageToken;
import io.orgscan.simulator.wire.Protocol;
import io.orgscan.simulator.wire.RestJsonProtocol;
import io.orgscan.simulator.wire.SimRequest;
import io.orgscan.simulator.wire.SimResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * IAM Access Analyzer over restJson1: ListAnalyzers ({@code GET /analyzer}), GetAnalyzer
 * ({@code GET /analyzer/{name}}) and CreateAnalyzer ({@code PUT /analyzer}). Analyzers are regional and
 * owned by the calling account: a member never sees the organization analyzer of its delegated
 * administrator.
 */
public final class AccessAnalyzerHandler implements ServiceHandler {
    static final String ACCESS_ANALYZER_PRINCIPAL = "access-analyzer.amazonaws.com";
    private static final String PATH = "/analyzer";
    private static final Set<String> OPERATIONS = Set.of("ListAnalyzers", "GetAnalyzer", "CreateAnalyzer");

    private final Scenario scenario;
    private final AnalyzerStore analyzers;
    private final FaultInjector faults;
    private final PageToken tokens;
    private final Protocol protocol = new RestJsonProtocol();

    public AccessAnalyzerHandler(Scenario scenario, AnalyzerStore analyzers, FaultInjector faults, PageToken tokens) {
        this.scenario = scenario;
        this.analyzers = analyzers;
        this.faults = faults;
        this.tokens = tokens;
    }

    @Override
    public AwsService service() {
        return AwsService.ACCESS_ANALYZER;
    }

    @Override
    public Protocol protocol() {
        return protocol;
    }

    @Override
    public boolean recognizes(SimRequest request) {
        return request.rawPath().equals(PATH) || request.rawPath().startsWith(PATH + "/");
    }

    @Override
    public String operation(SimRequest request) {
        String path = request.rawPath();
        String method = request.method();
        if (path.equals(PATH) && method.equals("GET")) {
            return "ListAnalyzers";
        }
        if (path.equals(PATH) && method.equals("PUT")) {
            return "CreateAnalyzer";
        }
        if (path.startsWith(PATH + "/") && path.indexOf('/', PATH.length() + 1) < 0 && method.equals("GET")) {
            return "GetAnalyzer";
        }
        return method + " " + path;
    }

    @Override
    public boolean supports(String operation) {
        return OPERATIONS.contains(operation);
    }

    @Override
    public boolean checksRegion(String region) {
        return true;
    }

    @Override
    public SimResponse handle(String operation, CallContext context) throws AwsError {
        return switch (operation) {
            case "ListAnalyzers" -> listAnalyzers(context);
            case "GetAnalyzer" -> getAnalyzer(context);
            case "CreateAnalyzer" -> createAnalyzer(context);
            default -> throw protocol.unknownOperation(operation);
        };
    }

    private SimResponse listAnalyzers(CallContext context) throws AwsError {
        String account = context.caller().accountId();
        String region = context.region();
        if (faults.isListAnalyzersDenied(account, region)) {
            throw new AwsError("AccessDeniedException", 403, "User: " + context.caller().arn()
                    + " is not authorized to perform: access-analyzer:ListAnalyzers on resource: arn:aws:access-analyzer:"
                    + region + ":" + account + ":*");
        }
        Map<String, String> query = context.request().query();
        String typeText = query.get("type");
        AnalyzerType type = null;
        if (typeText != null) {
            type = AnalyzerType.fromWire(typeText);
            if (type == null) {
                throw fieldValidation("type", "Value '" + typeText + "' at 'type' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: " + List.of(AnalyzerType.values()));
            }
        }
        int size = scenario.pageSizes().accessAnalyzer();
        String maxText = query.get("maxResults");
        if (maxText != null) {
            int max;
            try {
                max = Integer.parseInt(maxText);
            } catch (NumberFormatException e) {
                throw RestJsonProtocol.validation("Invalid value for maxResults: " + maxText, "cannotParse");
            }
            if (max < 1) {
                throw fieldValidation("maxResults", "maxResults must be at least 1");
            }
            size = Math.min(size, max);
        }
        List<Analyzer> all = new ArrayList<>();
        for (Analyzer analyzer : analyzers.list(account, region)) {
            if (type == null || analyzer.type() == type) {
                all.add(analyzer);
            }
        }
        String scope = "ListAnalyzers/" + account + "/" + region + "/" + typeText;
        int offset = 0;
        String token = query.get("nextToken");
        if (token != null) {
            offset = tokens.decode(scope, token).filter(o -> o <= all.size())
                    .orElseThrow(() -> RestJsonProtocol.validation("Invalid pagination token", "other"));
        }
        Page<Analyzer> page = Page.slice(all, offset, size, tokens, scope);
        ObjectNode body = JsonWriter.object();
        ArrayNode items = body.putArray("analyzers");
        for (Analyzer analyzer : page.items()) {
            summary(analyzer, account, region, items.addObject());
        }
        if (page.nextToken() != null) {
            body.put("nextToken", page.nextToken());
        }
        return ok(body, context);
    }

    private SimResponse getAnalyzer(CallContext context) throws AwsError {
        String name = URLDecoder.decode(context.request().rawPath().substring(PATH.length() + 1), StandardCharsets.UTF_8);
        String account = context.caller().accountId();
        Analyzer analyzer = analyzers.find(account, context.region(), name).orElseThrow(() -> new AwsError(
                "ResourceNotFoundException", 404, "Analyzer not found: " + name,
                Map.of("resourceId", name, "resourceType", "Analyzer")));
        ObjectNode body = JsonWriter.object();
        summary(analyzer, account, context.region(), body.putObject("analyzer"));
        return ok(body, context);
    }

    private SimResponse createAnalyzer(CallContext context) throws AwsError {
        JsonInput input = JsonInput.parse(context.request().body(), protocol);
        String name = input.string("analyzerName");
        if (name == null) {
            throw fieldValidation("analyzerName", "analyzerName is required");
        }
        if (!Analyzer.isValidName(name)) {
            throw fieldValidation("analyzerName", "Value '" + name + "' at 'analyzerName' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: [A-Za-z][A-Za-z0-9_.-]* and have length between 1 and 255");
        }
        String typeText = input.string("type");
        AnalyzerType type = typeText == null ? null : AnalyzerType.fromWire(typeText);
        if (type == null) {
            throw fieldValidation("type", "Value '" + typeText + "' at 'type' failed to satisfy constraint: "
                    + "Member must satisfy enum value set: " + List.of(AnalyzerType.values()));
        }
        String account = context.caller().accountId();
        String region = context.region();
        if (type.isOrganizationLevel() && !mayCreateOrganizationAnalyzer(account)) {
            throw new AwsError("AccessDeniedException", 403, "You must be the management account or the delegated "
                    + "administrator for IAM Access Analyzer to create an analyzer of type " + type + ".");
        }
        if (type.isOrganizationLevel() && !scenario.organization().hasTrustedAccess(ACCESS_ANALYZER_PRINCIPAL)) {
            // What AWS answers then (terraform-aws-secure-baseline#184, #258): 400, this message and reason.
            throw new AwsError("ValidationException", 400, "Service not enabled for AWS Organizations",
                    Map.of("reason", "FIELD_VALIDATION_FAILED"));
        }
        Analyzer analyzer = new Analyzer(name, type, AnalyzerStatus.ACTIVE, null, context.now().truncatedTo(ChronoUnit.MILLIS));
        switch (analyzers.create(account, region, analyzer, input.string("clientToken"))) {
            case NAME_CONFLICT -> throw new AwsError("ConflictException", 409, "Analyzer " + name + " already exists",
                    Map.of("resourceId", name, "resourceType", "Analyzer"));
            case QUOTA_EXCEEDED -> throw new AwsError("ServiceQuotaExceededException", 402,
                    "You have reached the limit of analyzers of type " + type + " in this account and Region.",
                    Map.of("resourceId", name, "resourceType", "Analyzer"));
            case CREATED, ALREADY_CREATED -> {
                // the idempotent retry answers like the original call
            }
        }
        ObjectNode body = JsonWriter.object();
        body.put("arn", analyzer.arn(account, region));
        return ok(body, context);
    }

    private boolean mayCreateOrganizationAnalyzer(String accountId) {
        return accountId.equals(scenario.managementAccountId())
                || scenario.delegatedAdministrators().getOrDefault(ACCESS_ANALYZER_PRINCIPAL, List.of()).contains(accountId);
    }

    private static void summary(Analyzer analyzer, String account, String region, ObjectNode node) {
        node.put("arn", analyzer.arn(account, region));
        node.put("name", analyzer.name());
        node.put("type", analyzer.type().name());
        node.put("createdAt", analyzer.createdAt().toString());
        node.putObject("tags");
        node.put("status", analyzer.status().name());
        if (analyzer.statusReason() != null) {
            node.putObject("statusReason").put("code", analyzer.statusReason().name());
        }
        if (analyzer.type() == AnalyzerType.ACCOUNT_UNUSED_ACCESS || analyzer.type() == AnalyzerType.ORGANIZATION_UNUSED_ACCESS) {
            node.putObject("configuration").putObject("unusedAccess").put("unusedAccessAge", 90);
        }
    }

    private static AwsError fieldValidation(String field, String message) {
        return new AwsError("ValidationException", 400, message, Map.of("reason", "fieldValidationFailed",
                "fieldList", List.of(Map.of("name", field, "message", message))));
    }

    private static SimResponse ok(ObjectNode body, CallContext context) {
        return SimResponse.of(200, RestJsonProtocol.CONTENT_TYPE, JsonWriter.bytes(body),
                Map.of("x-amzn-RequestId", context.requestId()));
    }
}

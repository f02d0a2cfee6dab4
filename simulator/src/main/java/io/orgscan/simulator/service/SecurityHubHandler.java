package io.orgscan.simulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orgscan.simulator.state.SecurityHubImports;
import io.orgscan.simulator.wire.AwsError;
import io.orgscan.simulator.wire.AwsService;
import io.orgscan.simulator.wire.JsonWriter;
import io.orgscan.simulator.wire.Protocol;
import io.orgscan.simulator.wire.RestJsonProtocol;
import io.orgscan.simulator.wire.SimRequest;
import io.orgscan.simulator.wire.SimResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * AWS Security Hub's BatchImportFindings ({@code POST /findings/import}, restJson1), enough to check
 * what an importer of findings.asff.json sends. It records every request body ({@link SecurityHubImports})
 * and answers as Security Hub does:
 * <ul>
 * <li>a body without a {@code Findings} array of 1 to 100 findings: 400 {@code InvalidInputException};</li>
 * <li>a finding whose {@code ProductArn} is not the caller's default product in the call's region
 *     ({@code arn:<partition>:securityhub:<region>:<caller>:product/<caller>/default}), or whose
 *     {@code AwsAccountId} is not the caller's account: the whole request is refused, 403
 *     {@code AccessDeniedException} naming the product ARN, as Security Hub answers a finding of another
 *     account (AWS Support's answer quoted in prowler-cloud/prowler#867);</li>
 * <li>a finding that breaks the ASFF rules checked here (required attributes, {@code SchemaVersion}
 *     2018-10-08, non-blank single-line strings, the documented length limits, a severity): listed in
 *     {@code FailedFindings} with {@code ErrorCode} {@code InvalidInput}, the others imported.</li>
 * </ul>
 */
public final class SecurityHubHandler implements ServiceHandler {
    private static final String PATH = "/findings/import";
    private static final String OPERATION = "BatchImportFindings";
    private static final int MAX_FINDINGS = 100;
    private static final Pattern NON_EMPTY_STRING = Pattern.compile(".*\\S.*");
    private static final List<String> REQUIRED = List.of("SchemaVersion", "Id", "ProductArn", "GeneratorId",
            "AwsAccountId", "CreatedAt", "UpdatedAt", "Title", "Description", "Resources");
    /** Length limits of the Security Hub API reference (AwsSecurityFinding). */
    private static final Map<String, Integer> LIMITS = Map.of("Id", 512, "GeneratorId", 512, "ProductArn", 2048,
            "Title", 256, "Description", 1024);

    private final SecurityHubImports imports;
    private final Protocol protocol = new RestJsonProtocol();

    public SecurityHubHandler(SecurityHubImports imports) {
        this.imports = imports;
    }

    @Override
    public AwsService service() {
        return AwsService.SECURITY_HUB;
    }

    @Override
    public Protocol protocol() {
        return protocol;
    }

    @Override
    public boolean recognizes(SimRequest request) {
        return request.rawPath().equals(PATH);
    }

    @Override
    public String operation(SimRequest request) {
        return request.rawPath().equals(PATH) && request.method().equals("POST") ? OPERATION
                : request.method() + " " + request.rawPath();
    }

    @Override
    public boolean supports(String operation) {
        return operation.equals(OPERATION);
    }

    /** Security Hub is regional: a region the caller's account has not enabled refuses the token. */
    @Override
    public boolean checksRegion(String region) {
        return true;
    }

    @Override
    public SimResponse handle(String operation, CallContext context) throws AwsError {
        String body = new String(context.request().body(), StandardCharsets.UTF_8);
        String account = context.caller().accountId();
        try {
            ArrayNode findings = findings(context.request().body());
            authorize(findings, context);
            ObjectNode answer = JsonWriter.object();
            ArrayNode failed = answer.putArray("FailedFindings");
            for (JsonNode finding : findings) {
                Optional<String> problem = problem(finding);
                if (problem.isPresent()) {
                    ObjectNode entry = failed.addObject();
                    entry.put("Id", finding.path("Id").asText("unknown"));
                    entry.put("ErrorCode", "InvalidInput");
                    entry.put("ErrorMessage", "Finding does not adhere to Amazon Finding Format. " + problem.get());
                }
            }
            answer.put("FailedCount", failed.size());
            answer.put("SuccessCount", findings.size() - failed.size());
            imports.record(new SecurityHubImports.Import(account, context.region(), body, 200, failed.size()));
            return SimResponse.of(200, RestJsonProtocol.CONTENT_TYPE, JsonWriter.bytes(answer),
                    Map.of("x-amzn-RequestId", context.requestId()));
        } catch (AwsError error) {
            imports.record(new SecurityHubImports.Import(account, context.region(), body, error.status(), 0));
            throw error;
        }
    }

    private static ArrayNode findings(byte[] body) throws AwsError {
        JsonNode root;
        try {
            root = JsonWriter.mapper().readTree(body);
        } catch (IOException e) {
            throw invalidInput("Request body is not valid JSON");
        }
        JsonNode findings = root == null ? null : root.get("Findings");
        if (findings == null || !findings.isArray()) {
            throw invalidInput("Findings is required and must be a list");
        }
        if (findings.isEmpty() || findings.size() > MAX_FINDINGS) {
            throw invalidInput("Findings must hold 1 to " + MAX_FINDINGS + " findings, not " + findings.size());
        }
        return (ArrayNode) findings;
    }

    /** Every finding must be the caller's, under the caller's default product in the call's region. */
    private static void authorize(ArrayNode findings, CallContext context) throws AwsError {
        String account = context.caller().accountId();
        Pattern defaultProduct = Pattern.compile("arn:aws(-cn|-us-gov)?:securityhub:" + Pattern.quote(context.region())
                + ":" + account + ":product/" + account + "/default");
        for (JsonNode finding : findings) {
            String productArn = finding.path("ProductArn").asText("");
            if (!defaultProduct.matcher(productArn).matches() || !finding.path("AwsAccountId").asText("").equals(account)) {
                throw new AwsError("AccessDeniedException", 403, "User: " + context.caller().arn()
                        + " is not authorized to perform: securityhub:BatchImportFindings on resource: " + productArn);
            }
        }
    }

    /** What makes a finding invalid ASFF, as Security Hub words it, or empty when it is valid. */
    private static Optional<String> problem(JsonNode finding) {
        if (!finding.isObject()) {
            return Optional.of("data should be object");
        }
        for (String name : REQUIRED) {
            if (!finding.hasNonNull(name)) {
                return Optional.of("data should have required property '" + name + "'");
            }
        }
        if (!finding.get("SchemaVersion").asText().equals("2018-10-08")) {
            return Optional.of("data.SchemaVersion should be equal to 2018-10-08");
        }
        for (Map.Entry<String, Integer> limit : LIMITS.entrySet()) {
            if (finding.get(limit.getKey()).asText().length() > limit.getValue()) {
                return Optional.of("data." + limit.getKey() + " should NOT be longer than " + limit.getValue() + " characters");
            }
        }
        JsonNode resources = finding.get("Resources");
        if (!resources.isArray() || resources.isEmpty() || resources.size() > 32) {
            return Optional.of("data.Resources should have 1 to 32 items");
        }
        for (JsonNode resource : resources) {
            if (!resource.hasNonNull("Type") || !resource.hasNonNull("Id")) {
                return Optional.of("data.Resources items should have required properties 'Type' and 'Id'");
            }
        }
        JsonNode severity = finding.path("Severity");
        if (!severity.hasNonNull("Label") && !severity.hasNonNull("Normalized")
                && !finding.path("FindingProviderFields").path("Severity").hasNonNull("Label")) {
            return Optional.of("data should have a Severity Label or Normalized, or FindingProviderFields.Severity");
        }
        JsonNode fields = finding.path("ProductFields");
        if (fields.size() > 50) {
            return Optional.of("data.ProductFields should NOT have more than 50 properties");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().length() > 128 || field.getValue().asText().length() > 2048) {
                return Optional.of("data.ProductFields['" + field.getKey() + "'] is too long");
            }
        }
        return blankString(finding, "data");
    }

    /** The first string anywhere in the finding that is not {@code .*\S.*} (blank, or on several lines). */
    private static Optional<String> blankString(JsonNode node, String path) {
        if (node.isTextual()) {
            return NON_EMPTY_STRING.matcher(node.textValue()).matches() ? Optional.empty()
                    : Optional.of(path + " should match pattern \".*\\S.*\"");
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                Optional<String> found = blankString(field.getValue(), path + "." + field.getKey());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = blankString(node.get(i), path + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static AwsError invalidInput(String message) {
        return new AwsError("InvalidInputException", 400, message);
    }
}

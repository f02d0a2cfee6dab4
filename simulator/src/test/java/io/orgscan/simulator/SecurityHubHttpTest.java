package io.orgscan.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orgscan.simulator.scenario.MinimalScenario;
import io.orgscan.simulator.state.SecurityHubImports;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Security Hub's BatchImportFindings over plain HTTP: what it records and how it answers. (The AWS CLI
 * checks the same endpoint from the client side in src-test's SecurityHubImportTest.)
 */
class SecurityHubHttpTest {
    private static final String KEY = "AKIATESTTESTTEST0001";
    private static final String ACCOUNT = "111111111111";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private AwsSimulator simulator;

    @BeforeEach
    void start() throws Exception {
        simulator = AwsSimulator.start(MinimalScenario.parse(), 0, 0);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private HttpResponse<String> importFindings(String body, String region, boolean signed) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(simulator.endpoint().resolve("/findings/import"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signed) {
            request.header("Authorization", "AWS4-HMAC-SHA256 Credential=" + KEY + "/20260101/" + region
                    + "/securityhub/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123abcd");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ObjectNode finding(String id) {
        ObjectNode f = JSON.createObjectNode();
        f.put("SchemaVersion", "2018-10-08");
        f.put("Id", id);
        f.put("ProductArn", "arn:aws:securityhub:us-east-1:" + ACCOUNT + ":product/" + ACCOUNT + "/default");
        f.put("GeneratorId", "orgscan/IAM.28");
        f.put("AwsAccountId", ACCOUNT);
        f.putArray("Types").add("Software and Configuration Checks/Industry and Regulatory Standards/CIS AWS Foundations Benchmark");
        f.put("CreatedAt", "2026-12-03T10:00:00Z");
        f.put("UpdatedAt", "2026-12-03T10:00:00Z");
        f.putObject("Severity").put("Label", "HIGH");
        f.put("Title", "a title");
        f.put("Description", "a description");
        f.putArray("Resources").addObject().put("Type", "AwsAccount").put("Id", "AWS::::Account:222222222222");
        return f;
    }

    private static String batch(ObjectNode... findings) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("Findings");
        for (ObjectNode f : findings) {
            list.add(f);
        }
        return body.toString();
    }

    @Test
    void validFindingsAreImportedAndTheBodyIsRecordedAsItArrived() throws Exception {
        String body = batch(finding("a"), finding("b"));

        HttpResponse<String> response = importFindings(body, "us-east-1", true);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("SuccessCount").asInt()).isEqualTo(2);
        assertThat(answer.get("FailedCount").asInt()).isZero();
        assertThat(answer.get("FailedFindings")).isEmpty();
        List<SecurityHubImports.Import> imports = simulator.securityHubImports();
        assertThat(imports).containsExactly(new SecurityHubImports.Import(ACCOUNT, "us-east-1", body, 200, 0));
        assertThat(simulator.stats().count("securityhub", "BatchImportFindings", ACCOUNT)).isEqualTo(1);
    }

    @Test
    void invalidFindingsAreListedOneByOneAndTheOthersImported() throws Exception {
        ObjectNode blank = finding("blank");
        blank.put("Title", "   ");
        ObjectNode multiline = finding("multiline");
        multiline.put("Description", "two\nlines");
        ObjectNode longTitle = finding("long");
        longTitle.put("Title", "x".repeat(257));
        ObjectNode noResources = finding("no-resources");
        noResources.remove("Resources");
        ObjectNode noSeverity = finding("no-severity");
        noSeverity.remove("Severity");

        JsonNode answer = JSON.readTree(importFindings(batch(finding("ok"), blank, multiline, longTitle, noResources,
                noSeverity), "us-east-1", true).body());

        assertThat(answer.get("SuccessCount").asInt()).isEqualTo(1);
        assertThat(answer.get("FailedCount").asInt()).isEqualTo(5);
        assertThat(answer.get("FailedFindings")).extracting(f -> f.get("Id").asText())
                .containsExactly("blank", "multiline", "long", "no-resources", "no-severity");
        assertThat(answer.get("FailedFindings")).allSatisfy(f -> assertThat(f.get("ErrorCode").asText()).isEqualTo("InvalidInput"));
        assertThat(answer.get("FailedFindings").get(0).get("ErrorMessage").asText()).contains("data.Title should match pattern");
        assertThat(answer.get("FailedFindings").get(3).get("ErrorMessage").asText())
                .contains("data should have required property 'Resources'");
    }

    @Test
    void aFindingOfAnotherAccountOrRegionRefusesTheWholeCall() throws Exception {
        ObjectNode otherAccount = finding("other");
        otherAccount.put("AwsAccountId", "222222222222");
        ObjectNode otherProduct = finding("product");
        otherProduct.put("ProductArn", "arn:aws:securityhub:us-east-1:222222222222:product/222222222222/default");

        for (String body : List.of(batch(finding("ok"), otherAccount), batch(otherProduct),
                batch(finding("signed-elsewhere")).replace("us-east-1", "eu-west-1"))) {
            HttpResponse<String> response = importFindings(body, "us-east-1", true);
            assertThat(response.statusCode()).as(body).isEqualTo(403);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("AccessDeniedException");
            assertThat(JSON.readTree(response.body()).get("message").asText())
                    .contains("is not authorized to perform: securityhub:BatchImportFindings on resource: arn:aws:securityhub:");
        }
        assertThat(simulator.securityHubImports()).hasSize(3).allSatisfy(i -> assertThat(i.status()).isEqualTo(403));
    }

    @Test
    void aBatchOfNoneOrOverAHundredFindingsIsInvalidInput() throws Exception {
        ObjectNode[] many = new ObjectNode[101];
        for (int i = 0; i < many.length; i++) {
            many[i] = finding("f" + i);
        }
        for (String body : List.of("{\"Findings\":[]}", batch(many), "{}", "not json")) {
            HttpResponse<String> response = importFindings(body, "us-east-1", true);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("InvalidInputException");
        }
    }

    @Test
    void unsignedOrInADisabledRegionIsRefusedBeforeAnythingIsRecorded() throws Exception {
        HttpResponse<String> unsigned = importFindings(batch(finding("a")), "us-east-1", false);
        HttpResponse<String> disabled = importFindings(batch(finding("a")).replace("us-east-1", "af-south-1"), "af-south-1", true);

        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
        assertThat(disabled.statusCode()).isEqualTo(403);
        assertThat(disabled.headers().firstValue("x-amzn-ErrorType")).contains("UnrecognizedClientException");
        assertThat(simulator.securityHubImports()).isEmpty();
    }
}

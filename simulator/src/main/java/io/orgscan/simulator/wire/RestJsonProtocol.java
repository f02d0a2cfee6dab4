package io.orgscan.simulator.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * restJson1 (IAM Access Analyzer): the status comes from the model, the body is
 * {@code {"message":"..."}} with a lower-case key, and the code travels in {@code x-amzn-ErrorType}.
 */
public final class RestJsonProtocol implements Protocol {
    public static final String CONTENT_TYPE = "application/json";

    @Override
    public AwsError missingAuthentication() {
        return new AwsError("MissingAuthenticationTokenException", 403, "Missing Authentication Token");
    }

    @Override
    public AwsError incompleteSignature(String detail) {
        return new AwsError("IncompleteSignatureException", 403, detail);
    }

    @Override
    public AwsError unrecognizedClient() {
        return new AwsError("UnrecognizedClientException", 403, "The security token included in the request is invalid.");
    }

    @Override
    public AwsError expiredToken() {
        return new AwsError("ExpiredTokenException", 403, "The security token included in the request is expired");
    }

    /** Access Analyzer in a disabled region rejects the token itself, as for an unknown key. */
    @Override
    public AwsError regionDisabled(String accountId, String region) {
        return unrecognizedClient();
    }

    @Override
    public AwsError throttling() {
        return new AwsError("ThrottlingException", 429, "Rate exceeded");
    }

    @Override
    public AwsError internalError() {
        return new AwsError("InternalServerException", 500,
                "Request processing has failed due to some unknown error, exception or failure.");
    }

    @Override
    public AwsError unknownOperation(String operation) {
        return new AwsError("UnknownOperationException", 404, "Unknown operation " + operation);
    }

    @Override
    public AwsError malformedRequest(String detail) {
        return validation(detail, "cannotParse");
    }

    /** Access Analyzer's ValidationException; {@code reason} is one of its ValidationExceptionReason values. */
    public static AwsError validation(String message, String reason) {
        return new AwsError("ValidationException", 400, message, Map.of("reason", reason));
    }

    @Override
    public SimResponse render(AwsError error, String requestId) {
        ObjectNode body = JsonWriter.object();
        body.put("message", error.getMessage());
        error.fields().forEach((name, value) -> body.putPOJO(name, value));
        return SimResponse.of(error.status(), CONTENT_TYPE, JsonWriter.bytes(body),
                Map.of("x-amzn-RequestId", requestId, "x-amzn-ErrorType", error.code()));
    }
}

package io.orgscan.simulator.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * awsJson 1.1 (Organizations): errors are HTTP 400 for client faults with
 * {@code {"__type":"Code","Message":"..."}} and the code again in {@code x-amzn-ErrorType}.
 */
public final class AwsJsonProtocol implements Protocol {
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    @Override
    public AwsError missingAuthentication() {
        return new AwsError("MissingAuthenticationTokenException", 400, "Request is missing Authentication Token");
    }

    @Override
    public AwsError incompleteSignature(String detail) {
        return new AwsError("IncompleteSignatureException", 400, detail);
    }

    @Override
    public AwsError unrecognizedClient() {
        return new AwsError("UnrecognizedClientException", 400, "The security token included in the request is invalid.");
    }

    @Override
    public AwsError expiredToken() {
        return new AwsError("ExpiredTokenException", 400, "The security token included in the request is expired");
    }

    @Override
    public AwsError regionDisabled(String accountId, String region) {
        return unrecognizedClient();
    }

    @Override
    public AwsError throttling() {
        return new AwsError("TooManyRequestsException", 400,
                "AWS Organizations can't complete your request because the rate of requests is too high. Try again later.");
    }

    @Override
    public AwsError internalError() {
        return new AwsError("ServiceException", 500,
                "AWS Organizations can't complete your request because of an internal service error. Try again later.");
    }

    @Override
    public AwsError unknownOperation(String operation) {
        return new AwsError("UnknownOperationException", 400, "Unknown operation " + operation);
    }

    @Override
    public AwsError malformedRequest(String detail) {
        return new AwsError("SerializationException", 400, detail);
    }

    @Override
    public SimResponse render(AwsError error, String requestId) {
        ObjectNode body = JsonWriter.object();
        body.put("__type", error.code());
        body.put("Message", error.getMessage());
        error.fields().forEach((name, value) -> body.putPOJO(name, value));
        return SimResponse.of(error.status(), CONTENT_TYPE, JsonWriter.bytes(body),
                Map.of("x-amzn-RequestId", requestId, "x-amzn-ErrorType", error.code()));
    }
}

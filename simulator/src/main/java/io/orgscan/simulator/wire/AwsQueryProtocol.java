package io.orgscan.simulator.wire;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * awsQuery (STS): XML errors in {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>}.
 * Codes are the query codes, which can differ from the model's shape names
 * ({@code AccessDenied}, {@code Throttling}, {@code ExpiredToken}).
 */
public final class AwsQueryProtocol implements Protocol {
    public static final String CONTENT_TYPE = "text/xml";
    public static final String STS_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

    @Override
    public AwsError missingAuthentication() {
        return new AwsError("MissingAuthenticationToken", 403, "Request is missing Authentication Token");
    }

    @Override
    public AwsError incompleteSignature(String detail) {
        return new AwsError("IncompleteSignature", 400, detail);
    }

    @Override
    public AwsError unrecognizedClient() {
        return new AwsError("InvalidClientTokenId", 403, "The security token included in the request is invalid.");
    }

    @Override
    public AwsError expiredToken() {
        return new AwsError("ExpiredToken", 403, "The security token included in the request is expired");
    }

    @Override
    public AwsError regionDisabled(String accountId, String region) {
        return new AwsError("RegionDisabledException", 403, "STS is not activated in this region for account:" + accountId
                + ". Your account administrator can activate STS in this region using the IAM Console.");
    }

    @Override
    public AwsError throttling() {
        return new AwsError("Throttling", 400, "Rate exceeded");
    }

    @Override
    public AwsError internalError() {
        return new AwsError("InternalFailure", 500,
                "The request processing has failed because of an unknown error, exception or failure.");
    }

    @Override
    public AwsError unknownOperation(String operation) {
        return new AwsError("InvalidAction", 400, "Could not find operation " + operation + " for version 2011-06-15");
    }

    @Override
    public AwsError malformedRequest(String detail) {
        return new AwsError("MalformedQueryString", 400, detail);
    }

    @Override
    public SimResponse render(AwsError error, String requestId) {
        String xml = "<ErrorResponse xmlns=\"" + STS_NAMESPACE + "\">\n"
                + "  <Error>\n"
                + "    <Type>" + (error.isSenderFault() ? "Sender" : "Receiver") + "</Type>\n"
                + "    <Code>" + XmlEscaper.escape(error.code()) + "</Code>\n"
                + "    <Message>" + XmlEscaper.escape(error.getMessage()) + "</Message>\n"
                + "  </Error>\n"
                + "  <RequestId>" + requestId + "</RequestId>\n"
                + "</ErrorResponse>\n";
        return SimResponse.of(error.status(), CONTENT_TYPE, xml.getBytes(StandardCharsets.UTF_8),
                Map.of("x-amzn-RequestId", requestId));
    }
}

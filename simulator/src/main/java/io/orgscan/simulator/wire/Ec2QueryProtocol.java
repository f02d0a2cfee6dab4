package io.orgscan.simulator.wire;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The EC2 query protocol: XML errors in {@code <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/>}
 * (capital D). Throttling is {@code RequestLimitExceeded} with HTTP 503; bad or unusable credentials,
 * including a region the account has not enabled, are HTTP 401 {@code AuthFailure}; expired temporary
 * credentials are {@code RequestExpired}, as EC2 answers them.
 */
public final class Ec2QueryProtocol implements Protocol {
    public static final String CONTENT_TYPE = "text/xml;charset=UTF-8";
    public static final String EC2_NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";

    @Override
    public AwsError missingAuthentication() {
        return new AwsError("MissingAuthenticationToken", 401,
                "The request must contain either a valid (registered) AWS access key ID or X.509 certificate.");
    }

    @Override
    public AwsError incompleteSignature(String detail) {
        return new AwsError("IncompleteSignature", 400, detail);
    }

    @Override
    public AwsError unrecognizedClient() {
        return new AwsError("AuthFailure", 401, "AWS was not able to validate the provided access credentials");
    }

    @Override
    public AwsError expiredToken() {
        return new AwsError("RequestExpired", 400, "Request has expired.");
    }

    @Override
    public AwsError regionDisabled(String accountId, String region) {
        return unrecognizedClient();
    }

    @Override
    public AwsError throttling() {
        return new AwsError("RequestLimitExceeded", 503, "Request limit exceeded.");
    }

    @Override
    public AwsError internalError() {
        return new AwsError("InternalError", 500, "An internal error has occurred");
    }

    @Override
    public AwsError unknownOperation(String operation) {
        return new AwsError("InvalidAction", 400, "The action " + operation + " is not valid for this web service.");
    }

    @Override
    public AwsError malformedRequest(String detail) {
        return invalidParameterValue(detail);
    }

    public static AwsError invalidParameterValue(String message) {
        return new AwsError("InvalidParameterValue", 400, message);
    }

    @Override
    public SimResponse render(AwsError error, String requestId) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Response><Errors><Error><Code>" + XmlEscaper.escape(error.code()) + "</Code><Message>"
                + XmlEscaper.escape(error.getMessage()) + "</Message></Error></Errors><RequestID>" + requestId
                + "</RequestID></Response>";
        return SimResponse.of(error.status(), CONTENT_TYPE, xml.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}

package io.orgscan.aws;

import io.orgscan.model.Failure;
import io.orgscan.scan.AwsCallException;
import io.orgscan.scan.OrganizationRoleException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns SDK exceptions into {@link Failure} data at the boundary, so no SDK type leaks inward. */
final class Failures {
    private Failures() {
    }

    static AwsCallException of(String operation, RuntimeException thrown) {
        return new AwsCallException(failure(operation, thrown), thrown);
    }

    /** Assuming the role of {@code --org-role-arn} failed. */
    static OrganizationRoleException organizationRole(RuntimeException thrown) {
        return new OrganizationRoleException(failure("AssumeRole", thrown), thrown);
    }

    private static Failure failure(String operation, RuntimeException thrown) {
        if (thrown instanceof InvalidResponse invalid) {
            return new Failure(operation, InvalidResponse.CODE, invalid.getMessage(), 1);
        }
        SdkException sdk = find(thrown);
        if (sdk instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails().errorMessage();
            return new Failure(operation, code == null ? "HTTP " + service.statusCode() : code,
                    message == null ? "" : message, attempts(sdk));
        }
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = thrown.getMessage() == null ? root.toString() : thrown.getMessage();
        return new Failure(operation, root.getClass().getSimpleName(), message, sdk == null ? 1 : attempts(sdk));
    }

    private static int attempts(SdkException exception) {
        Integer attempts = exception.numAttempts();
        return attempts == null ? 1 : attempts;
    }

    private static SdkException find(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof AwsServiceException) {
                return (SdkException) t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return thrown instanceof SdkException sdk ? sdk : null;
    }
}

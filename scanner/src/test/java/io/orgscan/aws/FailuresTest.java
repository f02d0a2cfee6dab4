package io.orgscan.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.model.Failure;
import io.orgscan.scan.CauseClass;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import org.apache.http.HttpHost;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.conn.HttpHostConnectException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Each SDK failure as the user reads it: its class of cause, the endpoint, one short line. */
class FailuresTest {
    private static final URI STS = URI.create("https://sts.us-east-1.amazonaws.com");

    private static Failure failure(RuntimeException thrown) {
        return Failures.failure("GetCallerIdentity", STS, thrown);
    }

    @Test
    void aConnectTimeoutIsTheNetworkNamingTheEndpoint() {
        Failure failure = failure(SdkClientException.create("Unable to execute HTTP request: Connect to sts.us-east-1.amazonaws.com:443 failed",
                new ConnectTimeoutException("Connect to sts.us-east-1.amazonaws.com:443 failed: connect timed out")));
        assertThat(failure.errorCode()).isEqualTo("NetworkTimeout");
        assertThat(failure.message()).startsWith("endpoint https://sts.us-east-1.amazonaws.com did not answer (connect timed out)");
        assertThat(CauseClass.of(failure)).isEqualTo(CauseClass.NETWORK);
    }

    @Test
    void attemptAndCallTimeoutsAndSilentSocketsAreTimeouts() {
        for (RuntimeException thrown : new RuntimeException[] {
                ApiCallAttemptTimeoutException.create(30_000), ApiCallTimeoutException.create(30_000),
                SdkClientException.create("Unable to execute HTTP request: Read timed out", new SocketTimeoutException("Read timed out"))}) {
            Failure failure = failure(thrown);
            assertThat(failure.errorCode()).as(thrown.toString()).isEqualTo("NetworkTimeout");
            assertThat(failure.message()).contains("https://sts.us-east-1.amazonaws.com did not answer");
            assertThat(Failures.unanswered(thrown)).isTrue();
        }
    }

    @Test
    void refusedAndUnknownHostsAreTheNetwork() {
        Failure refused = failure(SdkClientException.create("Unable to execute HTTP request",
                new HttpHostConnectException(new ConnectException("Connection refused"), new HttpHost("127.0.0.1", 1))));
        assertThat(refused.errorCode()).isEqualTo("ConnectionRefused");
        assertThat(refused.message()).startsWith("endpoint https://sts.us-east-1.amazonaws.com refused the connection");
        Failure unknown = failure(SdkClientException.create("Unable to execute HTTP request",
                new UnknownHostException("sts.us-east-1.amazonaws.com: Name or service not known")));
        assertThat(unknown.errorCode()).isEqualTo("UnknownHost");
        assertThat(unknown.message()).startsWith("host sts.us-east-1.amazonaws.com not found (DNS)");
        assertThat(CauseClass.of(refused)).isEqualTo(CauseClass.NETWORK);
        assertThat(CauseClass.of(unknown)).isEqualTo(CauseClass.NETWORK);
        assertThat(Failures.unanswered(new RuntimeException("x"))).isFalse();
    }

    @Test
    void aProxysHtml502IsAServiceOrNetworkProblemNotCredentials() {
        AwsServiceException html = AwsServiceException.builder().statusCode(502)
                .message("<html><body><h1>502 Bad Gateway</h1></body></html>")
                .awsErrorDetails(AwsErrorDetails.builder().errorMessage("<html>...</html>").build()).build();
        Failure failure = failure(html);
        assertThat(failure.errorCode()).isEqualTo("HTTP 502");
        assertThat(failure.message()).isEqualTo("HTTP 502 without an AWS error from endpoint https://sts.us-east-1.amazonaws.com:"
                + " a network or service problem, not the credentials");
        assertThat(CauseClass.of(failure)).isEqualTo(CauseClass.SERVICE);
    }

    @Test
    void aCredentialsChainFailureIsOneShortLineNotTheWholeConfigFile() {
        StringBuilder profiles = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            profiles.append("profile-").append(i).append("=Profile(name=profile-").append(i).append("), ");
        }
        String sdk = "Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain("
                + "credentialsProviders=[SystemPropertyCredentialsProvider(), EnvironmentVariableCredentialsProvider(), "
                + "ProfileCredentialsProvider(profileName=default, profileFile=ProfileFile(sections=[profiles], profiles=["
                + profiles + "]))]) : [SystemPropertyCredentialsProvider(): Unable to load credentials ...]";
        Failure failure = failure(SdkClientException.create(sdk));
        assertThat(sdk.length()).isGreaterThan(2000);
        assertThat(failure.errorCode()).isEqualTo("CredentialsUnavailable");
        assertThat(failure.message()).hasSizeLessThanOrEqualTo(200).startsWith("no credentials found").doesNotContain("profile-7");
        assertThat(CauseClass.of(failure)).isEqualTo(CauseClass.CREDENTIALS);
    }

    @Test
    void aProfileWithoutCredentialsNamesTheProfileOnly() {
        Failure failure = failure(SdkClientException.create("Profile file contained no credentials for profile 'audit': "
                + "ProfileFile(sections=[profiles, sso-session], profiles=[Profile(name=audit, properties=[region]), "
                + "Profile(name=a), Profile(name=b), Profile(name=c)])"));
        assertThat(failure.message()).startsWith("profile 'audit' has no credentials").doesNotContain("name=b").hasSizeLessThanOrEqualTo(200);
    }

    @Test
    void aFailingCredentialProcessShowsTheLastLineOfItsStderr() {
        Failure failure = failure(SdkClientException.create("Command returned non-zero exit value (255) with error message: "
                + "Traceback (most recent call last):\n  File \"x\", line 1\nbotocore.exceptions.TokenRetrievalError: "
                + "Error when retrieving token from sso: Token has expired and refresh failed\n\n"));
        assertThat(failure.errorCode()).isEqualTo("CredentialsUnavailable");
        assertThat(failure.message()).isEqualTo("credential_process failed (exit 255): botocore.exceptions.TokenRetrievalError:"
                + " Error when retrieving token from sso: Token has expired and refresh failed");
    }

    @Test
    void awsErrorsKeepTheirCodeAndClass() {
        AwsServiceException denied = AwsServiceException.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidClientTokenId")
                        .errorMessage("The security token included in the request is invalid.").build()).build();
        Failure failure = failure(denied);
        assertThat(failure.errorCode()).isEqualTo("InvalidClientTokenId");
        assertThat(CauseClass.of(failure)).isEqualTo(CauseClass.CREDENTIALS);
        assertThat(CauseClass.of(new Failure("ListAnalyzers", "AccessDeniedException",
                "with an explicit deny in a service control policy", 1))).isEqualTo(CauseClass.SCP);
        assertThat(CauseClass.of(new Failure("ListAnalyzers", "AccessDeniedException", "no identity-based policy allows", 1)))
                .isEqualTo(CauseClass.PERMISSION);
        assertThat(CauseClass.of(new Failure("ListAccounts", "TooManyRequestsException", "", 14))).isEqualTo(CauseClass.THROTTLING);
    }
}

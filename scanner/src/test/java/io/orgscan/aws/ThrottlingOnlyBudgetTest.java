package io.orgscan.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * The Organizations client's budget of retries is for throttling only: the SDK's own adaptive strategy
 * (as ClientFactory builds it) retries a throttled call 20 times here, an unparsable answer 4 times.
 */
class ThrottlingOnlyBudgetTest {
    private static final SdkClientException UNPARSABLE = SdkClientException.create("Unable to unmarshall response",
            new IOException("Unexpected end-of-input"));
    private static final AwsServiceException THROTTLED = AwsServiceException.builder().statusCode(400)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("TooManyRequestsException").errorMessage("Rate exceeded")
                    .build()).build();

    private static RetryStrategy strategy() {
        return new ThrottlingOnlyBudget(AwsRetryStrategy.adaptiveRetryStrategy().toBuilder().maxAttempts(30)
                .backoffStrategy(BackoffStrategy.retryImmediately())
                .throttlingBackoffStrategy(BackoffStrategy.retryImmediately()).build(), 4);
    }

    /** Attempts made until the strategy refuses a retry, each failing with {@code failure}. */
    private static int attemptsUntilRefused(RetryStrategy strategy, Throwable failure) {
        RetryToken token = strategy.acquireInitialToken(AcquireInitialTokenRequest.create("organizations")).token();
        int attempts = 1;
        while (true) {
            try {
                token = strategy.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token).failure(failure)
                        .suggestedDelay(Duration.ZERO).build()).token();
                attempts++;
            } catch (TokenAcquisitionFailedException e) {
                return attempts;
            }
        }
    }

    @Test
    void anUnparsableAnswerGetsTheFewAttemptsAThrottleGetsTheBudget() {
        assertThat(ThrottlingOnlyBudget.throttled(THROTTLED)).isTrue();
        assertThat(ThrottlingOnlyBudget.throttled(UNPARSABLE)).isFalse();
        assertThat(attemptsUntilRefused(strategy(), UNPARSABLE)).isEqualTo(4);
        assertThat(attemptsUntilRefused(strategy(), THROTTLED)).isEqualTo(30);
    }

    @Test
    void throttlesDoNotUseUpTheOtherAttemptsAndASuccessIsPassedOn() {
        RetryStrategy strategy = strategy();
        RetryToken token = strategy.acquireInitialToken(AcquireInitialTokenRequest.create("organizations")).token();
        for (Throwable failure : new Throwable[] {UNPARSABLE, THROTTLED, THROTTLED, UNPARSABLE, THROTTLED, UNPARSABLE}) {
            token = strategy.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token).failure(failure).build())
                    .token();
        }
        RetryToken last = token;
        assertThatThrownBy(() -> strategy.refreshRetryToken(RefreshRetryTokenRequest.builder().token(last)
                .failure(UNPARSABLE).build())).isInstanceOf(TokenAcquisitionFailedException.class)
                .hasMessageContaining("4 attempts failed other than by throttling");
        assertThat(strategy.recordSuccess(RecordSuccessRequest.create(token)).token()).isNotNull();
    }
}

package io.orgscan.aws;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryUtils;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * A retry strategy whose budget of attempts is for throttling only: a call that fails otherwise (a
 * 5xx, a reset, an answer cut short or that cannot be parsed) gets {@code otherAttempts}, the few
 * every other call gets. The Organizations client retries throttling for minutes, and the SDK retries
 * an unparsable answer as it retries a throttle: without this, a proxy or endpoint that spoils
 * Organizations' answers would hold the scan for those minutes before saying so. Throttling is what
 * the SDK itself calls throttling ({@link RetryUtils#isThrottlingException}).
 */
final class ThrottlingOnlyBudget extends RetryStrategyDecorator {
    private final int otherAttempts;

    /** The wrapped strategy's token, and how many attempts of the call failed other than by throttling. */
    private record Token(RetryToken wrapped, int otherFailures) implements RetryToken {
    }

    ThrottlingOnlyBudget(RetryStrategy retries, int otherAttempts) {
        super(retries);
        if (otherAttempts < 1) {
            throw new IllegalArgumentException("otherAttempts must be at least 1: " + otherAttempts);
        }
        this.otherAttempts = otherAttempts;
    }

    @Override
    public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
        AcquireInitialTokenResponse response = retries.acquireInitialToken(request);
        return AcquireInitialTokenResponse.create(new Token(response.token(), 0), response.delay());
    }

    @Override
    public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
        Token token = (Token) request.token();
        int otherFailures = token.otherFailures() + (throttled(request.failure()) ? 0 : 1);
        if (otherFailures >= otherAttempts) {
            throw new TokenAcquisitionFailedException(otherFailures + " attempts failed other than by throttling: "
                    + "not retried further", token, request.failure());
        }
        RefreshRetryTokenResponse response = retries.refreshRetryToken(request.toBuilder().token(token.wrapped()).build());
        return RefreshRetryTokenResponse.create(new Token(response.token(), otherFailures), response.delay());
    }

    @Override
    public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
        Token token = (Token) request.token();
        RecordSuccessResponse response = retries.recordSuccess(RecordSuccessRequest.create(token.wrapped()));
        return RecordSuccessResponse.create(new Token(response.token(), token.otherFailures()));
    }

    static boolean throttled(Throwable failure) {
        return failure instanceof SdkException e && RetryUtils.isThrottlingException(e);
    }
}

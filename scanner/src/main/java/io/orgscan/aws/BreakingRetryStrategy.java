package io.orgscan.aws;

import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * A client's retry strategy that tells its endpoint's {@link EndpointBreaker} what each attempt got,
 * and does not retry, nor start, a call to an endpoint the breaker holds open. The retry strategy is
 * where the SDK reports every attempt's failure (an interceptor sees only the call's), so an endpoint
 * that stops answering stops costing attempt timeouts from its second one on. One client, one
 * endpoint: the clients of this scan are per service and region.
 */
final class BreakingRetryStrategy extends RetryStrategyDecorator {
    private final EndpointBreaker breaker;
    private final String endpoint;

    /** @param endpoint the client's {@link ClientFactory#endpointName} */
    BreakingRetryStrategy(RetryStrategy retries, EndpointBreaker breaker, String endpoint) {
        super(retries);
        this.breaker = breaker;
        this.endpoint = endpoint;
    }

    @Override
    public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
        breaker.refusal(endpoint).ifPresent(reason -> {
            throw new TokenAcquisitionFailedException(reason);
        });
        return retries.acquireInitialToken(request);
    }

    @Override
    public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
        if (Failures.unanswered(request.failure())) {
            breaker.unanswered(endpoint);
            if (breaker.isOpen(endpoint)) {
                throw new TokenAcquisitionFailedException(breaker.refusal(endpoint).orElseThrow(), request.token(), request.failure());
            }
        } else {
            // An answer, if only an error: the endpoint is there.
            breaker.answered(endpoint);
        }
        return retries.refreshRetryToken(request);
    }

    @Override
    public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
        breaker.answered(endpoint);
        return retries.recordSuccess(request);
    }
}

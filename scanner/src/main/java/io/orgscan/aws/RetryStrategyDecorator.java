package io.orgscan.aws;

import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * A retry strategy that adds one rule to the SDK's own ({@link BreakingRetryStrategy},
 * {@link ThrottlingOnlyBudget}): the token calls are the subclass's; the attempt limit and the
 * builder stay the wrapped strategy's, and the client's defaults never replace it.
 */
abstract class RetryStrategyDecorator implements RetryStrategy {
    protected final RetryStrategy retries;

    RetryStrategyDecorator(RetryStrategy retries) {
        this.retries = retries;
    }

    @Override
    public int maxAttempts() {
        return retries.maxAttempts();
    }

    @Override
    public boolean useClientDefaults() {
        return false;
    }

    @Override
    public Builder<?, ?> toBuilder() {
        return retries.toBuilder();
    }
}

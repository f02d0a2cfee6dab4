package io.orgscan.aws;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * {@code --max-parallel} as the network sees it: an HTTP client that lets at most that many
 * requests wait for their answers at once, whichever client and thread sends them. A permit is held
 * from sending a request until its answer arrives, not while the SDK builds, signs or reads a call,
 * nor while it backs off before a retry; so a thread that does that work does not keep one of the
 * permits off the network, and a few more threads than permits keep all of them on it.
 */
final class CallsInFlight implements SdkHttpClient {
    private final SdkHttpClient http;
    private final Semaphore permits;

    CallsInFlight(SdkHttpClient http, int maxInFlight) {
        this.http = http;
        this.permits = new Semaphore(maxInFlight);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        ExecutableHttpRequest exchange = http.prepareRequest(request);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                try {
                    permits.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // the SDK's call timeout interrupts, and looks for it
                    throw new InterruptedIOException("interrupted while waiting to send");
                }
                try {
                    return exchange.call();
                } finally {
                    permits.release();
                }
            }

            @Override
            public void abort() {
                exchange.abort();
            }
        };
    }

    @Override
    public String clientName() {
        return http.clientName();
    }

    @Override
    public void close() {
        http.close();
    }
}

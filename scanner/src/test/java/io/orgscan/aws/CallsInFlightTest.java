package io.orgscan.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The permits without a network (MaxParallelTest checks them end to end): an HTTP client whose
 * exchanges wait until the test lets them answer, or fail.
 */
@Timeout(20) // a permit that is never given back would leave a caller waiting for ever
class CallsInFlightTest {
    private static final HttpExecuteRequest REQUEST = HttpExecuteRequest.builder()
            .request(SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(URI.create("http://127.0.0.1:1/")).build())
            .build();

    /** Exchanges that block until {@link #answer} opens, counting how many are open at once. */
    private static final class HeldExchanges implements SdkHttpClient {
        final CountDownLatch answer = new CountDownLatch(1);
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();
        final AtomicInteger started = new AtomicInteger();
        volatile boolean fail;

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws IOException {
                    started.incrementAndGet();
                    peak.accumulateAndGet(open.incrementAndGet(), Math::max);
                    try {
                        if (fail) {
                            throw new IOException("connection reset");
                        }
                        answer.await();
                        return HttpExecuteResponse.builder().response(SdkHttpFullResponse.builder().statusCode(200).build()).build();
                    } catch (InterruptedException e) {
                        throw new InterruptedIOException();
                    } finally {
                        open.decrementAndGet();
                    }
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }
    }

    @Test
    void noMoreExchangesAtOnceThanPermits() throws Exception {
        HeldExchanges http = new HeldExchanges();
        CallsInFlight limited = new CallsInFlight(http, 2);
        List<Thread> callers = new ArrayList<>();
        AtomicInteger answered = new AtomicInteger();
        for (int i = 0; i < 6; i++) {
            Thread caller = new Thread(() -> {
                try {
                    limited.prepareRequest(REQUEST).call();
                    answered.incrementAndGet();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            callers.add(caller);
            caller.start();
        }
        waitUntil(() -> http.started.get() == 2);
        Thread.sleep(100); // time for a third exchange to start, were the limit not kept
        assertThat(http.started.get()).isEqualTo(2);

        http.answer.countDown();
        for (Thread caller : callers) {
            caller.join(10_000);
        }
        assertThat(answered.get()).isEqualTo(6);
        assertThat(http.peak.get()).isEqualTo(2);
    }

    @Test
    void aFailedExchangeGivesItsPermitBack() throws Exception {
        HeldExchanges http = new HeldExchanges();
        CallsInFlight limited = new CallsInFlight(http, 1);
        http.fail = true;
        assertThatThrownBy(() -> limited.prepareRequest(REQUEST).call()).isInstanceOf(IOException.class);
        http.fail = false;
        http.answer.countDown();

        assertThat(limited.prepareRequest(REQUEST).call().httpResponse().statusCode()).isEqualTo(200);
    }

    @Test
    void aCallerInterruptedWhileWaitingForAPermitStopsAndKeepsTheInterrupt() throws Exception {
        HeldExchanges http = new HeldExchanges();
        CallsInFlight limited = new CallsInFlight(http, 1);
        Thread holder = new Thread(() -> {
            try {
                limited.prepareRequest(REQUEST).call();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        holder.start();
        waitUntil(() -> http.started.get() == 1);

        AtomicInteger outcome = new AtomicInteger();
        Thread waiter = new Thread(() -> {
            try {
                limited.prepareRequest(REQUEST).call();
                outcome.set(1);
            } catch (InterruptedIOException e) {
                outcome.set(Thread.currentThread().isInterrupted() ? 2 : 3);
            } catch (IOException e) {
                outcome.set(4);
            }
        });
        waiter.start();
        Thread.sleep(100);
        waiter.interrupt();
        waiter.join(10_000);
        assertThat(outcome.get()).as("2: InterruptedIOException with the thread still interrupted").isEqualTo(2);
        assertThat(http.started.get()).as("the interrupted call never reached the network").isEqualTo(1);

        http.answer.countDown();
        holder.join(10_000);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}

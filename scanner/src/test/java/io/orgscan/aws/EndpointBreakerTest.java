package io.orgscan.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The per-endpoint breaker without a network. */
class EndpointBreakerTest {
    private static final String HUNG = EndpointBreaker.key(URI.create("https://access-analyzer.ap-east-2.amazonaws.com"));
    private static final String OTHER = EndpointBreaker.key(URI.create("https://access-analyzer.eu-west-1.amazonaws.com"));

    @Test
    void opensAfterConsecutiveUnansweredAttemptsToOneEndpointOnly() {
        EndpointBreaker breaker = new EndpointBreaker(2);
        breaker.unanswered(HUNG);
        assertThat(breaker.isOpen(HUNG)).isFalse();
        breaker.unanswered(HUNG);
        assertThat(breaker.isOpen(HUNG)).isTrue();
        assertThat(breaker.isOpen(OTHER)).isFalse();
        assertThat(breaker.refusal(HUNG)).contains("endpoint https://access-analyzer.ap-east-2.amazonaws.com did not answer"
                + " (2 attempts in a row timed out); its remaining calls were not sent");
        assertThat(breaker.refusal(OTHER)).isEmpty();
    }

    @Test
    void anAnswerInBetweenResetsTheCount() {
        EndpointBreaker breaker = new EndpointBreaker(2);
        breaker.unanswered(HUNG);
        breaker.answered(HUNG);
        breaker.unanswered(HUNG);
        assertThat(breaker.isOpen(HUNG)).isFalse();
        breaker.unanswered(HUNG);
        assertThat(breaker.isOpen(HUNG)).isTrue();
        breaker.answered(HUNG);
        assertThat(breaker.isOpen(HUNG)).isFalse();
    }

    @Test
    void theSameHostAndPortIsOneEndpointWhateverThePath() {
        EndpointBreaker breaker = new EndpointBreaker(2);
        breaker.unanswered(EndpointBreaker.key(URI.create("http://127.0.0.1:4566/")));
        breaker.unanswered(EndpointBreaker.key(URI.create("http://127.0.0.1:4566")));
        assertThat(breaker.isOpen(EndpointBreaker.key(URI.create("http://127.0.0.1:4566/x")))).isTrue();
        assertThat(breaker.isOpen(EndpointBreaker.key(URI.create("http://127.0.0.1:4567")))).isFalse();
    }

    @Test
    void behindOneEndpointUrlEachServiceAndRegionIsItsOwnEndpoint() {
        // The names ClientFactory.endpointName gives with --endpoint-url (EndpointBreakerWireTest).
        EndpointBreaker breaker = new EndpointBreaker(2);
        String hung = "http://127.0.0.1:4566 (access-analyzer ap-east-2)";
        String answering = "http://127.0.0.1:4566 (access-analyzer eu-west-1)";
        breaker.unanswered(hung);
        breaker.answered(answering);
        breaker.unanswered(hung);
        assertThat(breaker.isOpen(hung)).isTrue();
        assertThat(breaker.isOpen(answering)).isFalse();
        assertThat(breaker.refusal(hung)).contains("endpoint http://127.0.0.1:4566 (access-analyzer ap-east-2) did not"
                + " answer (2 attempts in a row timed out); its remaining calls were not sent");
    }

    @Test
    void countsEveryThreadsTimeouts() throws InterruptedException {
        EndpointBreaker breaker = new EndpointBreaker(1000);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int j = 0; j < 125; j++) {
                    breaker.unanswered(HUNG);
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(breaker.isOpen(HUNG)).isTrue();
        assertThat(breaker.isOpen(OTHER)).isFalse();
    }
}

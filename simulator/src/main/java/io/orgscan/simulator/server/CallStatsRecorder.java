package io.orgscan.simulator.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts calls per (service, operation, account, region) without a global lock, and the most calls
 * it was answering at once: what a client's limit on calls in flight looks like from the server.
 * Its {@link #snapshot} is a {@link CallStats}.
 */
public final class CallStatsRecorder {
    private record Key(String service, String operation, String accountId, String region) {
    }

    private static final class Counter {
        final LongAdder count = new LongAdder();
        final LongAdder errors = new LongAdder();
    }

    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    /** Wall-clock time of the latest answer, so a benchmark can tell when a client's last call ended. */
    private final AtomicLong lastAnswerEpochMillis = new AtomicLong();

    /** A call arrived; {@link #ended} follows once it is answered (its latency waited out). */
    void started() {
        int now = inFlight.incrementAndGet();
        peakInFlight.accumulateAndGet(now, Math::max);
    }

    void ended() {
        inFlight.decrementAndGet();
        lastAnswerEpochMillis.accumulateAndGet(System.currentTimeMillis(), Math::max);
    }

    void record(String service, String operation, String accountId, String region, boolean error) {
        Counter counter = counters.computeIfAbsent(new Key(service, operation, accountId, region), k -> new Counter());
        counter.count.increment();
        if (error) {
            counter.errors.increment();
        }
    }

    public CallStats snapshot() {
        List<CallStats.CallCount> calls = new ArrayList<>(counters.size());
        counters.forEach((key, counter) -> calls.add(new CallStats.CallCount(key.service(), key.operation(),
                key.accountId(), key.region(), counter.count.sum(), counter.errors.sum())));
        return new CallStats(calls, peakInFlight.get(), lastAnswerEpochMillis.get());
    }

    /** Forgets the counts and starts the peak again from the calls open now. */
    public void reset() {
        counters.clear();
        peakInFlight.set(inFlight.get());
        lastAnswerEpochMillis.set(0);
    }
}

package io.orgscan.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts calls per (service, operation, account, region) without a global lock. */
final class CallStatsRecorder {
    private record Key(String service, String operation, String accountId, String region) {
    }

    private static final class Counter {
        final LongAdder count = new LongAdder();
        final LongAdder errors = new LongAdder();
    }

    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();

    void record(String service, String operation, String accountId, String region, boolean error) {
        Counter counter = counters.computeIfAbsent(new Key(service, operation, accountId, region), k -> new Counter());
        counter.count.increment();
        if (error) {
            counter.errors.increment();
        }
    }

    SimulatorStats snapshot() {
        List<SimulatorStats.CallCount> calls = new ArrayList<>(counters.size());
        counters.forEach((key, counter) -> calls.add(new SimulatorStats.CallCount(key.service(), key.operation(),
                key.accountId(), key.region(), counter.count.sum(), counter.errors.sum())));
        return new SimulatorStats(calls);
    }

    void reset() {
        counters.clear();
    }
}

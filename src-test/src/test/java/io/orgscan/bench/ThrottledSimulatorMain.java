package io.orgscan.bench;

import io.orgscan.simulator.AwsSimulator;
import io.orgscan.simulator.scenario.Faults;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.scenario.SyntheticOrganization;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The simulator's command line for a synthetic organization with one throttled account-region,
 * which the simulator jar's own options cannot express:
 * {@code --synthetic N --ous M --seed S --latency-ms L [--throttle ACCOUNT:REGION:SERVICE:CALLS]}.
 * Run in a JVM of its own, like the simulator jar; prints {@code listening on URL} when ready.
 */
public final class ThrottledSimulatorMain {
    private ThrottledSimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        int accounts = 0;
        int ous = 10;
        long seed = 42;
        int latency = 0;
        Faults faults = Faults.NONE;
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--synthetic" -> accounts = Integer.parseInt(value);
                case "--ous" -> ous = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--latency-ms" -> latency = Integer.parseInt(value);
                case "--throttle" -> {
                    String[] rule = value.split(":");
                    faults = new Faults(0, Set.of(), Set.of(),
                            List.of(new Faults.ThrottleRule(rule[0], rule[1], rule[2], Integer.parseInt(rule[3]))),
                            List.of(), Optional.empty());
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Scenario scenario = SyntheticOrganization.generate(seed, accounts, ous).withFaults(faults);
        AwsSimulator simulator = AwsSimulator.start(scenario, 0, latency);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        System.out.println("listening on " + simulator.endpoint());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}

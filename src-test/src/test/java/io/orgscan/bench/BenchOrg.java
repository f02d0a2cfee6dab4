package io.orgscan.bench;

import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.scenario.SyntheticOrganization;

/**
 * A synthetic organization of the benchmark: the simulator process generates it from the same
 * (seed, accounts, OUs), and the benchmark generates it again in-process to learn its credentials
 * and work out C and D.
 */
record BenchOrg(int accounts, int ous, long seed) {
    static final long SEED = 42;

    Scenario scenario() {
        return SyntheticOrganization.generate(seed, accounts, ous);
    }

    String label() {
        return String.format("%,d accounts, %d OUs, seed %d", accounts, ous, seed);
    }
}

package io.orgscan.simulator.service;

import io.orgscan.simulator.scenario.Account;
import io.orgscan.simulator.state.CallerIdentity;
import io.orgscan.simulator.wire.SimRequest;
import java.time.Instant;

/**
 * One authenticated call as a service handler sees it.
 *
 * @param callerAccount the caller's account in the scenario, or null when the key belongs to an account
 *                      outside the organization
 * @param region        the region of the SigV4 scope
 */
public record CallContext(SimRequest request, CallerIdentity caller, Account callerAccount, String region,
                          String requestId, Instant now) {
}

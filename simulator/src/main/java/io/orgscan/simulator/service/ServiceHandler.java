package io.orgscan.simulator.service;

import io.orgscan.simulator.wire.AwsError;
import io.orgscan.simulator.wire.AwsService;
import io.orgscan.simulator.wire.Protocol;
import io.orgscan.simulator.wire.SimRequest;
import io.orgscan.simulator.wire.SimResponse;

/**
 * One AWS service: how its requests look, which operations it has, and the answers. Authentication,
 * region checks, faults, latency and stats happen before and around it, in the same way for all.
 */
public interface ServiceHandler {
    AwsService service();

    Protocol protocol();

    /** Whether an unauthenticated request has this service's shape (used when there is no SigV4 scope). */
    boolean recognizes(SimRequest request);

    /** The operation a request asks for, as AWS names it; a name the service lacks is still returned. */
    String operation(SimRequest request);

    boolean supports(String operation);

    /**
     * The {@code ParentId} a listing request names, for faults aimed at one parent's listing; null
     * when the request names none or cannot be read (the handler then answers it as it would anyway).
     */
    default String parentId(SimRequest request) {
        return null;
    }

    /**
     * Whether calls in this region must be enabled for the caller's account. Organizations is a
     * global service and never checks.
     */
    boolean checksRegion(String region);

    SimResponse handle(String operation, CallContext context) throws AwsError;
}

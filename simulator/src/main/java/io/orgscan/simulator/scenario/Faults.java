package io.orgscan.simulator.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Faults a scenario declares (its {@code faults} section). The counters that consume them live in
 * each running simulator's {@code FaultInjector}, so one scenario can back several simulators, each
 * starting afresh.
 *
 * @param latencyMs           from each AWS request's arrival to its response
 * @param assumeRoleDenied    accounts into which AssumeRole is refused with AccessDenied
 * @param listAnalyzersDenied (account, region) pairs where ListAnalyzers answers AccessDeniedException
 * @param throttle            the first N matching calls are throttled with each protocol's signal
 * @param internalError       the first N matching calls fail with each protocol's HTTP 500
 * @param credentialLifetime  when present, AssumeRole credentials expire after this long
 * @param responses           the first N matching calls get a spoiled answer ({@link ResponseRule})
 */
public record Faults(int latencyMs, Set<String> assumeRoleDenied, Set<AccountRegion> listAnalyzersDenied,
                     List<ThrottleRule> throttle, List<InternalErrorRule> internalError,
                     Optional<Duration> credentialLifetime, List<ResponseRule> responses) {
    public static final Faults NONE = new Faults(0, Set.of(), Set.of(), List.of(), List.of(), Optional.empty());

    /** The services faults may name, as the simulator's stats name them. */
    public static final Set<String> SERVICES = Set.of("organizations", "sts", "ec2", "access-analyzer");

    public Faults {
        if (latencyMs < 0) {
            throw new IllegalArgumentException("faults.latencyMs must not be negative");
        }
        assumeRoleDenied = Set.copyOf(assumeRoleDenied);
        listAnalyzersDenied = Set.copyOf(listAnalyzersDenied);
        throttle = List.copyOf(throttle);
        internalError = List.copyOf(internalError);
        Objects.requireNonNull(credentialLifetime, "credentialLifetime");
        responses = List.copyOf(responses);
    }

    /** Faults without spoiled answers. */
    public Faults(int latencyMs, Set<String> assumeRoleDenied, Set<AccountRegion> listAnalyzersDenied,
                  List<ThrottleRule> throttle, List<InternalErrorRule> internalError, Optional<Duration> credentialLifetime) {
        this(latencyMs, assumeRoleDenied, listAnalyzersDenied, throttle, internalError, credentialLifetime, List.of());
    }

    /** These faults and one more spoiled-answer rule, after the others. */
    public Faults withResponse(ResponseRule rule) {
        List<ResponseRule> more = new java.util.ArrayList<>(responses);
        more.add(rule);
        return new Faults(latencyMs, assumeRoleDenied, listAnalyzersDenied, throttle, internalError, credentialLifetime, more);
    }

    /** An account and a region. */
    public record AccountRegion(String account, String region) {
        public AccountRegion {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(region, "region");
        }
    }

    /**
     * Throttle calls made by an account in a region: of the calls that match, the first
     * {@code afterCalls} pass and the next {@code calls} are throttled. Each optional field narrows
     * the match, so a rule can throttle one listing: {@code ListAccountsForParent} of one parent, whose
     * pages are asked one after another (with {@code afterCalls} 1, its second page).
     *
     * @param service    null for calls to any service
     * @param operation  null for any operation
     * @param parentId   null for any; else only calls whose {@code ParentId} is this (Organizations'
     *                   ListAccountsForParent and ListOrganizationalUnitsForParent)
     * @param afterCalls matching calls let through before the throttling starts
     */
    public record ThrottleRule(String account, String region, String service, String operation, String parentId,
                               int afterCalls, int calls) {
        public ThrottleRule {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(region, "region");
            if (calls < 0) {
                throw new IllegalArgumentException("throttle calls must not be negative");
            }
            if (afterCalls < 0) {
                throw new IllegalArgumentException("throttle afterCalls must not be negative");
            }
        }

        /** Throttle the first {@code calls} calls of the account-region (to {@code service}, or any when null). */
        public ThrottleRule(String account, String region, String service, int calls) {
            this(account, region, service, null, null, 0, calls);
        }
    }

    /** Fail the first {@code count} matching calls with HTTP 500; a null field matches anything. */
    public record InternalErrorRule(String account, String region, String service, String operation, int count) {
        public InternalErrorRule {
            if (count < 0) {
                throw new IllegalArgumentException("internalError count must not be negative");
            }
        }
    }

    /**
     * Spoil the answer of the first {@code calls} matching calls (every matching call when null) as
     * {@code mode} says; a null field matches any call. The call is served first (its stats and its
     * side effects are those of a normal call) and its answer then spoiled, so a truncated body is a
     * prefix of the real one.
     */
    public record ResponseRule(String service, String operation, String account, String region, ResponseMode mode,
                               Integer calls) {
        public ResponseRule {
            Objects.requireNonNull(mode, "mode");
            if (mode == ResponseMode.NO_DEFAULT_REGIONS && !("ec2".equals(service) && "DescribeRegions".equals(operation))) {
                throw new IllegalArgumentException("responses mode " + mode.wireName() + " spoils ec2 DescribeRegions "
                        + "only: give service ec2 and operation DescribeRegions");
            }
            if (calls != null && calls < 0) {
                throw new IllegalArgumentException("responses calls must not be negative");
            }
        }

        /**
         * Reads the command line's {@code MODE:SERVICE[:OPERATION[:ACCOUNT[:REGION[:CALLS]]]]}, an empty or
         * {@code *} field matching anything.
         */
        public static ResponseRule parse(String text) {
            String[] parts = text.split(":", -1);
            if (parts.length < 2 || parts.length > 6) {
                throw new IllegalArgumentException("--respond takes MODE:SERVICE[:OPERATION[:ACCOUNT[:REGION[:CALLS]]]], got \""
                        + text + "\"");
            }
            String calls = field(parts, 5);
            try {
                return new ResponseRule(field(parts, 1), field(parts, 2), field(parts, 3), field(parts, 4),
                        ResponseMode.of(parts[0]), calls == null ? null : Integer.valueOf(calls));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--respond CALLS must be a whole number, got \"" + calls + "\"");
            }
        }

        private static String field(String[] parts, int index) {
            return index >= parts.length || parts[index].isEmpty() || parts[index].equals("*") ? null : parts[index];
        }
    }
}

package io.orgscan.scan;

import io.orgscan.evaluate.AccountObservation;
import io.orgscan.evaluate.CoverageEvaluator;
import io.orgscan.evaluate.RecordedObservations;
import io.orgscan.evaluate.RegionDeny;
import io.orgscan.evaluate.RegionObservation;
import io.orgscan.evaluate.ScanObservations;
import io.orgscan.model.AccountRef;
import io.orgscan.model.CoverageMatrix;
import io.orgscan.model.CoveragePolicy;
import io.orgscan.model.ErrorRecord;
import io.orgscan.model.Failure;
import io.orgscan.model.ScanMetadata;
import io.orgscan.model.ScanResult;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs one scan: observes the organization through an {@link AwsGateway}, then hands every
 * observation to the pure {@link CoverageEvaluator}. Accounts are scanned as the tree walk finds
 * them, each as one chain (session, regions, then its region listings) on a bounded pool.
 *
 * <p>Threads, and why each is there: the scan's own thread asks GetCallerIdentity and waits; the
 * walkers, a fixed pool of {@link ScanLimits#organizationsParallel()} threads, ask the other opening
 * calls (all Organizations calls) alongside it and then walk the tree, so the walk is never held up
 * behind account work; {@link PriorityWorkers} run the per-account chains, region listings first;
 * a {@link TaskTracker} tells the scan's thread when the last chain is done.
 */
public final class ScanService {
    public static final String TOOL_NAME = "orgscan";

    private final AwsGateway aws;
    private final Clock clock;
    private final Supplier<String> scanIds;
    private final String toolVersion;
    private final ScanLimits limits;
    private final ScanProgress progress;

    public ScanService(AwsGateway aws, Clock clock, Supplier<String> scanIds, String toolVersion,
                       ScanLimits limits, ScanProgress progress) {
        this.aws = aws;
        this.clock = clock;
        this.scanIds = scanIds;
        this.toolVersion = toolVersion;
        this.limits = limits;
        this.progress = progress;
    }

    public ScanResult run(ScanSettings settings) throws ScanCannotStartException, InterruptedException {
        Instant startedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ExecutorService walkers = Executors.newFixedThreadPool(limits.organizationsParallel(), daemon("orgscan-walk"));
        try {
            return run(settings, startedAt, walkers);
        } finally {
            walkers.shutdownNow();
        }
    }

    private ScanResult run(ScanSettings settings, Instant startedAt, ExecutorService walkers)
            throws ScanCannotStartException, InterruptedException {
        // The opening calls and ListRoots depend on nothing: ask them at once, judge them in this order.
        Future<OrganizationInfo> organizationCall = walkers.submit(aws::organization);
        Future<Optional<String>> administratorCall = walkers.submit(aws::accessAnalyzerDelegatedAdministrator);
        Future<List<OrgNode>> rootsCall = walkers.submit(aws::roots);
        Future<ServiceControlPolicies> policiesCall = settings.scpDeniedRegions() == ScpDeniedRegions.NOT_APPLICABLE
                ? walkers.submit(() -> ServiceControlPolicies.read(aws, walkers)) : null;
        progress.waitingOn("sts:GetCallerIdentity in " + settings.homeRegion());
        CallerIdentity caller = require(aws::callerIdentity, "cannot tell who is calling (sts:GetCallerIdentity)",
                settings.homeRegion().equals("us-east-1")
                        ? "check the credentials (--profile, AWS_*); GovCloud/China: --region us-gov-west-1, cn-north-1"
                        : "check the credentials: --profile, AWS_PROFILE or AWS_ACCESS_KEY_ID");
        progress.waitingOn("organizations:DescribeOrganization and the organization's listing");
        OrganizationInfo organization = require(() -> outcome(organizationCall),
                "cannot read the organization (organizations:DescribeOrganization)",
                "the scan must run from an account of an AWS Organization");
        // Before any account is opened: a scan asked to judge SCP-denied regions cannot start without the SCPs.
        ServiceControlPolicies policies = null;
        if (policiesCall != null) {
            try {
                policies = outcome(policiesCall);
            } catch (AwsCallException e) {
                throw cannotStart(e, "cannot read the SCPs (organizations:" + e.failure().operation() + ")",
                        "needed by --scp-denied-regions not-applicable: use the management account or --org-role-arn");
            }
        }
        ConcurrentLinkedQueue<ErrorRecord> errors = new ConcurrentLinkedQueue<>();
        String delegatedAdministrator = null;
        Failure administratorFailure = null;
        try {
            Optional<String> found = outcome(administratorCall);
            delegatedAdministrator = found.orElse(null);
        } catch (AwsCallException e) {
            administratorFailure = e.failure();
            errors.add(new ErrorRecord(null, null, e.failure()));
        }
        Set<String> administrators = new TreeSet<>();
        administrators.add(organization.managementAccountId());
        if (delegatedAdministrator != null) {
            administrators.add(delegatedAdministrator);
        }

        Map<String, AccountScan> accounts = new ConcurrentHashMap<>();
        Map<String, List<String>> ancestries = new ConcurrentHashMap<>();
        TaskTracker tracker = new TaskTracker();
        try (PriorityWorkers workers = new PriorityWorkers(limits.workerThreads(), limits.openingAccounts(), "orgscan-scan")) {
            String admin = delegatedAdministrator;
            OrganizationWalker walker = new OrganizationWalker(aws, walkers);
            walker.walk(outcome(rootsCall), found -> {
                AccountScan scan = discovered(found, settings, organization, admin);
                accounts.put(scan.account.id(), scan);
                ancestries.put(scan.account.id(), found.ancestry());
                progress.accountDiscovered();
                if (needsScanning(scan, settings.policy(), administrators)) {
                    tracker.begin();
                    workers.submit(PriorityWorkers.Priority.ACCOUNT,
                            () -> scanAccount(scan, settings, workers, tracker, errors));
                } else {
                    progress.accountDone();
                }
            });
            tracker.await();
            if (tracker.failure() != null) {
                throw new IllegalStateException("the scan failed unexpectedly", tracker.failure());
            }
        } catch (AwsCallException e) {
            throw cannotStart(e, "cannot list the organization (organizations:" + e.failure().operation() + ")",
                    "the scan needs the permissions in samples/iam/scanner-policy.json");
        }

        List<AccountObservation> observations = accounts.values().stream()
                .sorted(Comparator.comparing(a -> a.account.id()))
                .map(AccountScan::observation)
                .toList();
        List<String> universe = universe(settings, observations);
        Set<String> excluded = new TreeSet<>(settings.scope().excludeRegions());
        excluded.retainAll(universe);
        Map<String, List<RegionDeny>> regionDenies = policies == null ? Map.of()
                : regionDenies(policies, ancestries, organization.managementAccountId());
        ScanObservations seen = new ScanObservations(organization.managementAccountId(),
                delegatedAdministrator, settings.policy(), universe, excluded, observations, regionDenies,
                administratorFailure);
        CoverageMatrix matrix = new CoverageEvaluator().evaluate(seen);

        ScanMetadata metadata = new ScanMetadata(scanIds.get(), startedAt, clock.instant().truncatedTo(ChronoUnit.SECONDS),
                caller.arn(), caller.accountId(), organization.id(), organization.managementAccountId(),
                delegatedAdministrator, caller.partition(), settings.policy(), TOOL_NAME, toolVersion, settings.parameters(),
                policies == null ? null : policies.policies());
        List<ErrorRecord> sortedErrors = new ArrayList<>(errors);
        sortedErrors.sort(RecordedObservations.ERROR_ORDER);
        return new ScanResult(metadata, matrix, sortedErrors, RecordedObservations.of(seen));
    }

    /** Per account, the region-deny statements attached on its path; never for the management account, which SCPs never restrict. */
    private static Map<String, List<RegionDeny>> regionDenies(ServiceControlPolicies policies, Map<String, List<String>> ancestries,
                                                              String managementAccountId) {
        Map<String, List<RegionDeny>> denies = new HashMap<>();
        ancestries.forEach((accountId, ancestry) -> {
            if (accountId.equals(managementAccountId)) {
                return;
            }
            List<String> path = new ArrayList<>(ancestry);
            path.add(accountId);
            List<RegionDeny> applying = policies.applyingTo(path);
            if (!applying.isEmpty()) {
                denies.put(accountId, applying);
            }
        });
        return denies;
    }

    private static AccountScan discovered(DiscoveredAccount found, ScanSettings settings, OrganizationInfo organization,
                                          String delegatedAdministrator) {
        AccountListing listing = found.listing();
        AccountRef ref = new AccountRef(listing.id(), listing.name(), listing.email(), listing.state(), found.ouPath(),
                listing.id().equals(organization.managementAccountId()), listing.id().equals(delegatedAdministrator));
        return new AccountScan(ref, settings.scope().includesAccount(listing.id(), found.ancestry()));
    }

    /**
     * Active accounts in scope are scanned; so are the management account and the delegated
     * administrator under the org policy even when out of scope, because their organization
     * analyzers decide other accounts' cells.
     */
    private static boolean needsScanning(AccountScan scan, CoveragePolicy policy, Set<String> administrators) {
        if (!scan.account.state().isActive()) {
            return false;
        }
        return scan.inScope || (policy == CoveragePolicy.ORG && administrators.contains(scan.account.id()));
    }

    private void scanAccount(AccountScan scan, ScanSettings settings, PriorityWorkers workers, TaskTracker tracker,
                             ConcurrentLinkedQueue<ErrorRecord> errors) {
        String accountId = scan.account.id();
        ScanScope scope = settings.scope();
        try {
            AccountSession session;
            try {
                session = waitingFor("sts:AssumeRole into " + accountId, () -> aws.session(accountId));
            } catch (AwsCallException e) {
                scan.sessionFailed(e.failure());
                errors.add(new ErrorRecord(accountId, null, e.failure()));
                if (scan.account.management() && settings.policy() == CoveragePolicy.ORG) {
                    progress.notice(managementUnreadable(accountId, e.failure()));
                }
                return;
            }
            try {
                scan.regionsRead(waitingFor("ec2:DescribeRegions of " + accountId, session::regions));
            } catch (AwsCallException e) {
                scan.regionsFailed(e.failure());
                errors.add(new ErrorRecord(accountId, null, e.failure()));
                return;
            }
            List<String> toList = scan.regionStatus().entrySet().stream()
                    .filter(e -> e.getValue().isEnabled() && scope.scansRegion(e.getKey()))
                    .map(Map.Entry::getKey)
                    .sorted()
                    .toList();
            progress.regionsPlanned(toList.size());
            for (String region : toList) {
                scan.unfinished.incrementAndGet();
                tracker.begin();
                workers.submit(PriorityWorkers.Priority.REGION, () -> listRegion(scan, session, region, tracker, errors));
            }
        } catch (RuntimeException e) {
            tracker.fail(e);
        } finally {
            finishPart(scan);
            tracker.end();
        }
    }

    /**
     * Under the org policy the management account's organization analyzers may cover every member,
     * so not reading them leaves members unknown; said at once, since the fix is to rerun.
     */
    private String managementUnreadable(String accountId, Failure failure) {
        return "the management account " + accountId + "'s analyzers cannot be read (role " + aws.memberRoleName() + ": "
                + failure.errorCode() + "): members without an analyzer of their own are INSUFFICIENT_DATA wherever the"
                + " delegated administrator has no ACTIVE organization analyzer; give --org-role-arn a role in the"
                + " management account, or deploy the member role there";
    }

    private void listRegion(AccountScan scan, AccountSession session, String region, TaskTracker tracker,
                            ConcurrentLinkedQueue<ErrorRecord> errors) {
        try {
            scan.listed(region, RegionObservation.listed(
                    waitingFor("access-analyzer:ListAnalyzers in " + region, () -> session.analyzers(region))));
        } catch (AwsCallException e) {
            Failure failure = e.failure();
            scan.listed(region, RegionObservation.failed(failure));
            errors.add(new ErrorRecord(scan.account.id(), region, failure));
        } catch (RuntimeException e) {
            tracker.fail(e);
        } finally {
            progress.regionDone();
            finishPart(scan);
            tracker.end();
        }
    }

    private void finishPart(AccountScan scan) {
        if (scan.unfinished.decrementAndGet() == 0) {
            progress.accountDone();
        }
    }

    /** The regions that get a column: {@code --regions} if given, else every region seen, and the home region. */
    private static List<String> universe(ScanSettings settings, List<AccountObservation> observations) {
        if (!settings.scope().regions().isEmpty()) {
            return List.copyOf(new TreeSet<>(settings.scope().regions()));
        }
        Set<String> seen = new HashSet<>();
        seen.add(settings.homeRegion());
        for (AccountObservation observation : observations) {
            seen.addAll(observation.regionStatus().keySet());
        }
        return seen.stream().sorted().toList();
    }

    private interface Call<T> {
        T get() throws AwsCallException, InterruptedException;
    }

    private interface MemberCall<T> {
        T get() throws AwsCallException;
    }

    /** {@code call}'s result, the progress line knowing meanwhile that the scan waits for {@code what}. */
    private <T> T waitingFor(String what, MemberCall<T> call) throws AwsCallException {
        ScanProgress.Waiting waiting = progress.calling(what);
        try {
            return call.get();
        } finally {
            waiting.close();
        }
    }

    /** The result of a call run on another thread, or its failure as thrown. */
    private static <T> T outcome(Future<T> task) throws AwsCallException, InterruptedException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AwsCallException callFailure) {
                throw callFailure;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * Why a call the scan cannot start without failed, for the user: {@code what} and {@code hint},
     * unless assuming the role for the Organizations calls ({@code --org-role-arn}) failed.
     */
    private static ScanCannotStartException cannotStart(AwsCallException e, String what, String hint) {
        Failure failure = e.failure();
        boolean role = e instanceof OrganizationRoleException;
        String problem = e instanceof OrganizationRoleException refused
                ? "cannot assume --org-role-arn " + refused.roleArn() + " (sts:AssumeRole)" : what;
        String advice = CauseClass.of(failure).hint().orElse(role ? "it must exist and trust the scan's identity" : hint);
        if (failure.errorCode().equals(CauseClass.CREDENTIALS_UNAVAILABLE) && !role) {
            // No credentials were loaded, so no call was made: the provider's own line says what to set.
            return ScanCannotStartException.of(null, failure.errorCode(), failure.message(), null, e);
        }
        return ScanCannotStartException.of(problem, failure.errorCode(), failure.message(), advice, e);
    }

    private static <T> T require(Call<T> call, String what, String hint) throws ScanCannotStartException, InterruptedException {
        try {
            return call.get();
        } catch (AwsCallException e) {
            throw cannotStart(e, what, hint);
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

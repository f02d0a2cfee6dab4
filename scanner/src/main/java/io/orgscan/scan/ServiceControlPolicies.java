package io.orgscan.scan;

import io.orgscan.evaluate.RegionDeny;
import io.orgscan.evaluate.RegionDenyStatements;
import io.orgscan.model.ServiceControlPolicy;
import io.orgscan.model.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The organization's service control policies as the scan reads them for
 * {@code --scp-denied-regions not-applicable}: ListPolicies (SCP filter), DescribePolicy for each, and
 * ListTargetsForPolicy only for a policy with a region-deny statement ({@link RegionDenyStatements}):
 * FullAWSAccess is attached to every root, OU and account, and must not cost a call per target.
 *
 * @param policies      every SCP read, in ListPolicies order
 * @param deniesByTarget per root, OU or account id, the region-deny statements of the policies attached to it
 */
record ServiceControlPolicies(List<ServiceControlPolicy> policies, Map<String, List<RegionDeny>> deniesByTarget) {

    /** Reads them; DescribePolicy and ListTargetsForPolicy run side by side on {@code executor}. */
    static ServiceControlPolicies read(AwsGateway aws, ExecutorService executor) throws AwsCallException, InterruptedException {
        List<ScpSummary> summaries = aws.serviceControlPolicies();
        List<Future<String>> contents = new ArrayList<>();
        for (ScpSummary summary : summaries) {
            contents.add(executor.submit(() -> aws.policyContent(summary.id())));
        }
        List<String> texts = new ArrayList<>();
        List<List<RegionDeny>> denies = new ArrayList<>();
        List<Future<List<String>>> targets = new ArrayList<>();
        for (int i = 0; i < summaries.size(); i++) {
            String content = outcome(contents.get(i));
            List<RegionDeny> statements = RegionDenyStatements.of(summaries.get(i).id(), content);
            String policyId = summaries.get(i).id();
            texts.add(content);
            denies.add(statements);
            targets.add(statements.isEmpty() ? null : executor.submit(() -> aws.policyTargets(policyId)));
        }
        List<ServiceControlPolicy> policies = new ArrayList<>();
        Map<String, List<RegionDeny>> byTarget = new LinkedHashMap<>();
        for (int i = 0; i < summaries.size(); i++) {
            List<String> attachedTo = targets.get(i) == null ? List.of() : outcome(targets.get(i));
            for (String target : attachedTo) {
                byTarget.computeIfAbsent(target, t -> new ArrayList<>()).addAll(denies.get(i));
            }
            policies.add(new ServiceControlPolicy(summaries.get(i).id(), summaries.get(i).name(), Sha256.of(texts.get(i).getBytes(StandardCharsets.UTF_8)),
                    denies.get(i).stream().map(RegionDeny::sid).toList(), attachedTo));
        }
        return new ServiceControlPolicies(policies, byTarget);
    }

    /**
     * The region-deny statements that apply to an account: those attached to the root, then to each OU
     * down its path, then to the account itself, each level in ListPolicies order.
     *
     * @param path the root id, the OU ids down to the account's parent, and the account id
     */
    List<RegionDeny> applyingTo(List<String> path) {
        List<RegionDeny> applying = new ArrayList<>();
        for (String level : path) {
            applying.addAll(deniesByTarget.getOrDefault(level, List.of()));
        }
        return applying;
    }

    private static <T> T outcome(Future<T> task) throws AwsCallException, InterruptedException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AwsCallException failure) {
                throw failure;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

}

package io.orgscan.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * Walks the organization tree top-down (ListRoots, then per node ListOrganizationalUnitsForParent
 * and ListAccountsForParent), so the number of calls grows with OUs, not with accounts times depth,
 * and each account's OU path is known the moment it is found. Accounts are handed on as soon as a
 * page of them arrives, so scanning starts while the walk goes on. The roots come from the caller,
 * which lists them together with the scan's opening calls.
 */
final class OrganizationWalker {
    private final AwsGateway aws;
    private final ExecutorService executor;
    private final TaskTracker tracker = new TaskTracker();

    OrganizationWalker(AwsGateway aws, ExecutorService executor) {
        this.aws = aws;
        this.executor = executor;
    }

    /**
     * Walks the whole tree below {@code roots}, calling {@code onAccount} from walker threads; fails
     * on the first failed call.
     */
    void walk(List<OrgNode> roots, Consumer<DiscoveredAccount> onAccount) throws AwsCallException, InterruptedException {
        for (OrgNode root : roots) {
            visit(root, root.name(), List.of(root.id()), onAccount);
        }
        tracker.await();
        Throwable failure = tracker.failure();
        if (failure instanceof AwsCallException callFailure) {
            throw callFailure;
        }
        if (failure != null) {
            throw new IllegalStateException("walking the organization failed", failure);
        }
    }

    /** A node's accounts and its child OUs are listed side by side: neither listing needs the other. */
    private void visit(OrgNode node, String path, List<String> ancestry, Consumer<DiscoveredAccount> onAccount) {
        inBackground(() -> aws.accounts(node.id(), page -> {
            for (AccountListing listing : page) {
                onAccount.accept(new DiscoveredAccount(listing, path, ancestry));
            }
        }));
        inBackground(() -> {
            for (OrgNode child : aws.organizationalUnits(node.id())) {
                List<String> childAncestry = new ArrayList<>(ancestry);
                childAncestry.add(child.id());
                visit(child, path + "/" + child.name(), childAncestry, onAccount);
            }
        });
    }

    private interface Listing {
        void run() throws AwsCallException;
    }

    private void inBackground(Listing listing) {
        tracker.begin();
        executor.execute(() -> {
            try {
                listing.run();
            } catch (AwsCallException | RuntimeException e) {
                tracker.fail(e);
            } finally {
                tracker.end();
            }
        });
    }
}

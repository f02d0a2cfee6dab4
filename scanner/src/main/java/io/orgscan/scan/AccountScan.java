package io.orgscan.scan;

import io.orgscan.evaluate.AccountObservation;
import io.orgscan.evaluate.RegionObservation;
import io.orgscan.model.AccountRef;
import io.orgscan.model.Failure;
import io.orgscan.model.RegionOptStatus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The observations of one account while worker threads fill them in. */
final class AccountScan {
    final AccountRef account;
    final boolean inScope;
    private volatile Failure sessionFailure;
    private volatile Failure regionsFailure;
    private volatile Map<String, RegionOptStatus> regionStatus = Map.of();
    private final Map<String, RegionObservation> regions = new ConcurrentHashMap<>();
    /** Region listings not yet finished, plus one for the account's own chain. */
    final AtomicInteger unfinished = new AtomicInteger(1);

    AccountScan(AccountRef account, boolean inScope) {
        this.account = account;
        this.inScope = inScope;
    }

    void sessionFailed(Failure failure) {
        this.sessionFailure = failure;
    }

    void regionsFailed(Failure failure) {
        this.regionsFailure = failure;
    }

    void regionsRead(Map<String, RegionOptStatus> status) {
        this.regionStatus = Map.copyOf(status);
    }

    Map<String, RegionOptStatus> regionStatus() {
        return regionStatus;
    }

    void listed(String region, RegionObservation observation) {
        regions.put(region, observation);
    }

    AccountObservation observation() {
        return new AccountObservation(account, inScope, sessionFailure, regionsFailure, regionStatus, regions);
    }
}

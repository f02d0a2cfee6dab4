package io.orgscan.simulator.service;

import io.orgscan.simulator.wire.PageToken;
import java.util.List;

/**
 * One page of a listing and the token for the next, or null on the last page.
 */
record Page<T>(List<T> items, String nextToken) {
    /**
     * @param offset where this page starts (0 or a decoded token)
     * @param size   the page size the service grants
     * @param scope  the listing's token scope
     */
    static <T> Page<T> slice(List<T> all, int offset, int size, PageToken tokens, String scope) {
        int end = Math.min(all.size(), offset + size);
        List<T> items = offset >= all.size() ? List.of() : all.subList(offset, end);
        return new Page<>(items, end < all.size() ? tokens.encode(scope, end) : null);
    }
}

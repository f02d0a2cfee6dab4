package io.orgscan.scan;

import io.orgscan.model.Analyzer;
import io.orgscan.model.RegionOptStatus;
import java.util.List;
import java.util.Map;

/** Read access to one member account, through its assumed role (or the caller's own credentials). */
public interface AccountSession {
    /** EC2 DescribeRegions with AllRegions: every region with its opt-in status for this account. */
    Map<String, RegionOptStatus> regions() throws AwsCallException;

    /** Access Analyzer ListAnalyzers in one region, over all pages. */
    List<Analyzer> analyzers(String region) throws AwsCallException;
}

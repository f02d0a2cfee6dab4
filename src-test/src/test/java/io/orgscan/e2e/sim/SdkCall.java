package io.orgscan.e2e.sim;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;

/** One representative read call per service, so cross-protocol behaviour is tested the same way for all four. */
enum SdkCall {
    ORGANIZATIONS("organizations", "ListRoots") {
        @Override
        void invoke(WireFixture fixture, AwsCredentialsProvider credentials, Region region) {
            try (OrganizationsClient client = fixture.organizations(credentials, region)) {
                client.listRoots();
            }
        }
    },
    STS("sts", "GetCallerIdentity") {
        @Override
        void invoke(WireFixture fixture, AwsCredentialsProvider credentials, Region region) {
            try (StsClient client = fixture.sts(credentials, region)) {
                client.getCallerIdentity();
            }
        }
    },
    EC2("ec2", "DescribeRegions") {
        @Override
        void invoke(WireFixture fixture, AwsCredentialsProvider credentials, Region region) {
            try (Ec2Client client = fixture.ec2(credentials, region)) {
                client.describeRegions(r -> r.allRegions(true));
            }
        }
    },
    ACCESS_ANALYZER("access-analyzer", "ListAnalyzers") {
        @Override
        void invoke(WireFixture fixture, AwsCredentialsProvider credentials, Region region) {
            try (AccessAnalyzerClient client = fixture.accessAnalyzer(credentials, region)) {
                client.listAnalyzers(r -> r.maxResults(10));
            }
        }
    };

    final String service;
    final String operation;

    SdkCall(String service, String operation) {
        this.service = service;
        this.operation = operation;
    }

    abstract void invoke(WireFixture fixture, AwsCredentialsProvider credentials, Region region);
}

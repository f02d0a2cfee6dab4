package io.orgscan.simulator.wire;

/** The services the simulator speaks, named as SigV4 scopes (and the simulator's stats) name them. */
public enum AwsService {
    ORGANIZATIONS("organizations"),
    STS("sts"),
    EC2("ec2"),
    ACCESS_ANALYZER("access-analyzer"),
    /** Only BatchImportFindings, to check what orgscan's findings.asff.json sends. */
    SECURITY_HUB("securityhub");

    private final String signingName;

    AwsService(String signingName) {
        this.signingName = signingName;
    }

    /** The SigV4 signing name, e.g. {@code access-analyzer}; also the service name in stats. */
    public String signingName() {
        return signingName;
    }

    /** The service for a SigV4 scope's service part, or null when the simulator does not speak it. */
    public static AwsService fromSigningName(String name) {
        for (AwsService service : values()) {
            if (service.signingName.equals(name)) {
                return service;
            }
        }
        return null;
    }
}

package io.orgscan.bench;

import io.orgscan.e2e.OrgscanInProcess;
import io.orgscan.simulator.AwsSimulator;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.scenario.SyntheticOrganization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the scan.json of a real scan of a synthetic organization (the simulator and the scanner in
 * this process), to time {@code orgscan report} on it: a scan.json that re-proves itself, as
 * {@code orgscan report} requires. A main class, for docs/bench/new-formats.sh:
 *
 * <pre>
 * ./mvnw -q -pl scanner -am install -DskipTests
 * ./mvnw -q -pl src-test test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-cp %classpath io.orgscan.bench.SyntheticScanFile 10000 200 42 /tmp/orgscan-10k"
 * </pre>
 */
public final class SyntheticScanFile {
    private SyntheticScanFile() {
    }

    public static void main(String[] args) throws Exception {
        int accounts = Integer.parseInt(args[0]);
        int ous = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        Path out = Path.of(args[3]);
        Scenario scenario = SyntheticOrganization.generate(seed, accounts, ous);
        Scenario.Credentials management = scenario.credentials().get(0);
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", management.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", management.secretAccessKey(), "AWS_REGION", "us-east-1");
        try (AwsSimulator simulator = AwsSimulator.start(scenario, 0, 0)) {
            OrgscanInProcess.Result result = OrgscanInProcess.run(env, "scan", "--endpoint-url",
                    simulator.endpoint().toString(), "--format", "json", "--out-dir", out.toString());
            System.out.println(result.out());
            System.err.println(result.err());
            System.out.println("exit " + result.exitCode() + "; scan.json " + Files.size(out.resolve("scan.json"))
                    + " bytes in " + out);
        }
    }
}

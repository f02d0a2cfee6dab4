package io.orgscan.e2e.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.e2e.OrgscanInProcess;
import io.orgscan.simulator.AwsSimulator;
import io.orgscan.simulator.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GovCloud and China keys used against us-east-1 (no region given) are refused by STS with
 * InvalidClientTokenId, as if they were wrong (issue 13 item 6): the start-up line then suggests the
 * partition's home region, within the 200 characters of a start-up line. With a region given the
 * hint would mislead, and is left out. On the wire: the simulator's STS refuses the unknown keys.
 */
class PartitionHintTest {
    @TempDir
    Path dir;

    private OrgscanInProcess.Result scan(AwsSimulator simulator, String region) {
        Map<String, String> env = new HashMap<>(Map.of("AWS_ACCESS_KEY_ID", "AKIAGOVCLOUDKEY00001",
                "AWS_SECRET_ACCESS_KEY", "govcloud-secret"));
        if (region != null) {
            env.put("AWS_REGION", region);
        }
        return OrgscanInProcess.run(env, "scan", "--endpoint-url", simulator.endpoint().toString(),
                "--out-dir", dir.resolve("out").toString());
    }

    @Test
    void refusedKeysWithoutARegionSuggestThePartitionsHomeRegionInOneShortLine() throws Exception {
        try (AwsSimulator simulator = AwsSimulator.start(
                ScenarioLoader.load(Path.of("src/test/resources/scenarios/hostile-answers.json")), 0, 0)) {
            OrgscanInProcess.Result noRegion = scan(simulator, null);
            assertThat(noRegion.exitCode()).as(noRegion.all()).isEqualTo(2);
            assertThat(noRegion.startLine()).contains("(sts:GetCallerIdentity): InvalidClientTokenId")
                    .contains("check the credentials").endsWith("GovCloud/China: --region us-gov-west-1, cn-north-1");

            OrgscanInProcess.Result withRegion = scan(simulator, "eu-west-1");
            assertThat(withRegion.exitCode()).as(withRegion.all()).isEqualTo(2);
            assertThat(withRegion.startLine()).contains("InvalidClientTokenId").doesNotContain("us-gov-west-1");
            assertThat(dir.resolve("out")).doesNotExist();
            System.out.println("PartitionHintTest: " + noRegion.startLine().length() + " characters: " + noRegion.startLine());
        }
    }
}

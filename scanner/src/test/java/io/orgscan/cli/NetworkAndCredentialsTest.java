package io.orgscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 points 7 and 8 without AWS: an endpoint that does not answer, profiles whose credentials
 * cannot be had. Each gets one line on stderr naming the real class of cause, exit 2, no folder.
 */
@Timeout(60)
class NetworkAndCredentialsTest {
    @TempDir
    Path dir;

    /** Accepts connections and never answers: a hung endpoint, or a firewall that swallows requests. */
    private static final class SilentServer implements AutoCloseable {
        final ServerSocket socket;
        final List<Socket> held = new ArrayList<>();
        final Thread acceptor;

        SilentServer() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket s = socket.accept();
                        synchronized (held) {
                            held.add(s);
                        }
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (held) {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }

    private Map<String, String> keys(String endpoint) {
        return new HashMap<>(Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE", "AWS_SECRET_ACCESS_KEY", "x",
                "AWS_ENDPOINT_URL", endpoint, "AWS_CONFIG_FILE", dir.resolve("none").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", dir.resolve("none").toString()));
    }

    @Test
    void anEndpointThatDoesNotAnswerAtTheStartIsTheNetworkWithinOneAttemptTimeout() throws Exception {
        try (SilentServer server = new SilentServer()) {
            Map<String, String> env = keys(server.url());
            env.put(ScanJob.TIMEOUT_MS, "1500");
            Path out = dir.resolve("out");
            long started = System.nanoTime();
            BadInputTest.Run run = BadInputTest.run(env, "scan", "--out-dir", out.toString());
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).contains("cannot tell who is calling (sts:GetCallerIdentity): NetworkTimeout: endpoint "
                    + server.url() + " did not answer").contains("a network problem, not the credentials")
                    .doesNotContain("check the credentials").doesNotContain("\tat ");
            BadInputTest.assertShortStartLine(run.err());
            // one attempt's time (1.5 s here, 30 s for real), not a call's retries (3 minutes for real)
            assertThat(seconds).isLessThan(10);
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void aProfilesRegionIsTheHomeRegion() throws Exception {
        Path config = Files.writeString(dir.resolve("config"), "[profile moon]\nregion = moon-base-1x\n"
                + "aws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = x\n");
        Map<String, String> env = Map.of("AWS_CONFIG_FILE", config.toString(), "AWS_SHARED_CREDENTIALS_FILE",
                dir.resolve("none").toString(), "AWS_ENDPOINT_URL", "http://127.0.0.1:9");
        BadInputTest.Run run = BadInputTest.run(env, "scan", "--profile", "moon", "--out-dir", dir.resolve("out").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().strip()).isEqualTo("orgscan: region of profile moon: 'moon-base-1x' is not an AWS region name (like us-east-1)");
        // --region, and the variables, come first, as in the AWS CLI
        Map<String, String> withVariable = new HashMap<>(env);
        withVariable.put("AWS_REGION", "eu-west-1");
        assertThat(BadInputTest.run(withVariable, "scan", "--profile", "moon", "--out-dir", dir.resolve("out").toString()).err())
                .doesNotContain("moon-base-1x").contains("GetCallerIdentity");
    }

    @Test
    void refusedCredentialsWithoutARegionSuggestThePartitionsHomeRegion() throws Exception {
        BadInputTest.Run run = BadInputTest.run(keys("http://127.0.0.1:9"), "scan", "--out-dir", dir.resolve("out").toString());
        // refused by the network here, so no hint about partitions: that hint goes with a credentials failure
        assertThat(run.err()).doesNotContain("us-gov-west-1");
    }

    @Test
    void aFailingCredentialProcessShowsItsLastStderrLineInOneShortLine() throws Exception {
        Path config = Files.writeString(dir.resolve("config"), "[profile sso]\nregion = us-gov-west-1\n"
                + "credential_process = sh -c \"echo first line >&2; echo Error: the SSO token has expired >&2; exit 3\"\n"
                + profilesEnough());
        Map<String, String> env = Map.of("AWS_CONFIG_FILE", config.toString(), "AWS_SHARED_CREDENTIALS_FILE",
                dir.resolve("none").toString(), "AWS_ENDPOINT_URL", "http://127.0.0.1:9");
        Path out = dir.resolve("out");
        BadInputTest.Run run = BadInputTest.run(env, "scan", "--profile", "sso", "--out-dir", out.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        String line = BadInputTest.assertShortStartLine(run.err());
        assertThat(line).contains("CredentialsUnavailable: credential_process failed (exit 3): Error: the SSO token has expired")
                .doesNotContain("first line").doesNotContain("profile-17");
        assertThat(line.length()).isLessThan(400);
        assertThat(out).doesNotExist();
    }

    @Test
    void aLoginSessionProfileGetsTheWorkingAlternative() throws Exception {
        Path config = Files.writeString(dir.resolve("config"), "[profile console]\nregion = eu-west-1\n"
                + "login_session = arn:aws:iam::111111111111:user/alice\n" + profilesEnough());
        Map<String, String> env = Map.of("AWS_CONFIG_FILE", config.toString(), "AWS_SHARED_CREDENTIALS_FILE",
                dir.resolve("none").toString(), "AWS_ENDPOINT_URL", "http://127.0.0.1:9");
        BadInputTest.Run run = BadInputTest.run(env, "scan", "--profile", "console", "--out-dir", dir.resolve("out").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(BadInputTest.assertShortStartLine(run.err())).endsWith("CredentialsUnavailable: profile 'console' uses"
                + " login_session (aws login): set credential_process = aws configure export-credentials --profile console"
                + " --format process");
    }

    @Test
    void aProfileWithoutCredentialsDoesNotListTheConfigFile() throws Exception {
        Path config = Files.writeString(dir.resolve("config"), "[profile empty]\nregion = eu-west-1\n" + profilesEnough());
        Map<String, String> env = Map.of("AWS_CONFIG_FILE", config.toString(), "AWS_SHARED_CREDENTIALS_FILE",
                dir.resolve("none").toString(), "AWS_ENDPOINT_URL", "http://127.0.0.1:9");
        BadInputTest.Run run = BadInputTest.run(env, "scan", "--profile", "empty", "--out-dir", dir.resolve("out").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        String line = BadInputTest.assertShortStartLine(run.err());
        assertThat(line).contains("CredentialsUnavailable").doesNotContain("profile-17");
        assertThat(line.length()).isLessThan(400);
    }

    /** Forty more profiles: the SDK's message would list them all. */
    private static String profilesEnough() {
        StringBuilder more = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            more.append("[profile profile-").append(i).append("]\nregion = us-east-1\n");
        }
        return more.toString();
    }
}

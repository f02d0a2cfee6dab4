package io.orgscan.e2e.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Debian's tinyproxy (installed by {@code .ci/run}) on a free loopback port, with its own config and
 * log in a temp folder: a real HTTP proxy that the scanner's calls must go through, and whose log
 * proves they did.
 */
final class TinyProxy implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/tinyproxy");

    private final Process process;
    private final Path log;
    private final int port;

    private TinyProxy(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    static TinyProxy start(Path dir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path log = dir.resolve("tinyproxy.log");
        Path config = Files.writeString(dir.resolve("tinyproxy.conf"), String.join("\n",
                "Port " + port, "Listen 127.0.0.1", "Allow 127.0.0.1", "LogFile \"" + log + "\"", "LogLevel Info",
                "Timeout 60", "MaxClients 200", ""));
        Process process = new ProcessBuilder(BINARY.toString(), "-d", "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("tinyproxy.out").toFile())
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                break;
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline) || !process.isAlive()) {
                    process.destroy();
                    throw new IOException("tinyproxy did not start: " + Files.readString(dir.resolve("tinyproxy.out")));
                }
                Thread.sleep(50);
            }
        }
        return new TinyProxy(process, log, port);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The requests the proxy forwarded, as its log lists them ("POST http://127.0.0.1:port/ HTTP/1.1"). */
    List<String> requests() throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("]: Request (file descriptor"))
                .map(line -> line.substring(line.indexOf("): ") + 3))
                .toList();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}

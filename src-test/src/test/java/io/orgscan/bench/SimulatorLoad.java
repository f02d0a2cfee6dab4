package io.orgscan.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Measures how many calls per second the simulator itself can answer: keep-alive connections, each
 * sending the same signed ListAnalyzers request again as soon as the previous answer arrived. The
 * client is a few lines of socket code, so it costs far less CPU per call than an SDK client, and
 * what it measures is the simulator.
 */
final class SimulatorLoad {
    /** @param callsPerSecond answered calls per second; every answer was HTTP 200 */
    record Result(int connections, double seconds, long calls, double callsPerSecond, double simulatorCpuPerThousand) {
    }

    private SimulatorLoad() {
    }

    static Result run(SimulatorProcess simulator, String accessKeyId, int connections, double warmupSeconds,
                      double seconds) throws IOException, InterruptedException {
        URI endpoint = simulator.endpoint();
        byte[] request = ("GET /analyzer HTTP/1.1\r\n"
                + "Host: " + endpoint.getHost() + ":" + endpoint.getPort() + "\r\n"
                + "X-Amz-Date: 20260101T000000Z\r\n"
                + "Authorization: AWS4-HMAC-SHA256 Credential=" + accessKeyId
                + "/20260101/us-east-1/access-analyzer/aws4_request, SignedHeaders=host;x-amz-date, Signature=00\r\n"
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder answered = new LongAdder();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < connections; i++) {
            Thread thread = new Thread(() -> {
                try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream());
                    while (!stop.get()) {
                        out.write(request);
                        out.flush();
                        int status = readResponse(in);
                        if (status != 200) {
                            throw new IOException("HTTP " + status);
                        }
                        if (counting.get()) {
                            answered.increment();
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    if (!stop.get()) {
                        failures.add(e);
                    }
                }
            }, "simulator-load-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        Thread.sleep((long) (warmupSeconds * 1000));
        double cpuBefore = simulator.cpuSeconds();
        long started = System.nanoTime();
        counting.set(true);
        Thread.sleep((long) (seconds * 1000));
        counting.set(false);
        double elapsed = (System.nanoTime() - started) / 1e9;
        double cpu = simulator.cpuSeconds() - cpuBefore;
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        if (!failures.isEmpty()) {
            throw new IOException("load on the simulator failed: " + failures.get(0), failures.get(0));
        }
        long calls = answered.sum();
        return new Result(connections, elapsed, calls, calls / elapsed, calls == 0 ? Double.NaN : cpu / calls * 1000);
    }

    /**
     * Loads the simulator in rounds of {@code roundSeconds} until its CPU per call settles (two rounds
     * in a row within 10% of each other) or {@code maxSeconds} have passed; returns how long that took.
     * A fresh simulator JVM keeps getting faster under load for 10 to 20 s while its JIT compiles the
     * request path (0 ms, 64 connections: 0.46 ms of CPU per call in the first 2 s, 0.08 ms after
     * 10 s), so a capacity measured sooner is that of a JVM warming up.
     */
    static double settle(SimulatorProcess simulator, String accessKeyId, int connections, double roundSeconds,
                         double maxSeconds) throws IOException, InterruptedException {
        long started = System.nanoTime();
        double previous = Double.NaN;
        while (true) {
            double cpuPerThousand = run(simulator, accessKeyId, connections, 0, roundSeconds).simulatorCpuPerThousand();
            double elapsed = (System.nanoTime() - started) / 1e9;
            if (Math.abs(cpuPerThousand - previous) <= 0.1 * previous || elapsed >= maxSeconds) {
                return elapsed;
            }
            previous = cpuPerThousand;
        }
    }

    /** Reads one HTTP/1.1 response with a Content-Length body; returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        int length = 0;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon > 0 && header.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(header.substring(colon + 1).trim());
            }
        }
        in.skipNBytes(length);
        return status;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
        throw new IOException("connection closed by the simulator");
    }
}

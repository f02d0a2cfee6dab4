package io.orgscan.simulator.server;

import com.sun.net.httpserver.Headers;
import io.orgscan.simulator.wire.SimRequest;
import io.orgscan.simulator.wire.SimResponse;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulator's HTTP/1.1 server on 127.0.0.1: one thread per connection, which reads a request,
 * answers it and reads the next. AWS clients keep their connections alive and send one request at
 * a time on each, so a call costs one read and one write and no hand-off between threads. (The JDK's
 * {@code HttpServer}, which passes every request from its selector thread to a worker and the
 * connection back again, spent several times the CPU per call and made the simulator the bottleneck
 * of the benchmarks; see docs/BENCHMARKS.md.) Latency sleeps on the connection's own thread.
 *
 * <p>It reads Content-Length and chunked bodies, answers {@code Expect: 100-continue}, and sends
 * every response with a Content-Length, so connections stay reusable.
 */
public final class SimHttpServer implements AutoCloseable {
    /** Answers one request; may sleep (the simulated latency). */
    public interface Responder {
        SimResponse respond(SimRequest request) throws InterruptedException;
    }

    private static final int BACKLOG = 1024;
    /** More connections than any client opens; the rest are refused rather than queued. */
    private static final int MAX_CONNECTIONS = 4096;
    private static final int IDLE_TIMEOUT_MILLIS = 120_000;
    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_HEADERS = 256;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final ServerSocket listener;
    private final Responder responder;
    private final ThreadPoolExecutor connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private SimHttpServer(ServerSocket listener, Responder responder) {
        this.listener = listener;
        this.responder = responder;
        AtomicInteger count = new AtomicInteger();
        this.connections = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "aws-simulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.acceptor = new Thread(this::accept, "aws-simulator-accept");
        acceptor.setDaemon(true);
    }

    /** Listens on the loopback address ({@code port} 0 picks a free one) and starts serving. */
    public static SimHttpServer start(int port, Responder responder) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            // 127.0.0.1 literally: getLoopbackAddress() is ::1 when the JVM prefers IPv6, and endpoint() says 127.0.0.1.
            listener.bind(new InetSocketAddress(InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1}), port), BACKLOG);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        SimHttpServer server = new SimHttpServer(listener, responder);
        server.acceptor.start();
        return server;
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            try {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
                open.add(socket);
                connections.execute(() -> serve(socket));
            } catch (IOException | RejectedExecutionException e) {
                closeQuietly(socket);
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            RequestReader in = new RequestReader(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            boolean keepAlive = true;
            while (keepAlive && !closed) {
                String requestLine = line(in, true);
                if (requestLine == null) {
                    return; // the client closed the connection between requests
                }
                if (requestLine.isEmpty()) {
                    continue; // a stray CRLF between requests is allowed
                }
                String[] parts = requestLine.split(" ");
                if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
                    write(out, badRequest("malformed request line"), false, false);
                    return;
                }
                Headers headers = new Headers();
                for (String header = line(in, false); !header.isEmpty(); header = line(in, false)) {
                    int colon = header.indexOf(':');
                    if (colon <= 0 || headers.size() >= MAX_HEADERS) {
                        write(out, badRequest("malformed header"), false, false);
                        return;
                    }
                    headers.add(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
                }
                String connection = lower(headers.getFirst("Connection"));
                keepAlive = parts[2].equals("HTTP/1.1") ? !connection.contains("close") : connection.contains("keep-alive");
                if (lower(headers.getFirst("Expect")).equals("100-continue")) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                byte[] body = body(in, headers);
                URI target = URI.create(parts[1].startsWith("/") ? "http://localhost" + parts[1] : parts[1]);
                SimRequest request = new SimRequest(parts[0], target.getRawPath(), target.getRawQuery(), headers, body);
                SimResponse response = responder.respond(request);
                switch (response.delivery()) {
                    case NORMAL -> write(out, response, keepAlive, parts[0].equals("HEAD"));
                    case HANG -> {
                        awaitClose(socket);
                        return;
                    }
                    case RESET -> {
                        socket.setSoLinger(true, 0);
                        return;
                    }
                    case CLOSE_MID_BODY -> {
                        writeHalf(out, response);
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SocketTimeoutException | SocketException e) {
            // idle too long, or the client went away
        } catch (IOException | IllegalArgumentException e) {
            // a request that cannot be read (or a URI that cannot be parsed): drop the connection
        } finally {
            open.remove(socket);
        }
    }

    private static byte[] body(RequestReader in, Headers headers) throws IOException {
        if (lower(headers.getFirst("Transfer-Encoding")).contains("chunked")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = line(in, false);
                int semicolon = size.indexOf(';');
                int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (length == 0) {
                    while (!line(in, false).isEmpty()) {
                        // trailers: ignored
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(length));
                line(in, false);
            }
        }
        String length = headers.getFirst("Content-Length");
        if (length == null) {
            return new byte[0];
        }
        return in.readNBytes(Integer.parseInt(length.trim()));
    }

    private static void write(OutputStream out, SimResponse response, boolean keepAlive, boolean headOnly) throws IOException {
        byte[] body = response.body();
        StringBuilder text = new StringBuilder(256)
                .append("HTTP/1.1 ").append(response.status()).append(' ').append(reason(response.status())).append("\r\n")
                .append("Date: ").append(HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n")
                .append("Content-Type: ").append(response.contentType()).append("\r\n");
        response.headers().forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
        text.append("Content-Length: ").append(body.length).append("\r\n");
        if (!keepAlive) {
            text.append("Connection: close\r\n");
        }
        text.append("\r\n");
        out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!headOnly) {
            out.write(body);
        }
        out.flush();
    }

    /**
     * A hung answer: reads and drops whatever the client sends until it closes the connection (or the
     * idle timeout, or the server closing), so the thread is released as soon as the client gives up.
     */
    private void awaitClose(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] sink = new byte[1024];
        while (!closed) {
            try {
                if (in.read(sink) < 0) {
                    return;
                }
            } catch (SocketTimeoutException e) {
                return;
            }
        }
    }

    /** The headers of {@code response} with its full Content-Length, then half its body. */
    private static void writeHalf(OutputStream out, SimResponse response) throws IOException {
        byte[] body = response.body();
        String head = "HTTP/1.1 " + response.status() + " " + reason(response.status()) + "\r\n"
                + "Content-Type: " + response.contentType() + "\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body, 0, body.length / 2);
        out.flush();
    }

    private static SimResponse badRequest(String why) {
        return SimResponse.of(400, "text/plain; charset=utf-8", "bad request: " + why);
    }

    /** One line without its CRLF; null at the end of the stream when {@code endOk}, else an IOException. */
    private static String line(RequestReader in, boolean endOk) throws IOException {
        return in.line(endOk);
    }

    /** A buffered reader of request bytes for one connection's thread (no locking per byte). */
    private static final class RequestReader {
        private final InputStream in;
        private final byte[] buffer = new byte[16 * 1024];
        private int position;
        private int limit;

        RequestReader(InputStream in) {
            this.in = in;
        }

        private boolean fill() throws IOException {
            int read = in.read(buffer);
            if (read <= 0) {
                return false;
            }
            position = 0;
            limit = read;
            return true;
        }

        String line(boolean endOk) throws IOException {
            StringBuilder line = null;
            while (true) {
                if (position == limit && !fill()) {
                    if (endOk && line == null) {
                        return null;
                    }
                    throw new IOException("connection closed in the middle of a request");
                }
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                boolean found = position < limit;
                String chunk = new String(buffer, start, position - start, StandardCharsets.ISO_8859_1);
                if (found) {
                    position++;
                }
                if (line == null && found) {
                    return chunk.endsWith("\r") ? chunk.substring(0, chunk.length() - 1) : chunk;
                }
                line = line == null ? new StringBuilder(chunk) : line.append(chunk);
                if (line.length() > MAX_LINE) {
                    throw new IOException("request line or header too long");
                }
                if (found) {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
            }
        }

        byte[] readNBytes(int length) throws IOException {
            if (length < 0) {
                throw new IOException("negative Content-Length");
            }
            byte[] bytes = new byte[length];
            int copied = Math.min(length, limit - position);
            System.arraycopy(buffer, position, bytes, 0, copied);
            position += copied;
            while (copied < length) {
                int read = in.read(bytes, copied, length - copied);
                if (read < 0) {
                    throw new IOException("the request body ended early");
                }
                copied += read;
            }
            return bytes;
        }
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        open.forEach(SimHttpServer::closeQuietly);
        connections.shutdownNow();
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.huracan.adapter.xchange;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

import javax.net.ServerSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A venue on a local HTTP server: each subclass answers as its venue's documentation shows, this class counts the
 * requests per endpoint and plays the faults queued for them (an answer instead of the real one, an answer after the
 * venue acted, a connection dropped after the venue acted, an answer too late for the client's read timeout).
 */
abstract class StubVenue implements AutoCloseable {

    /** What to do with the next request to an endpoint instead of (or on top of) answering it normally. */
    sealed interface Fault {
        /** Answer with this response; the request is not processed. */
        record Respond(MockResponse response) implements Fault {
        }

        /** Process the request (the venue acts), then answer with this response instead of the real one. */
        record ProcessThenRespond(MockResponse response) implements Fault {
        }

        /** Process the request (the venue acts), then drop the connection before the response. */
        record ProcessThenDisconnect() implements Fault {
        }

        /** Process the request, then answer only after {@code millis} (longer than the client's read timeout). */
        record ProcessThenStall(long millis) implements Fault {
        }
    }

    private final MockWebServer server = new MockWebServer();
    private final NoDelayServerSockets sockets = new NoDelayServerSockets();
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    /** Starts the server; call last in the subclass constructor, once its state is ready. */
    protected final void start() throws IOException {
        server.setServerSocketFactory(sockets);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return handle(request);
            }
        });
        server.start();
    }

    /** Answers a request as the venue does; called one at a time. */
    protected abstract MockResponse answer(RecordedRequest request, String path);

    String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** Queues a fault for the next request to {@code method path}. */
    void inject(String method, String path, Fault fault) {
        faults.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).add(fault);
    }

    int count(String method, String path) {
        AtomicInteger count = counts.get(method + " " + path);
        return count == null ? 0 : count.get();
    }

    int totalRequests() {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private MockResponse handle(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String key = request.getMethod() + " " + path;
        counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        Deque<Fault> queued = faults.get(key);
        Fault fault = queued == null ? null : queued.poll();
        if (fault instanceof Fault.Respond respond) {
            return respond.response();
        }
        MockResponse response;
        synchronized (this) {
            response = answer(request, path);
        }
        if (fault instanceof Fault.ProcessThenRespond replaced) {
            return replaced.response();
        }
        if (fault instanceof Fault.ProcessThenDisconnect) {
            return new MockResponse.Builder(response).onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
        }
        if (fault instanceof Fault.ProcessThenStall stall) {
            return new MockResponse.Builder(response).headersDelay(stall.millis(), TimeUnit.MILLISECONDS).build();
        }
        return response;
    }

    /** The parameters of a query string or form body, decoded. */
    static Map<String, String> params(String encoded) {
        Map<String, String> params = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
    }

    /** A decimal as venues print them: plain, at least {@code scale} places. */
    static String plain(BigDecimal value, int scale) {
        return value.setScale(Math.max(scale, value.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY).toPlainString();
    }

    /** Resets every connection the server accepted (TCP RST, no close frame or response): a connection dropped in transit. */
    void resetConnections() throws IOException {
        sockets.resetAll();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /**
     * Sockets that send each write at once: the stub writes a response's headers and body separately, and with Nagle's
     * algorithm the body waits for the client's delayed ACK (~40 ms) on every request.
     */
    private static final class NoDelayServerSockets extends ServerSocketFactory {
        private final java.util.List<Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public ServerSocket createServerSocket() throws IOException {
            return new ServerSocket() {
                @Override
                public Socket accept() throws IOException {
                    Socket socket = super.accept();
                    socket.setTcpNoDelay(true);
                    accepted.removeIf(Socket::isClosed);
                    accepted.add(socket);
                    return socket;
                }
            };
        }

        void resetAll() throws IOException {
            for (Socket socket : accepted) {
                if (!socket.isClosed()) {
                    socket.setSoLinger(true, 0);
                    socket.close();
                }
            }
            accepted.clear();
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return createServerSocket(port, 50, null);
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            return createServerSocket(port, backlog, null);
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            ServerSocket socket = createServerSocket();
            socket.bind(new InetSocketAddress(address, port), backlog);
            return socket;
        }
    }
}

package io.huracan.adapter.micrometer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.huracan.ports.lifecycle.ManagedService;
import io.huracan.ports.metrics.ComponentHealth;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP endpoint Prometheus and orchestrators read: {@code /metrics} (Prometheus text format),
 * {@code /health/live} (200 while the process serves) and {@code /health/ready} (JSON with each component's
 * status and why; 503 when any is down). With a bearer token configured, every path answers 401 without it.
 */
final class MetricsEndpoint implements ManagedService {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MicrometerEngineMetrics metrics;
    private final MetricsEndpointConfig config;
    private final byte[] expectedAuthorization;
    private HttpServer server;
    private ExecutorService executor;

    @Inject
    MetricsEndpoint(MicrometerEngineMetrics metrics, MetricsEndpointConfig config) {
        this.metrics = metrics;
        this.config = config;
        this.expectedAuthorization = ("Bearer " + config.bearerToken()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String name() {
        return "metrics-endpoint[" + config.bindAddress() + ":" + config.port() + "]";
    }

    @Override
    public synchronized void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 16);
        server.createContext("/metrics", exchange -> serve(exchange, this::metrics));
        server.createContext("/health/live", exchange -> serve(exchange, this::live));
        server.createContext("/health/ready", exchange -> serve(exchange, this::ready));
        executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "huracan-metrics-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    /** The port it listens on (the chosen one when configured with 0); only while started. */
    synchronized int port() {
        if (server == null) {
            throw new IllegalStateException(name() + " is not started");
        }
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange, Responder responder) throws IOException {
        try (exchange) {
            if (!authorised(exchange)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"huracan\"");
                send(exchange, new Response(401, "text/plain; charset=utf-8", "bearer token required\n"));
            } else if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                send(exchange, new Response(405, "text/plain; charset=utf-8", "only GET is allowed\n"));
            } else {
                send(exchange, responder.respond());
            }
        }
    }

    private boolean authorised(HttpExchange exchange) {
        if (config.bearerToken().isEmpty()) {
            return true;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), expectedAuthorization);
    }

    private Response metrics() {
        return new Response(200, PROMETHEUS_TEXT, metrics.scrape());
    }

    private Response live() {
        return new Response(200, "application/json", "{\"status\":\"UP\"}");
    }

    private Response ready() throws IOException {
        Map<String, ComponentHealth> health = metrics.health();
        boolean up = health.values().stream().allMatch(ComponentHealth::up);
        Map<String, Object> components = new LinkedHashMap<>();
        health.forEach((component, state) -> {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("status", state.up() ? "UP" : "DOWN");
            entry.put("reason", state.reason());
            components.put(component, entry);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("components", components);
        return new Response(up ? 200 : 503, "application/json", JSON.writeValueAsString(body));
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.status(), head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private record Response(int status, String contentType, String body) {
    }

    @FunctionalInterface
    private interface Responder {
        Response respond() throws IOException;
    }
}

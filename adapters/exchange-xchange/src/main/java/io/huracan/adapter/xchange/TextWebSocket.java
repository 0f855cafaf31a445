package io.huracan.adapter.xchange;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One text websocket on the JDK's client, for the venues whose streams we speak ourselves (Bybit, OKX): whole messages
 * to a handler on the socket's thread, one at a time; sends kept in order (the JDK refuses a send while the last is
 * pending); the venue's keepalive; and one report when the socket ends, unless we closed it.
 */
final class TextWebSocket implements AutoCloseable {
    /** What the socket hands over. */
    interface Handler {
        /** A whole text message. An exception thrown here ends the socket (reported as gone). */
        void onText(String message);

        /** The socket ended: closed by the other side ({@code error} null) or failed. Called at most once. */
        void onGone(String reason, Throwable error);
    }

    /** Sends {@code message} every {@code every}, or only after {@code every} without receiving when {@code whenIdle}. */
    record KeepAlive(String message, Duration every, boolean whenIdle) {
    }

    /** The JDK client's selector thread is shared by every stream socket; its threads are daemons. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ScheduledExecutorService KEEPALIVE = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "huracan-ws-keepalive");
        thread.setDaemon(true);
        return thread;
    });

    private final Handler handler;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;
    private volatile long lastReceivedNanos = System.nanoTime();
    private CompletableFuture<WebSocket> sending;
    private ScheduledFuture<?> keepAlive;

    private TextWebSocket(Handler handler) {
        this.handler = handler;
    }

    /** Opens the socket, waiting at most {@code timeout} for the handshake; throws when it cannot. */
    static TextWebSocket open(URI uri, Duration timeout, KeepAlive keepAlive, Handler handler) throws Exception {
        TextWebSocket text = new TextWebSocket(handler);
        CompletableFuture<WebSocket> opening = HTTP.newWebSocketBuilder().connectTimeout(timeout)
                .buildAsync(uri, text.listener());
        WebSocket socket;
        try {
            socket = opening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            text.ended.set(true);
            opening.thenAccept(WebSocket::abort); // a handshake that completes after all is not left open
            throw new TimeoutException(uri + " did not open within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            text.ended.set(true);
            throw new IOException(uri + " did not open: " + e.getCause().getMessage(), e.getCause());
        }
        text.started(socket, keepAlive);
        return text;
    }

    private synchronized void started(WebSocket open, KeepAlive keepAlive) {
        socket = open;
        sending = CompletableFuture.completedFuture(open);
        if (ended.get()) { // failed while opening: the report went out already
            open.abort();
            return;
        }
        long every = keepAlive.every().toMillis();
        this.keepAlive = KEEPALIVE.scheduleWithFixedDelay(() -> keepAlive(keepAlive), every, every, TimeUnit.MILLISECONDS);
    }

    /** Sends after every earlier send; a failed send ends the socket. */
    synchronized void send(String message) {
        if (ended.get()) {
            return;
        }
        sending = sending.thenCompose(ws -> ws.sendText(message, true));
        sending.whenComplete((ws, error) -> {
            if (error != null) {
                gone("send failed", error);
            }
        });
    }

    /** Closes without reporting; safe to call twice. */
    @Override
    public void close() {
        if (ended.compareAndSet(false, true)) {
            stopKeepAlive();
            WebSocket open = socket;
            if (open != null) {
                open.abort();
            }
        }
    }

    private void keepAlive(KeepAlive keepAlive) {
        if (!keepAlive.whenIdle() || System.nanoTime() - lastReceivedNanos >= keepAlive.every().toNanos()) {
            send(keepAlive.message());
        }
    }

    private synchronized void stopKeepAlive() {
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
    }

    private void gone(String reason, Throwable error) {
        if (ended.compareAndSet(false, true)) {
            stopKeepAlive();
            WebSocket open = socket;
            if (open != null) {
                open.abort();
            }
            handler.onGone(reason, error);
        }
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            @Override
            public void onOpen(WebSocket webSocket) {
                webSocket.request(1);
            }

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                lastReceivedNanos = System.nanoTime();
                partial.append(data);
                if (last) {
                    String message = partial.toString();
                    partial.setLength(0);
                    if (!ended.get()) {
                        try {
                            handler.onText(message);
                        } catch (RuntimeException e) {
                            gone("unreadable message", e);
                        }
                    }
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                lastReceivedNanos = System.nanoTime();
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
                lastReceivedNanos = System.nanoTime(); // the JDK answers the pong itself
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                gone("closed by the venue (" + statusCode + (reason == null || reason.isEmpty() ? "" : " " + reason)
                        + ")", null);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                gone("failed", error);
            }
        };
    }
}

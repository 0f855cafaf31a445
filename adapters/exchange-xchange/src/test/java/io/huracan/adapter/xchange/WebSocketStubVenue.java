package io.huracan.adapter.xchange;

import mockwebserver3.MockResponse;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A venue whose streams are subscribed by messages on the socket (Bybit, OKX): the open sockets and the topics each
 * has subscribed, every frame the clients sent, how often each topic was subscribed, and the faults (connections
 * reset). The subclass speaks the venue's protocol in {@link #onMessage}.
 */
abstract class WebSocketStubVenue extends StubVenue {
    /** One open websocket and the topics it subscribed. */
    record Socket(WebSocket webSocket, Set<String> topics) {
        void send(String message) {
            webSocket.send(message);
        }
    }

    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> subscribes = new ConcurrentHashMap<>();
    private final AtomicInteger upgrades = new AtomicInteger();

    /** A client's text frame, on the socket's reader thread. */
    protected abstract void onMessage(Socket socket, String text);

    /** The websocket base the stream config points at. */
    String wsUrl(String path) {
        return baseUrl().replace("http://", "ws://") + path;
    }

    /** Accepts the websocket upgrade. */
    protected MockResponse upgrade() {
        upgrades.incrementAndGet();
        return new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {
            private Socket socket;

            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                socket = new Socket(webSocket, ConcurrentHashMap.newKeySet());
                open.add(socket);
            }

            @Override
            public void onMessage(WebSocket webSocket, String text) {
                received.add(text);
                WebSocketStubVenue.this.onMessage(socket, text);
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                open.remove(socket);
                webSocket.close(code, reason);
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                open.remove(socket);
            }
        }).build();
    }

    protected void subscribed(Socket socket, String topic) {
        socket.topics().add(topic);
        subscribes.computeIfAbsent(topic, k -> new AtomicInteger()).incrementAndGet();
    }

    protected void unsubscribed(Socket socket, String topic) {
        socket.topics().remove(topic);
    }

    /** Sends the message to every socket that subscribed the topic. */
    protected void push(String topic, String message) {
        for (Socket socket : open) {
            if (socket.topics().contains(topic)) {
                socket.send(message);
            }
        }
    }

    /** Drops every open websocket without a close frame: the TCP connections are reset. */
    void dropAll() throws IOException {
        open.clear();
        resetConnections();
    }

    /** Closes every open websocket with a close frame, as a venue going away does. */
    void closeAll(int code, String reason) {
        for (Socket socket : open) {
            socket.webSocket().close(code, reason);
        }
        open.clear();
    }

    /** How often a topic was subscribed, over all sockets. */
    int subscribes(String topic) {
        AtomicInteger count = subscribes.get(topic);
        return count == null ? 0 : count.get();
    }

    /** Every text frame the clients sent, in order. */
    List<String> received() {
        return List.copyOf(received);
    }

    int upgrades() {
        return upgrades.get();
    }

    int openSockets() {
        return open.size();
    }

    List<Socket> sockets() {
        return List.copyOf(open);
    }
}

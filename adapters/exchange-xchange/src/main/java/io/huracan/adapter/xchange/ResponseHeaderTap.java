package io.huracan.adapter.xchange;

import java.net.CacheRequest;
import java.net.CacheResponse;
import java.net.ResponseCache;
import java.net.URI;
import java.net.URLConnection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shows each venue the headers of every response it sends, successes included (Binance's X-MBX-USED-WEIGHT-1M,
 * Bybit's X-Bapi-Limit-*). XChange's DTOs do not expose response headers, but its HTTP client
 * ({@code HttpURLConnection}) shows each response to the JVM's {@link ResponseCache}: this one caches nothing and
 * only hands the response to the observer registered for the host and port that sent it. Installed once, and only
 * when no other response cache is set.
 */
final class ResponseHeaderTap extends ResponseCache {
    /** A venue's reading of one response: the request path and its headers (case-insensitive; null when absent). */
    interface Observer {
        void observe(String path, HeaderLookup headers);
    }

    interface HeaderLookup {
        String header(String name);
    }

    private static final ResponseHeaderTap INSTANCE = new ResponseHeaderTap();

    private final Map<String, Observer> observers = new ConcurrentHashMap<>();

    /** Routes responses from {@code baseUri}'s host and port to {@code observer}; false if another cache is installed. */
    static synchronized boolean register(URI baseUri, Observer observer) {
        ResponseCache current = ResponseCache.getDefault();
        if (current != null && current != INSTANCE) {
            return false;
        }
        INSTANCE.observers.put(key(baseUri), observer);
        ResponseCache.setDefault(INSTANCE);
        return true;
    }

    /** The value of {@code name} among headers as rescu reports them (any case), or null. */
    static String header(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }

    @Override
    public CacheResponse get(URI uri, String method, Map<String, List<String>> headers) {
        return null;
    }

    @Override
    public CacheRequest put(URI uri, URLConnection connection) {
        Observer observer = observers.get(key(uri));
        if (observer != null) {
            observer.observe(uri.getPath(), connection::getHeaderField);
        }
        return null;
    }

    private static String key(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }
}

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
 * Reads Binance's X-MBX-USED-WEIGHT-1M from every response, successes included. XChange's DTOs do not expose
 * response headers, but its HTTP client ({@code HttpURLConnection}) shows each response to the JVM's
 * {@link ResponseCache}: this one caches nothing and only hands the venue's weight count to the budget of the
 * host that sent it. Installed once, and only when no other response cache is set.
 */
final class UsedWeightHeaders extends ResponseCache {
    private static final UsedWeightHeaders INSTANCE = new UsedWeightHeaders();

    private final Map<String, RequestBudget> budgets = new ConcurrentHashMap<>();

    /** Routes responses from {@code baseUri}'s host and port to {@code budget}; false if another cache is installed. */
    static synchronized boolean register(URI baseUri, RequestBudget budget) {
        ResponseCache current = ResponseCache.getDefault();
        if (current != null && current != INSTANCE) {
            return false;
        }
        INSTANCE.budgets.put(key(baseUri), budget);
        ResponseCache.setDefault(INSTANCE);
        return true;
    }

    @Override
    public CacheResponse get(URI uri, String method, Map<String, List<String>> headers) {
        return null;
    }

    @Override
    public CacheRequest put(URI uri, URLConnection connection) {
        RequestBudget budget = budgets.get(key(uri));
        String used = connection.getHeaderField("X-MBX-USED-WEIGHT-1M");
        if (budget != null && used != null) {
            try {
                budget.observeUsedWeight(Integer.parseInt(used.trim()));
            } catch (NumberFormatException ignored) {
                // not a count: keep ours
            }
        }
        return null;
    }

    private static String key(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }
}

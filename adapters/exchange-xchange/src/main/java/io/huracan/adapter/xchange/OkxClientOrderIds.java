package io.huracan.adapter.xchange;

import io.huracan.ports.order.ClientOrderId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Our client order ids as OKX's {@code clOrdId}: OKX takes 1-32 letters and digits only, ours may hold {@code -} and
 * {@code _}. An id of letters and digits goes as it is; any other is sent as its letters and digits (at most 22) and
 * ten base-62 characters of its SHA-256, so the same id always maps to the same clOrdId (a lookup after an ambiguous
 * send finds it) and two ids share one only by a hash collision. The ids sent from this process are remembered (the
 * newest {@value #REMEMBERED}) to name orders OKX lists by clOrdId; an unknown clOrdId is itself a valid id.
 */
final class OkxClientOrderIds {
    static final int REMEMBERED = 20_000;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Pattern OKX_ID = Pattern.compile("[A-Za-z0-9]{1,32}");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]");

    private final Map<String, ClientOrderId> sent = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ClientOrderId> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** The clOrdId for our id, remembered for {@link #ours}. */
    String clOrdId(ClientOrderId id) {
        String value = id.value();
        String mapped = OKX_ID.matcher(value).matches() ? value : compact(value);
        synchronized (sent) {
            sent.put(mapped, id);
        }
        return mapped;
    }

    /** Our id for a clOrdId OKX reports: the one it was derived from, or the clOrdId itself; empty for none. */
    Optional<ClientOrderId> ours(String clOrdId) {
        if (clOrdId == null || !OKX_ID.matcher(clOrdId).matches()) {
            return Optional.empty();
        }
        synchronized (sent) {
            return Optional.of(sent.getOrDefault(clOrdId, new ClientOrderId(clOrdId)));
        }
    }

    private static String compact(String value) {
        String letters = NOT_ALPHANUMERIC.matcher(value).replaceAll("");
        return letters.substring(0, Math.min(22, letters.length())) + hash(value);
    }

    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            StringBuilder out = new StringBuilder(10);
            for (int i = 0; i < 10; i++) {
                out.append(BASE62.charAt((digest[i] & 0xff) % 62));
            }
            return out.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}

package io.huracan.ports.order;

import java.util.regex.Pattern;

/**
 * Our id for an order, generated before the first send so that a retry after an ambiguous failure can ask the
 * exchange about it instead of sending the order twice. At most 32 characters of [A-Za-z0-9_-], which every
 * supported venue accepts.
 */
public record ClientOrderId(String value) {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public ClientOrderId {
        if (value == null || !ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "client order id '" + value + "' is invalid; allowed: 1-32 characters of A-Z a-z 0-9 _ -");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

package io.huracan.domain.risk;

import io.huracan.ports.market.Side;

import java.util.ArrayList;
import java.util.List;

/**
 * Plays the part of an event loop, its order router and the exchange against the controller for the property and
 * stress tests: remembers its working orders, fills them (whole or in part) at their reference price, cancels
 * them, and finally flattens everything it holds. Like a real venue it never fills a reduce-only order beyond the
 * position it can reduce; such an order is cancelled instead.
 */
final class BookDriver {
    private record Working(long reservation, int coin, int exchange, int sign, boolean reduceOnly, double price,
                           double[] remaining) {
    }

    private final RiskController risk;
    private final RiskVerdict verdict = new RiskVerdict();
    private final List<Working> working = new ArrayList<>();
    private final double[] prices;

    BookDriver(RiskController risk, double[] prices) {
        this.risk = risk;
        this.prices = prices;
    }

    int workingCount() {
        return working.size();
    }

    void intent(int coin, int exchange, boolean buy, double quantity, boolean reduceOnly, double edge) {
        double price = prices[coin];
        risk.check(coin, exchange, buy ? Side.BUY : Side.SELL, quantity, price, reduceOnly, edge, verdict);
        if (verdict.passed()) {
            working.add(new Working(verdict.reservation(), coin, exchange, buy ? 1 : -1, reduceOnly, price,
                    new double[] {verdict.approvedQuantity()}));
        }
    }

    /** Fills {@code fraction} of the {@code pick}-th working order (all of it when fraction >= 1). */
    void fill(int pick, double fraction) {
        if (working.isEmpty()) {
            return;
        }
        Working order = working.get(pick % working.size());
        double quantity = fraction >= 1 ? order.remaining[0] : order.remaining[0] * fraction;
        if (order.reduceOnly) {
            double position = risk.position(risk.universe().coin(order.coin), RiskUniverse.exchange(order.exchange));
            double reducible = position * order.sign < 0 ? Math.abs(position) : 0;
            if (reducible == 0) {
                working.remove(order);
                risk.onCancel(order.reservation);
                return;
            }
            quantity = Math.min(quantity, reducible);
        }
        risk.onFill(order.reservation, quantity, order.price, 0);
        order.remaining[0] -= quantity;
        if (fraction >= 1 || order.remaining[0] <= 0) {
            working.remove(order);
            if (order.remaining[0] > 0) {
                risk.onCancel(order.reservation);
            }
        }
    }

    void cancel(int pick) {
        if (working.isEmpty()) {
            return;
        }
        Working order = working.remove(pick % working.size());
        risk.onCancel(order.reservation);
    }

    void cancelAll() {
        while (!working.isEmpty()) {
            cancel(0);
        }
    }

    /** Closes every position of the given coins with reduce-only orders filled at the current price. */
    void flatten(int fromCoin, int toCoin, int step) {
        var universe = risk.universe();
        for (int c = fromCoin; c < toCoin; c += step) {
            for (int e = 0; e < RiskUniverse.EXCHANGES; e++) {
                double position = risk.position(universe.coin(c), RiskUniverse.exchange(e));
                if (position != 0) {
                    risk.check(c, e, position > 0 ? Side.SELL : Side.BUY, Math.abs(position), prices[c], true, 0,
                            verdict);
                    risk.onFill(verdict.reservation(), verdict.approvedQuantity(), prices[c], 0);
                }
            }
        }
    }
}

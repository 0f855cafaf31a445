package io.huracan.adapter.paper;

import io.huracan.ports.exchange.Balance;
import io.huracan.ports.exchange.Position;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.InstrumentKind;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One venue account: quote cash, the cash (or spot base quantity) reserved by open orders, and a position per
 * coin. Spot fills exchange cash for the asset; perpetual fills move only the realised profit and the fee, the
 * open quantity using {@code |quantity| x entry / leverage} of margin.
 */
final class PaperAccount {
    final ExchangeId venue;
    final String quoteCurrency;
    final InstrumentKind kind;
    final int leverage;
    BigDecimal cash;
    BigDecimal reservedCash = BigDecimal.ZERO;
    private final Map<Coin, Holding> holdings = new TreeMap<>();

    /** A coin's position in the account. */
    static final class Holding {
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal entryPrice = BigDecimal.ZERO;
        BigDecimal realisedPnl = BigDecimal.ZERO;
        BigDecimal fundingPnl = BigDecimal.ZERO;
        BigDecimal reservedQuantity = BigDecimal.ZERO;
    }

    PaperAccount(ExchangeId venue, String quoteCurrency, InstrumentKind kind, int leverage, BigDecimal cash) {
        this.venue = venue;
        this.quoteCurrency = quoteCurrency;
        this.kind = kind;
        this.leverage = leverage;
        this.cash = cash;
    }

    Holding holding(Coin coin) {
        return holdings.computeIfAbsent(coin, c -> new Holding());
    }

    BigDecimal position(Coin coin) {
        Holding holding = holdings.get(coin);
        return holding == null ? BigDecimal.ZERO : holding.quantity;
    }

    /** Margin the open perpetual positions use, at entry prices. */
    BigDecimal usedMargin() {
        if (kind != InstrumentKind.PERPETUAL) {
            return BigDecimal.ZERO;
        }
        BigDecimal margin = BigDecimal.ZERO;
        for (Holding holding : holdings.values()) {
            margin = margin.add(holding.quantity.abs().multiply(holding.entryPrice));
        }
        return margin.divide(BigDecimal.valueOf(leverage), MathContext.DECIMAL64);
    }

    /** Cash a new order may reserve; perpetual accounts count unrealised profit at the given marks. */
    BigDecimal freeCash(Function<Coin, BigDecimal> markPrice) {
        BigDecimal free = cash.subtract(reservedCash).subtract(usedMargin());
        if (kind == InstrumentKind.PERPETUAL) {
            for (Map.Entry<Coin, Holding> entry : holdings.entrySet()) {
                Holding holding = entry.getValue();
                if (holding.quantity.signum() != 0) {
                    free = free.add(markPrice.apply(entry.getKey()).subtract(holding.entryPrice).multiply(holding.quantity));
                }
            }
        }
        return free;
    }

    /**
     * Applies a fill of signed {@code delta} at {@code price} to the coin's position and returns the profit it
     * realised (zero when it only opened or added).
     */
    BigDecimal applyFill(Coin coin, BigDecimal delta, BigDecimal price) {
        Holding holding = holding(coin);
        BigDecimal before = holding.quantity;
        BigDecimal after = before.add(delta);
        BigDecimal realised = BigDecimal.ZERO;
        if (before.signum() == 0 || before.signum() == delta.signum()) {
            BigDecimal cost = holding.entryPrice.multiply(before.abs()).add(price.multiply(delta.abs()));
            holding.entryPrice = cost.divide(after.abs(), MathContext.DECIMAL64);
        } else {
            BigDecimal closed = before.abs().min(delta.abs());
            realised = price.subtract(holding.entryPrice).multiply(closed).multiply(BigDecimal.valueOf(before.signum()));
            if (after.signum() == 0) {
                holding.entryPrice = BigDecimal.ZERO;
            } else if (after.signum() != before.signum()) {
                holding.entryPrice = price;
            }
        }
        holding.quantity = after;
        holding.realisedPnl = holding.realisedPnl.add(realised);
        return realised;
    }

    List<Balance> balances() {
        List<Balance> result = new ArrayList<>();
        result.add(new Balance(quoteCurrency, cash, reservedCash.add(usedMargin())));
        if (kind == InstrumentKind.SPOT) {
            holdings.forEach((coin, holding) -> {
                if (holding.quantity.signum() != 0) {
                    result.add(new Balance(coin.symbol(), holding.quantity, holding.reservedQuantity));
                }
            });
        }
        return result;
    }

    List<Position> positions() {
        List<Position> result = new ArrayList<>();
        holdings.forEach((coin, holding) -> {
            if (holding.quantity.signum() != 0) {
                result.add(new Position(coin, venue, kind, holding.quantity, holding.entryPrice, holding.realisedPnl,
                        holding.fundingPnl));
            }
        });
        return result;
    }
}

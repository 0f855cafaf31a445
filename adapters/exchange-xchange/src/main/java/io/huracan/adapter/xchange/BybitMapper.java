package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.Balance;
import io.huracan.ports.exchange.ExecutionReport;
import io.huracan.ports.exchange.FeeTier;
import io.huracan.ports.exchange.Instrument;
import io.huracan.ports.exchange.Position;
import io.huracan.ports.exchange.RejectReason;
import io.huracan.ports.market.BookLevel;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.FundingRate;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.market.OrderBook;
import io.huracan.ports.market.Price;
import io.huracan.ports.market.Quantity;
import io.huracan.ports.market.Side;
import io.huracan.ports.market.Trade;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Order;
import io.huracan.ports.order.OrderStatus;
import io.huracan.ports.order.OrderType;
import io.huracan.ports.order.TimeInForce;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bybit v5 payloads to port values and back. Spot is category {@code spot}; perpetuals are category {@code linear}
 * (USDT perpetuals, one-way position mode). Bybit sizes both in coins. A PostOnly order that would have taken
 * liquidity is accepted, then cancelled with rejectReason {@code EC_PostOnlyWillTakeLiquidity}
 * (https://bybit-exchange.github.io/docs/v5/enum#rejectreason): reported as rejected for that reason.
 */
final class BybitMapper {
    static final String POST_ONLY_WOULD_TAKE = "EC_PostOnlyWillTakeLiquidity";
    private static final long MICROS_PER_MILLI = 1000;

    private final InstrumentKind market;
    private final String quoteCurrency;

    BybitMapper(InstrumentKind market, String quoteCurrency) {
        this.market = market;
        this.quoteCurrency = quoteCurrency;
    }

    String category() {
        return market == InstrumentKind.SPOT ? "spot" : "linear";
    }

    /** A Trading instrument of our quote currency (a linear perpetual settled in it), its rules in coins. */
    Optional<VenueListing> listing(BybitPayloads.Instrument instrument) {
        if (!"Trading".equals(instrument.status()) || !quoteCurrency.equals(instrument.quoteCoin())
                || instrument.baseCoin() == null || !instrument.baseCoin().matches("[A-Z0-9]{1,20}")
                || instrument.priceFilter() == null || instrument.lotSizeFilter() == null) {
            return Optional.empty();
        }
        BybitPayloads.LotSizeFilter lots = instrument.lotSizeFilter();
        BigDecimal lot;
        BigDecimal minQuantity;
        BigDecimal minNotional;
        if (market == InstrumentKind.SPOT) {
            lot = decimal(lots.basePrecision());
            minQuantity = BigDecimal.ZERO; // deprecated for spot: Bybit checks minOrderAmt instead
            minNotional = decimal(lots.minOrderAmt());
        } else {
            if (!"LinearPerpetual".equals(instrument.contractType()) || !quoteCurrency.equals(instrument.settleCoin())) {
                return Optional.empty();
            }
            lot = decimal(lots.qtyStep());
            minQuantity = decimal(lots.minOrderQty());
            minNotional = decimal(lots.minNotionalValue());
        }
        BigDecimal tick = decimal(instrument.priceFilter().tickSize());
        if (tick.signum() <= 0 || lot.signum() <= 0) {
            return Optional.empty();
        }
        Instrument port = new Instrument(Coin.of(instrument.baseCoin()), ExchangeId.BYBIT, market, quoteCurrency, tick,
                lot, minNotional);
        return Optional.of(new VenueListing(port, instrument.symbol(), BigDecimal.ONE, minQuantity));
    }

    OrderBook orderBook(VenueListing listing, BybitPayloads.Book book, int depth, long nowMicros) {
        long micros = book.ts() == null ? nowMicros : book.ts() * MICROS_PER_MILLI;
        return new OrderBook(listing.instrument().coin(), ExchangeId.BYBIT, micros, levels(book.b(), depth),
                levels(book.a(), depth));
    }

    private static List<BookLevel> levels(List<List<String>> side, int depth) {
        List<BookLevel> levels = new ArrayList<>(side == null ? 0 : Math.min(depth, side.size()));
        if (side != null) {
            for (List<String> level : side) {
                if (levels.size() == depth) {
                    break;
                }
                levels.add(new BookLevel(Double.parseDouble(level.get(0)), Double.parseDouble(level.get(1))));
            }
        }
        return levels;
    }

    List<Trade> trades(VenueListing listing, List<BybitPayloads.PublicTrade> trades) {
        List<Trade> mapped = new ArrayList<>(trades.size());
        for (BybitPayloads.PublicTrade trade : trades) {
            mapped.add(new Trade(listing.instrument().coin(), ExchangeId.BYBIT, Long.parseLong(trade.time()) * MICROS_PER_MILLI,
                    Double.parseDouble(trade.price()), Double.parseDouble(trade.size()),
                    "Sell".equals(trade.side()) ? Side.SELL : Side.BUY));
        }
        return mapped;
    }

    Optional<FundingRate> funding(VenueListing listing, BybitPayloads.Ticker ticker, long nowMicros) {
        if (ticker.fundingRate() == null || ticker.fundingRate().isBlank() || ticker.nextFundingTime() == null
                || ticker.nextFundingTime().isBlank()) {
            return Optional.empty();
        }
        long hours = ticker.fundingIntervalHour() == null || ticker.fundingIntervalHour().isBlank() ? 8
                : Long.parseLong(ticker.fundingIntervalHour());
        return Optional.of(new FundingRate(listing.instrument().coin(), ExchangeId.BYBIT, nowMicros,
                Double.parseDouble(ticker.fundingRate()), Long.parseLong(ticker.nextFundingTime()) * MICROS_PER_MILLI,
                hours * 3600 * 1_000_000));
    }

    BybitPayloads.OrderRequest request(Order order, VenueListing listing) {
        boolean spot = market == InstrumentKind.SPOT;
        boolean isMarket = order.type() == OrderType.MARKET;
        String timeInForce = isMarket ? null : switch (order.timeInForce()) {
            case GTC -> "GTC";
            case IOC -> "IOC";
            case POST_ONLY -> "PostOnly";
        };
        return new BybitPayloads.OrderRequest(category(), listing.symbol(), order.side() == Side.BUY ? "Buy" : "Sell",
                isMarket ? "Market" : "Limit", order.quantity().value().toPlainString(),
                order.limitPrice().map(p -> p.value().toPlainString()).orElse(null), timeInForce,
                order.clientOrderId().value(), spot && isMarket ? "baseCoin" : null,
                !spot && order.reduceOnly() ? Boolean.TRUE : null, spot ? null : 0);
    }

    VenueOrderState accepted(Order order, String orderId, long nowMicros) {
        return new VenueOrderState(new ExecutionReport(order, orderId, OrderStatus.NEW, Quantity.ZERO, BigDecimal.ZERO,
                Optional.empty(), Optional.empty(), nowMicros), BigDecimal.ZERO);
    }

    VenueOrderState state(Order order, BybitPayloads.Order state, FeeTier fees) {
        BigDecimal filled = decimal(state.cumExecQty());
        BigDecimal notional = decimal(state.cumExecValue());
        OrderStatus status;
        Optional<RejectReason> reason = Optional.empty();
        switch (String.valueOf(state.orderStatus())) {
            case "PartiallyFilled" -> status = OrderStatus.PARTIALLY_FILLED;
            case "Filled" -> status = OrderStatus.FILLED;
            case "Cancelled", "PartiallyFilledCanceled", "Deactivated" -> {
                if (POST_ONLY_WOULD_TAKE.equals(state.rejectReason()) && filled.signum() == 0) {
                    status = OrderStatus.REJECTED;
                    reason = Optional.of(RejectReason.POST_ONLY_WOULD_TAKE);
                } else {
                    status = OrderStatus.CANCELLED;
                }
            }
            case "Rejected" -> {
                reason = rejectReason(state.rejectReason());
                // a refusal the port has no reason for ends the order all the same
                status = reason.isPresent() ? OrderStatus.REJECTED : OrderStatus.CANCELLED;
            }
            default -> status = filled.signum() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW;
        }
        long micros = millis(state.updatedTime(), state.createdTime()) * MICROS_PER_MILLI;
        ExecutionReport report = new ExecutionReport(order, String.valueOf(state.orderId()), status, new Quantity(filled),
                notional, Optional.empty(), reason, micros);
        return new VenueOrderState(report, feeInQuote(order, state, filled, notional, fees));
    }

    /** Our order for a Bybit order this process did not send (placed before a restart, or by hand). */
    Optional<Order> order(BybitPayloads.Order state, VenueListing listing) {
        BigDecimal size = decimal(state.qty());
        if (size.signum() <= 0) {
            return Optional.empty();
        }
        String linkId = state.orderLinkId();
        String venueId = String.valueOf(state.orderId()).replaceAll("[^A-Za-z0-9]", "");
        ClientOrderId id = linkId != null && linkId.matches("[A-Za-z0-9_-]{1,32}") ? new ClientOrderId(linkId)
                : new ClientOrderId("bybit-" + venueId.substring(0, Math.min(26, venueId.length())));
        boolean isMarket = "Market".equals(state.orderType());
        TimeInForce timeInForce = switch (String.valueOf(state.timeInForce())) {
            case "PostOnly" -> TimeInForce.POST_ONLY;
            case "IOC", "FOK" -> TimeInForce.IOC;
            default -> TimeInForce.GTC;
        };
        BigDecimal price = decimal(state.price());
        return Optional.of(new Order(id, listing.instrument().coin(), ExchangeId.BYBIT, market,
                "Sell".equals(state.side()) ? Side.SELL : Side.BUY, isMarket ? OrderType.MARKET : OrderType.LIMIT,
                timeInForce, new Quantity(size), isMarket || price.signum() <= 0 ? Optional.empty() : Optional.of(new Price(price)),
                Boolean.TRUE.equals(state.reduceOnly())));
    }

    Balance balance(BybitPayloads.CoinBalance coin) {
        return new Balance(coin.coin(), decimal(coin.walletBalance()),
                decimal(coin.locked()).add(decimal(coin.totalOrderIM())));
    }

    Optional<Position> position(BybitPayloads.PositionEntry entry, VenueListing listing) {
        BigDecimal size = decimal(entry.size());
        if (size.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Position(listing.instrument().coin(), ExchangeId.BYBIT, InstrumentKind.PERPETUAL,
                "Sell".equals(entry.side()) ? size.negate() : size, decimal(entry.avgPrice()),
                decimal(entry.cumRealisedPnl()), BigDecimal.ZERO));
    }

    FeeTier feeTier(BybitPayloads.FeeRate rate) {
        return new FeeTier("bybit-" + category(), decimal(rate.makerFeeRate()).doubleValue() * 10_000,
                decimal(rate.takerFeeRate()).doubleValue() * 10_000);
    }

    /**
     * {@code cumFeeDetail} names the fee per coin (a spot buy pays in the coin bought); {@code cumExecFee} is the
     * deprecated single figure, in the settle coin for linear. Converted to the quote currency at the average price.
     */
    private BigDecimal feeInQuote(Order order, BybitPayloads.Order state, BigDecimal filled, BigDecimal notional,
                                  FeeTier fees) {
        if (filled.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal average = notional.divide(filled, MathContext.DECIMAL64);
        Map<String, String> detail = state.cumFeeDetail();
        if (detail == null || detail.isEmpty()) {
            BigDecimal fee = decimal(state.cumExecFee());
            boolean inCoin = market == InstrumentKind.SPOT && order.side() == Side.BUY;
            return inCoin ? fee.multiply(average) : fee;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, String> fee : detail.entrySet()) {
            BigDecimal amount = decimal(fee.getValue());
            if (quoteCurrency.equals(fee.getKey())) {
                total = total.add(amount);
            } else if (order.coin().symbol().equals(fee.getKey())) {
                total = total.add(amount.multiply(average));
            } else {
                // a third coin (a fee-deduction token) we hold no price for: the taker rate stands in
                total = total.add(notional.multiply(BigDecimal.valueOf(fees.takerBps()))
                        .divide(BigDecimal.valueOf(10_000), MathContext.DECIMAL64));
            }
        }
        return total;
    }

    /** The reasons of https://bybit-exchange.github.io/docs/v5/enum#rejectreason the port has a name for. */
    private static Optional<RejectReason> rejectReason(String code) {
        return Optional.ofNullable(switch (String.valueOf(code)) {
            case POST_ONLY_WOULD_TAKE -> RejectReason.POST_ONLY_WOULD_TAKE;
            case "EC_NoImmediateQtyToFill", "EC_NoEnoughQtyToFill" -> RejectReason.NO_MARKET;
            case "EC_InvalidPriceScale", "EC_LimitOrderInvalidPrice" -> RejectReason.TICK_SIZE;
            case "EC_EcInvalidQty", "EC_QtyCannotBeZero" -> RejectReason.LOT_SIZE;
            case "EC_InvalidAmount" -> RejectReason.MIN_NOTIONAL;
            default -> null;
        });
    }

    private static long millis(String updated, String created) {
        String value = updated != null && !updated.isBlank() ? updated : created;
        return value == null || value.isBlank() ? 0 : Long.parseLong(value);
    }

    static BigDecimal decimal(String text) {
        return text == null || text.isBlank() ? BigDecimal.ZERO : new BigDecimal(text);
    }
}

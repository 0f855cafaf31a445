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
import org.knowm.xchange.okex.dto.account.OkexPosition;
import org.knowm.xchange.okex.dto.account.OkexTradeFee;
import org.knowm.xchange.okex.dto.account.OkexWalletBalance;
import org.knowm.xchange.okex.dto.marketdata.OkexFundingRate;
import org.knowm.xchange.okex.dto.marketdata.OkexInstrument;
import org.knowm.xchange.okex.dto.marketdata.OkexOrderbook;
import org.knowm.xchange.okex.dto.marketdata.OkexPublicOrder;
import org.knowm.xchange.okex.dto.marketdata.OkexTrade;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * OKX v5 DTOs (XChange's and ours) to port values and back. Spot trades coins against the quote currency in cash
 * mode; perpetuals are the linear USDT-margined swaps ({@code BTC-USDT-SWAP}) in cross margin and net position
 * mode, whose sizes OKX counts in contracts of {@code ctVal} coins: converted at this edge, so coins cross the port.
 */
final class OkxMapper {
    /** cancelSource of a post-only order OKX cancelled because it would have taken liquidity. */
    static final String POST_ONLY_CANCELLED = "31";
    private static final long MICROS_PER_MILLI = 1000;

    private final InstrumentKind market;
    private final String quoteCurrency;

    OkxMapper(InstrumentKind market, String quoteCurrency) {
        this.market = market;
        this.quoteCurrency = quoteCurrency;
    }

    /** OKX's instType for our market. */
    String instType() {
        return market == InstrumentKind.SPOT ? "SPOT" : "SWAP";
    }

    /** A live instrument of our market and quote currency (settle currency for swaps), with its sizes in coins. */
    Optional<VenueListing> listing(OkexInstrument instrument) {
        if (!"live".equals(instrument.getState()) || !instType().equals(instrument.getInstrumentType())) {
            return Optional.empty();
        }
        String base;
        BigDecimal contract;
        if (market == InstrumentKind.SPOT) {
            if (!quoteCurrency.equals(instrument.getQuoteCurrency())) {
                return Optional.empty();
            }
            base = instrument.getBaseCurrency();
            contract = BigDecimal.ONE;
        } else {
            if (!quoteCurrency.equals(instrument.getSettleCurrency()) || !"linear".equals(instrument.getContractType())
                    || !(quoteCurrency).equals(quoteOf(instrument.getUnderlying()))) {
                return Optional.empty();
            }
            base = baseOf(instrument.getUnderlying());
            contract = decimal(instrument.getContractValue()).multiply(multiplier(instrument.getContractMultiplier()));
        }
        BigDecimal tick = decimal(instrument.getTickSize());
        BigDecimal lot = decimal(instrument.getLotSize()).multiply(contract);
        if (base == null || !base.matches("[A-Z0-9]{1,20}") || tick.signum() <= 0 || lot.signum() <= 0
                || contract.signum() <= 0) {
            return Optional.empty();
        }
        Instrument port = new Instrument(Coin.of(base), ExchangeId.OKX, market, quoteCurrency, tick, lot, BigDecimal.ZERO);
        return Optional.of(new VenueListing(port, instrument.getInstrumentId(), contract.stripTrailingZeros(),
                decimal(instrument.getMinSize()).multiply(contract).stripTrailingZeros()));
    }

    OrderBook orderBook(VenueListing listing, OkexOrderbook book, int depth, long nowMicros) {
        long micros = book.getTs() == null ? nowMicros : Long.parseLong(book.getTs()) * MICROS_PER_MILLI;
        return new OrderBook(listing.instrument().coin(), ExchangeId.OKX, micros, levels(listing, book.getBids(), depth),
                levels(listing, book.getAsks(), depth));
    }

    private static List<BookLevel> levels(VenueListing listing, List<OkexPublicOrder> side, int depth) {
        List<BookLevel> levels = new ArrayList<>(Math.min(depth, side == null ? 0 : side.size()));
        if (side != null) {
            for (OkexPublicOrder level : side) {
                if (level == null || levels.size() == depth) {
                    break;
                }
                levels.add(new BookLevel(level.getPrice().doubleValue(), listing.toCoins(level.getVolume()).doubleValue()));
            }
        }
        return levels;
    }

    /** GET /api/v5/market/trades answers newest first; {@code side} is the taker's. */
    List<Trade> trades(VenueListing listing, List<OkexTrade> trades) {
        List<Trade> mapped = new ArrayList<>(trades.size());
        for (OkexTrade trade : trades) {
            mapped.add(new Trade(listing.instrument().coin(), ExchangeId.OKX, trade.getTs().getTime() * MICROS_PER_MILLI,
                    trade.getPx().doubleValue(), listing.toCoins(trade.getSz()).doubleValue(),
                    "sell".equals(trade.getSide()) ? Side.SELL : Side.BUY));
        }
        return mapped;
    }

    /** {@code fundingTime} is the coming settlement of the current rate, {@code nextFundingTime} the one after. */
    FundingRate funding(VenueListing listing, OkexFundingRate rate, long nowMicros) {
        long next = rate.getFundingTime().getTime() * MICROS_PER_MILLI;
        long after = rate.getNextFundingTime() == null ? 0 : rate.getNextFundingTime().getTime() * MICROS_PER_MILLI;
        long interval = after > next ? after - next : 8L * 3600 * 1_000_000;
        return new FundingRate(listing.instrument().coin(), ExchangeId.OKX, nowMicros, rate.getFundingRate().doubleValue(),
                next, interval);
    }

    OkxOrderRequest request(Order order, VenueListing listing, String clOrdId) {
        boolean spot = market == InstrumentKind.SPOT;
        String ordType = order.type() == OrderType.MARKET ? "market" : switch (order.timeInForce()) {
            case GTC -> "limit";
            case IOC -> "ioc";
            case POST_ONLY -> "post_only";
        };
        return new OkxOrderRequest(listing.symbol(), spot ? "cash" : "cross", clOrdId,
                order.side() == Side.BUY ? "buy" : "sell", ordType, listing.toVenueSize(order.quantity().value()).toPlainString(),
                order.limitPrice().map(p -> p.value().toPlainString()).orElse(null),
                spot && order.type() == OrderType.MARKET ? "base_ccy" : null,
                !spot && order.reduceOnly() ? Boolean.TRUE : null);
    }

    /** The acknowledgement of a placement OKX accepted (its answer carries the ordId only). */
    VenueOrderState accepted(Order order, String ordId, long nowMicros) {
        return new VenueOrderState(report(order, ordId, OrderStatus.NEW, BigDecimal.ZERO, BigDecimal.ZERO,
                Optional.empty(), nowMicros), BigDecimal.ZERO);
    }

    /** The order's state; the fee OKX charged so far converted to the quote currency at the average fill price. */
    VenueOrderState state(Order order, OkxOrder state, VenueListing listing, FeeTier fees) {
        BigDecimal filled = listing.toCoins(decimal(state.accFillSz()));
        BigDecimal average = decimal(state.avgPx());
        BigDecimal notional = filled.multiply(average);
        OrderStatus status;
        Optional<RejectReason> reason = Optional.empty();
        switch (String.valueOf(state.state())) {
            case "partially_filled" -> status = OrderStatus.PARTIALLY_FILLED;
            case "filled" -> status = OrderStatus.FILLED;
            case "canceled", "mmp_canceled" -> {
                if (POST_ONLY_CANCELLED.equals(state.cancelSource()) && filled.signum() == 0) {
                    status = OrderStatus.REJECTED;
                    reason = Optional.of(RejectReason.POST_ONLY_WOULD_TAKE);
                } else {
                    status = OrderStatus.CANCELLED;
                }
            }
            default -> status = filled.signum() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW;
        }
        long micros = millis(state.uTime(), state.cTime()) * MICROS_PER_MILLI;
        ExecutionReport report = report(order, String.valueOf(state.ordId()), status, filled, notional, reason, micros);
        return new VenueOrderState(report, feeInQuote(order.coin(), state, notional, average, fees));
    }

    /** Our order for an OKX order this process did not send (placed before a restart, or by hand). */
    Optional<Order> order(OkxOrder state, VenueListing listing, ClientOrderId id) {
        BigDecimal size = listing.toCoins(decimal(state.sz()));
        if (size.signum() <= 0) {
            return Optional.empty();
        }
        String type = String.valueOf(state.ordType());
        boolean isMarket = "market".equals(type);
        TimeInForce timeInForce = switch (type) {
            case "post_only" -> TimeInForce.POST_ONLY;
            case "ioc", "fok", "optimal_limit_ioc" -> TimeInForce.IOC;
            default -> TimeInForce.GTC;
        };
        BigDecimal price = decimal(state.px());
        return Optional.of(new Order(id, listing.instrument().coin(), ExchangeId.OKX, market,
                "sell".equals(state.side()) ? Side.SELL : Side.BUY, isMarket ? OrderType.MARKET : OrderType.LIMIT,
                timeInForce, new Quantity(size), isMarket || price.signum() <= 0 ? Optional.empty() : Optional.of(new Price(price)),
                "true".equals(state.reduceOnly())));
    }

    /** The trading account's cash balance of each currency; frozen = held by orders. */
    Balance balance(OkexWalletBalance.Detail detail) {
        return new Balance(detail.getCurrency(), decimal(detail.getCashBalance()), decimal(detail.getFrozenBalance()));
    }

    /** A net-mode swap position: {@code pos} is signed, in contracts. */
    Optional<Position> position(OkexPosition position, VenueListing listing) {
        BigDecimal contracts = position.getPosition() == null ? BigDecimal.ZERO : position.getPosition();
        if (contracts.signum() == 0) {
            return Optional.empty();
        }
        if ("short".equals(position.getPositionSide())) {
            contracts = contracts.abs().negate();
        }
        BigDecimal entry = position.getAverageOpenPrice() == null ? BigDecimal.ZERO : position.getAverageOpenPrice();
        return Optional.of(new Position(listing.instrument().coin(), ExchangeId.OKX, InstrumentKind.PERPETUAL,
                listing.toCoins(contracts), entry, BigDecimal.ZERO, BigDecimal.ZERO));
    }

    /** OKX states fee rates as negative numbers for a commission (positive for a rebate). */
    FeeTier feeTier(OkexTradeFee fee) {
        return new FeeTier("okx-" + (fee.getLevel() == null || fee.getLevel().isBlank() ? "account" : fee.getLevel()),
                decimal(fee.getMaker()).negate().doubleValue() * 10_000, decimal(fee.getTaker()).negate().doubleValue() * 10_000);
    }

    private BigDecimal feeInQuote(Coin coin, OkxOrder state, BigDecimal notional, BigDecimal average, FeeTier fees) {
        BigDecimal charged = decimal(state.fee()).negate();
        if (quoteCurrency.equals(state.feeCcy()) || charged.signum() == 0) {
            return charged;
        }
        if (coin.symbol().equals(state.feeCcy())) {
            return charged.multiply(average);
        }
        // charged in a third currency we hold no price for: the taker rate of the notional stands in
        return notional.multiply(BigDecimal.valueOf(fees.takerBps())).divide(BigDecimal.valueOf(10_000), MathContext.DECIMAL64);
    }

    private static ExecutionReport report(Order order, String ordId, OrderStatus status, BigDecimal filled,
                                          BigDecimal notional, Optional<RejectReason> reason, long micros) {
        return new ExecutionReport(order, ordId, status, new Quantity(filled), notional, Optional.empty(), reason, micros);
    }

    private static long millis(String updated, String created) {
        String value = updated != null && !updated.isBlank() ? updated : created;
        return value == null || value.isBlank() ? 0 : Long.parseLong(value);
    }

    private static String baseOf(String underlying) {
        int dash = underlying == null ? -1 : underlying.indexOf('-');
        return dash > 0 ? underlying.substring(0, dash) : null;
    }

    private static String quoteOf(String underlying) {
        int dash = underlying == null ? -1 : underlying.indexOf('-');
        return dash > 0 ? underlying.substring(dash + 1) : null;
    }

    private static BigDecimal multiplier(String value) {
        BigDecimal multiplier = decimal(value);
        return multiplier.signum() > 0 ? multiplier : BigDecimal.ONE;
    }

    static BigDecimal decimal(String text) {
        return text == null || text.isBlank() ? BigDecimal.ZERO : new BigDecimal(text);
    }
}

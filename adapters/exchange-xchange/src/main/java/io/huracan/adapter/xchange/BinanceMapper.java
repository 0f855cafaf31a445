package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.Balance;
import io.huracan.ports.exchange.ExchangeErrorClass;
import io.huracan.ports.exchange.ExchangeException;
import io.huracan.ports.exchange.ExecutionReport;
import io.huracan.ports.exchange.FeeTier;
import io.huracan.ports.exchange.Instrument;
import io.huracan.ports.market.BookLevel;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.market.OrderBook;
import io.huracan.ports.market.Price;
import io.huracan.ports.market.Quantity;
import io.huracan.ports.market.Side;
import io.huracan.ports.market.Trade;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Fill;
import io.huracan.ports.order.Order;
import io.huracan.ports.order.OrderStatus;
import io.huracan.ports.order.OrderType;
import io.huracan.ports.order.TimeInForce;
import org.knowm.xchange.binance.dto.account.BinanceBalance;
import org.knowm.xchange.binance.dto.marketdata.BinanceAggTrades;
import org.knowm.xchange.binance.dto.marketdata.BinanceOrderbook;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.Filter;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.Symbol;
import org.knowm.xchange.binance.dto.trade.BinanceCancelledOrder;
import org.knowm.xchange.binance.dto.trade.BinanceNewOrder;
import org.knowm.xchange.binance.dto.trade.BinanceOrder;
import org.knowm.xchange.binance.dto.trade.BinanceTrade;
import org.knowm.xchange.binance.dto.trade.OrderSide;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Binance spot DTOs (as XChange parses them) to port values and back; no XChange type leaves this class's callers. */
final class BinanceMapper {
    private static final long MICROS_PER_MILLI = 1000;

    private final BinanceSymbols symbols;

    BinanceMapper(BinanceSymbols symbols) {
        this.symbols = symbols;
    }

    /** A spot symbol that is TRADING against our quote currency, with its PRICE_FILTER, LOT_SIZE and (MIN_)NOTIONAL. */
    Optional<Instrument> instrument(Symbol symbol) {
        if (!"TRADING".equals(symbol.getStatus()) || !symbols.quoteCurrency().equals(symbol.getQuoteAsset())
                || symbol.getBaseAsset() == null || !symbol.getBaseAsset().matches("[A-Z0-9]{1,20}")) {
            return Optional.empty();
        }
        BigDecimal tick = null;
        BigDecimal lot = null;
        BigDecimal minNotional = BigDecimal.ZERO;
        for (Filter filter : symbol.getFilters() == null ? new Filter[0] : symbol.getFilters()) {
            switch (String.valueOf(filter.getFilterType())) {
                case "PRICE_FILTER" -> tick = decimal(filter.getTickSize());
                case "LOT_SIZE" -> lot = decimal(filter.getStepSize());
                case "NOTIONAL", "MIN_NOTIONAL" -> minNotional = minNotional.max(decimal(filter.getMinNotional()));
                default -> { }
            }
        }
        if (tick == null || tick.signum() <= 0 || lot == null || lot.signum() <= 0) {
            return Optional.empty();
        }
        Coin coin = Coin.of(symbol.getBaseAsset());
        symbols.register(coin);
        return Optional.of(new Instrument(coin, ExchangeId.BINANCE, InstrumentKind.SPOT, symbols.quoteCurrency(),
                tick, lot, minNotional));
    }

    OrderBook orderBook(Coin coin, BinanceOrderbook book, int depth, long nowMicros) {
        return new OrderBook(coin, ExchangeId.BINANCE, nowMicros, levels(book.bids, depth, true),
                levels(book.asks, depth, false));
    }

    /** A REST depth answer as the snapshot a streamed book is rebuilt from; its sequence is {@code lastUpdateId}. */
    BookUpdate snapshot(Coin coin, BinanceOrderbook book, long nowMicros) {
        return BookUpdate.snapshot(coin, book.lastUpdateId, nowMicros, levels(book.bids, Integer.MAX_VALUE, true),
                levels(book.asks, Integer.MAX_VALUE, false));
    }

    private static List<BookLevel> levels(java.util.SortedMap<BigDecimal, BigDecimal> side, int depth, boolean bids) {
        List<BookLevel> levels = new ArrayList<>(Math.min(depth, side.size()));
        Iterable<Map.Entry<BigDecimal, BigDecimal>> ordered = bids
                ? new java.util.TreeMap<>(side).descendingMap().entrySet() : side.entrySet();
        for (Map.Entry<BigDecimal, BigDecimal> level : ordered) {
            if (levels.size() == depth) {
                break;
            }
            levels.add(new BookLevel(level.getKey().doubleValue(), level.getValue().doubleValue()));
        }
        return levels;
    }

    OrderSide side(Side side) {
        return side == Side.BUY ? OrderSide.BUY : OrderSide.SELL;
    }

    org.knowm.xchange.binance.dto.trade.OrderType type(Order order) {
        if (order.type() == OrderType.MARKET) {
            return org.knowm.xchange.binance.dto.trade.OrderType.MARKET;
        }
        return order.timeInForce() == TimeInForce.POST_ONLY
                ? org.knowm.xchange.binance.dto.trade.OrderType.LIMIT_MAKER
                : org.knowm.xchange.binance.dto.trade.OrderType.LIMIT;
    }

    /** LIMIT orders carry GTC or IOC; LIMIT_MAKER and MARKET orders take none. */
    org.knowm.xchange.binance.dto.trade.TimeInForce timeInForce(Order order) {
        if (order.type() == OrderType.MARKET || order.timeInForce() == TimeInForce.POST_ONLY) {
            return null;
        }
        return order.timeInForce() == TimeInForce.IOC ? org.knowm.xchange.binance.dto.trade.TimeInForce.IOC
                : org.knowm.xchange.binance.dto.trade.TimeInForce.GTC;
    }

    /**
     * The reports of a FULL new-order response: the acknowledgement, then one per fill with cumulative amounts,
     * the last carrying the venue's final status. Fees are converted to the quote currency.
     */
    List<VenueOrderState> placed(Order order, BinanceNewOrder response, BigDecimal takerBps) {
        String exchangeOrderId = Long.toString(response.orderId);
        long micros = response.transactTime * MICROS_PER_MILLI;
        List<VenueOrderState> states = new ArrayList<>();
        List<BinanceTrade> fills = response.fills == null ? List.of() : response.fills;
        OrderStatus finalStatus = status(order, response.status);
        states.add(new VenueOrderState(report(order, exchangeOrderId, fills.isEmpty() ? finalStatus : OrderStatus.NEW,
                BigDecimal.ZERO, BigDecimal.ZERO, Optional.empty(), micros), BigDecimal.ZERO));
        BigDecimal filled = BigDecimal.ZERO;
        BigDecimal notional = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        for (int i = 0; i < fills.size(); i++) {
            BinanceTrade trade = fills.get(i);
            filled = filled.add(trade.qty);
            notional = notional.add(trade.price.multiply(trade.qty));
            BigDecimal fee = feeInQuote(order.coin(), trade, takerBps);
            fees = fees.add(fee);
            Fill fill = new Fill(Long.toString(trade.tradeId), order.clientOrderId(), order.coin(), ExchangeId.BINANCE,
                    order.side(), new Price(trade.price), new Quantity(trade.qty), fee, false, micros);
            OrderStatus status = i == fills.size() - 1 ? finalStatus : OrderStatus.PARTIALLY_FILLED;
            states.add(new VenueOrderState(report(order, exchangeOrderId, status, filled, notional, Optional.of(fill),
                    micros), fees));
        }
        return states;
    }

    /**
     * The order's state from GET /api/v3/order or an openOrders entry. Binance names no commission there: the fee
     * tier's rate of the filled notional stands in for it (maker for a resting limit order, taker otherwise).
     */
    VenueOrderState state(Order order, BinanceOrder state, FeeTier fees) {
        ExecutionReport report = report(order, Long.toString(state.orderId), status(order, state.status),
                state.executedQty, state.cummulativeQuoteQty, Optional.empty(), state.time * MICROS_PER_MILLI);
        return new VenueOrderState(report, estimatedFee(order, report.filledNotional(), fees));
    }

    VenueOrderState cancelled(Order order, BinanceCancelledOrder response, long nowMicros, FeeTier fees) {
        ExecutionReport report = report(order, Long.toString(response.orderId),
                status(order, org.knowm.xchange.binance.dto.trade.OrderStatus.valueOf(response.status)),
                decimal(response.executedQty), decimal(response.cummulativeQuoteQty), Optional.empty(), nowMicros);
        return new VenueOrderState(report, estimatedFee(order, report.filledNotional(), fees));
    }

    /** aggTrades arrive oldest first; the buyer being the maker means the seller took. */
    List<Trade> trades(Coin coin, List<BinanceAggTrades> trades) {
        List<Trade> mapped = new ArrayList<>(trades.size());
        for (int i = trades.size() - 1; i >= 0; i--) {
            BinanceAggTrades trade = trades.get(i);
            mapped.add(new Trade(coin, ExchangeId.BINANCE, trade.timestamp * MICROS_PER_MILLI, trade.price.doubleValue(),
                    trade.quantity.doubleValue(), trade.buyerMaker ? Side.SELL : Side.BUY));
        }
        return mapped;
    }

    private static BigDecimal estimatedFee(Order order, BigDecimal notional, FeeTier fees) {
        boolean maker = order.type() == OrderType.LIMIT && order.timeInForce() != TimeInForce.IOC;
        return notional.multiply(BigDecimal.valueOf(fees.bps(maker))).divide(BigDecimal.valueOf(10_000), MathContext.DECIMAL64);
    }

    /** Our order for a venue order we did not send from this process (placed before a restart, or by hand). */
    Optional<Order> order(BinanceOrder state, Instrument instrument) {
        return order(state, instrument.coin());
    }

    Optional<Order> order(BinanceOrder state, Coin coin) {
        String id = state.clientOrderId != null && state.clientOrderId.matches("[A-Za-z0-9_-]{1,32}")
                ? state.clientOrderId : "binance-" + state.orderId;
        TimeInForce timeInForce = state.type == org.knowm.xchange.binance.dto.trade.OrderType.LIMIT_MAKER
                ? TimeInForce.POST_ONLY
                : state.timeInForce == org.knowm.xchange.binance.dto.trade.TimeInForce.IOC ? TimeInForce.IOC : TimeInForce.GTC;
        boolean market = state.type == org.knowm.xchange.binance.dto.trade.OrderType.MARKET;
        if (state.origQty == null || state.origQty.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Order(new ClientOrderId(id), coin, ExchangeId.BINANCE, InstrumentKind.SPOT,
                state.side == OrderSide.BUY ? Side.BUY : Side.SELL, market ? OrderType.MARKET : OrderType.LIMIT,
                timeInForce, new Quantity(state.origQty),
                market || state.price == null || state.price.signum() <= 0 ? Optional.empty() : Optional.of(new Price(state.price)),
                false));
    }

    Balance balance(BinanceBalance balance) {
        return new Balance(balance.getCurrency().getCurrencyCode(), balance.getTotal(), balance.getLocked());
    }

    /**
     * Binance takes the commission in the asset received (or in BNB): converted to the quote currency at the fill
     * price; a BNB commission has no price here, so the fee tier's taker rate stands in for it.
     */
    private BigDecimal feeInQuote(Coin coin, BinanceTrade trade, BigDecimal takerBps) {
        BigDecimal commission = trade.commission == null ? BigDecimal.ZERO : trade.commission;
        if (symbols.quoteCurrency().equals(trade.commissionAsset)) {
            return commission;
        }
        if (coin.symbol().equals(trade.commissionAsset)) {
            return commission.multiply(trade.price);
        }
        return trade.price.multiply(trade.qty).multiply(takerBps).divide(BigDecimal.valueOf(10_000), MathContext.DECIMAL64);
    }

    private static OrderStatus status(Order order, org.knowm.xchange.binance.dto.trade.OrderStatus status) {
        return switch (status) {
            case NEW, PENDING_CANCEL -> OrderStatus.NEW;
            case PARTIALLY_FILLED -> OrderStatus.PARTIALLY_FILLED;
            case FILLED -> OrderStatus.FILLED;
            case CANCELED, EXPIRED -> OrderStatus.CANCELLED;
            case REJECTED -> throw new ExchangeException(ExchangeErrorClass.REJECTED, null,
                    "binance reported order " + order.clientOrderId() + " REJECTED without a reason", null);
        };
    }

    private static ExecutionReport report(Order order, String exchangeOrderId, OrderStatus status, BigDecimal filled,
                                          BigDecimal notional, Optional<Fill> fill, long micros) {
        BigDecimal filledQuantity = filled == null ? BigDecimal.ZERO : filled;
        OrderStatus effective = status == OrderStatus.NEW && filledQuantity.signum() > 0 ? OrderStatus.PARTIALLY_FILLED : status;
        return new ExecutionReport(order, exchangeOrderId, effective, new Quantity(filledQuantity),
                notional == null ? BigDecimal.ZERO : notional, fill, Optional.empty(), micros);
    }

    private static BigDecimal decimal(String text) {
        return text == null || text.isBlank() ? BigDecimal.ZERO : new BigDecimal(text);
    }
}

package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.Balance;
import io.huracan.ports.exchange.ExchangeException;
import io.huracan.ports.exchange.FeeTier;
import io.huracan.ports.exchange.Instrument;
import io.huracan.ports.exchange.Position;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.FundingRate;
import io.huracan.ports.market.OrderBook;
import io.huracan.ports.market.Trade;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Order;
import org.knowm.xchange.ExchangeFactory;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.binance.BinanceExchange;
import org.knowm.xchange.binance.dto.BinanceException;
import org.knowm.xchange.binance.dto.account.BinanceAccountInformation;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.BinanceExchangeInfo;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.RateLimit;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.Symbol;
import org.knowm.xchange.binance.dto.trade.BinanceNewOrder;
import org.knowm.xchange.binance.dto.trade.BinanceOrder;
import org.knowm.xchange.binance.service.BinanceAccountServiceRaw;
import org.knowm.xchange.binance.service.BinanceHmacDigest;
import org.knowm.xchange.client.ExchangeRestProxyBuilder;
import si.mazi.rescu.ParamsDigest;
import si.mazi.rescu.SynchronizedValueFactory;
import org.knowm.xchange.binance.service.BinanceMarketDataServiceRaw;
import org.knowm.xchange.binance.service.BinanceTradeServiceRaw;
import si.mazi.rescu.HttpResponseAware;
import si.mazi.rescu.HttpStatusException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Binance spot through XChange's raw services (XChange signs each request with HMAC-SHA256 as Binance documents).
 * Each call first takes its documented request weight from the {@link RequestBudget}; every response feeds the
 * budget what Binance counted (X-MBX-USED-WEIGHT-1M, through {@link ResponseHeaderTap}), and error responses a
 * 429's Retry-After or a 418 ban.
 * XChange's own retries and rate limiters are switched off: the gateway owns both.
 */
final class BinanceClient implements VenueClient {
    static final Duration DEFAULT_BAN = Duration.ofMinutes(2);
    static final String WEIGHT = "request weight";
    /** Request weights of GET /api/v3/order and of GET /api/v3/openOrders without a symbol. */
    private static final int QUERY_ORDER_WEIGHT = 4;
    private static final int OPEN_ORDERS_WEIGHT = 80;
    static final String ORDERS = "orders";

    private final XChangeVenueConfig config;
    private final BinanceMarketDataServiceRaw marketData;
    private final BinanceTradeServiceRaw trade;
    private final BinanceAccountServiceRaw account;
    private final BinanceOrderLookup lookup;
    private final ParamsDigest signature;
    private final SynchronizedValueFactory<Long> timestamps;
    private final BinanceSymbols symbols;
    private final BinanceMapper mapper;
    private final VenueCalls calls;
    private final RateWindow weight;
    private final RateWindow orders;
    private final Clock clock;
    private volatile FeeTier fees = new FeeTier("binance-default", 10, 10);

    BinanceClient(XChangeVenueConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        ExchangeSpecification spec = new BinanceExchange().getDefaultExchangeSpecification();
        spec.setApiKey(config.apiKey());
        spec.setSecretKey(config.apiSecret());
        if (!config.baseUrl().isEmpty()) {
            spec.setSslUri(config.baseUrl());
        }
        spec.setShouldLoadRemoteMetaData(false);
        spec.setHttpConnTimeout(Math.toIntExact(config.connectTimeout().toMillis()));
        spec.setHttpReadTimeout(Math.toIntExact(config.readTimeout().toMillis()));
        spec.getResilience().setRetryEnabled(false);
        spec.getResilience().setRateLimiterEnabled(false);
        BinanceExchange exchange = (BinanceExchange) ExchangeFactory.INSTANCE.createExchange(spec);
        this.marketData = (BinanceMarketDataServiceRaw) exchange.getMarketDataService();
        this.trade = (BinanceTradeServiceRaw) exchange.getTradeService();
        this.account = (BinanceAccountServiceRaw) exchange.getAccountService();
        this.lookup = ExchangeRestProxyBuilder.forInterface(BinanceOrderLookup.class, exchange.getExchangeSpecification()).build();
        this.signature = BinanceHmacDigest.createInstance(config.apiSecret());
        this.timestamps = exchange.getTimestampFactory();
        this.symbols = new BinanceSymbols(config.quoteCurrency());
        this.mapper = new BinanceMapper(symbols);
        RequestBudget budget = new RequestBudget("binance", clock, config.maxRateLimitWait(), config.rateLimitScale());
        // fixed windows as Binance counts them; the limits are replaced by exchangeInfo.rateLimits
        this.weight = budget.window(WEIGHT, 6000, Duration.ofMinutes(1), RateWindow.Counting.FIXED);
        this.orders = budget.window(ORDERS, 100, Duration.ofSeconds(10), RateWindow.Counting.FIXED);
        this.calls = new VenueCalls(budget, new BinanceErrorClassifier(), this::observe);
        ResponseHeaderTap.register(java.net.URI.create(spec.getSslUri()), (path, headers) -> {
            String used = headers.header("X-MBX-USED-WEIGHT-1M");
            if (used != null && used.trim().matches("\\d{1,9}")) {
                budget.venueCounted(weight, Integer.parseInt(used.trim()));
            }
        });
    }

    @Override
    public ExchangeId exchange() {
        return ExchangeId.BINANCE;
    }

    @Override
    public VenueCalls calls() {
        return calls;
    }

    @Override
    public List<Instrument> loadInstruments() {
        BinanceExchangeInfo info = get("exchangeInfo", 20, marketData::getExchangeInfo);
        applyRateLimits(info.getRateLimits());
        List<Instrument> instruments = new ArrayList<>();
        for (Symbol symbol : info.getSymbols()) {
            mapper.instrument(symbol).ifPresent(instruments::add);
        }
        instruments.sort(Comparator.comparing(Instrument::coin));
        return instruments;
    }

    @Override
    public OrderBook orderBook(Instrument instrument, int depth) {
        int limit = depthLimit(depth);
        var book = get("depth", depthWeight(limit),
                () -> marketData.getBinanceOrderbookAllProducts(symbols.pair(instrument.coin()), limit));
        return mapper.orderBook(instrument.coin(), book, depth, nowMicros());
    }

    BinanceSymbols symbols() {
        return symbols;
    }

    /** GET /api/v3/depth with its {@code lastUpdateId}, for a streamed book: charged as {@link #orderBook} is. */
    BookUpdate depthSnapshot(Coin coin, int depth) {
        int limit = depthLimit(depth);
        var book = get("depth", depthWeight(limit), () -> marketData.getBinanceOrderbookAllProducts(symbols.pair(coin), limit));
        return mapper.snapshot(coin, book, nowMicros());
    }

    /** GET /api/v3/aggTrades, weight 4. */
    @Override
    public List<Trade> recentTrades(Instrument instrument, int limit) {
        int capped = Math.max(1, Math.min(limit, 1000));
        return mapper.trades(instrument.coin(), get("aggTrades", 4,
                () -> marketData.aggTradesAllProducts(symbols.pair(instrument.coin()), null, null, null, capped)));
    }

    /** Spot only in this build: no funding. */
    @Override
    public Optional<FundingRate> fundingRate(Instrument instrument) {
        return Optional.empty();
    }

    @Override
    public List<VenueOrderState> place(Order order, Instrument instrument) {
        try {
            return send(order);
        } catch (ExchangeException e) {
            if (e.getCause() instanceof BinanceException binance && binance.getCode() == -2010
                    && String.valueOf(binance.getMessage()).startsWith("Duplicate order")) {
                return alreadyPlaced(order, instrument);
            }
            throw e;
        }
    }

    private List<VenueOrderState> send(Order order) {
        BinanceNewOrder response = calls.call("new order " + order.clientOrderId(),
                List.of(new RequestBudget.Charge(weight, 1), new RequestBudget.Charge(orders, 1)),
                () -> trade.newOrder(symbols.pair(order.coin()), mapper.side(order.side()), mapper.type(order),
                        mapper.timeInForce(order), order.quantity().value(), null,
                        order.limitPrice().map(p -> p.value()).orElse(null), order.clientOrderId().value(), null, null,
                        null, BinanceNewOrder.NewOrderResponseType.FULL));
        return mapper.placed(order, response, BigDecimal.valueOf(fees.takerBps()));
    }

    @Override
    public Optional<VenueOrderState> query(Instrument instrument, ClientOrderId clientOrderId, Optional<Order> known) {
        return VenueClient.emptyIfUnknown(() -> {
            BinanceOrder state = get("query order " + clientOrderId, QUERY_ORDER_WEIGHT,
                    () -> lookup.orderStatus(symbols.symbol(instrument.coin()), clientOrderId.value(), null, timestamps,
                            config.apiKey(), signature));
            return known.or(() -> mapper.order(state, instrument)).map(order -> mapper.state(order, state, fees));
        });
    }

    @Override
    public VenueOrderState cancel(Order order, Instrument instrument, String exchangeOrderId) {
        // XChange 5.2.2 unboxes the order id here, so it must be sent along with our client order id
        Long orderId = Long.valueOf(exchangeOrderId);
        var response = get("cancel order " + order.clientOrderId(), 1,
                () -> trade.cancelOrderAllProducts(symbols.pair(order.coin()), orderId, order.clientOrderId().value(), null));
        return mapper.cancelled(order, response, nowMicros(), fees);
    }

    @Override
    public List<VenueOrderState> openOrders(Function<ClientOrderId, Optional<Order>> known) {
        List<BinanceOrder> open = get("open orders", OPEN_ORDERS_WEIGHT, trade::openOrdersAllProducts);
        List<VenueOrderState> states = new ArrayList<>(open.size());
        for (BinanceOrder state : open) {
            Optional<Coin> coin = symbols.coin(state.symbol);
            if (coin.isEmpty()) {
                continue; // a symbol outside our quote currency or not TRADING: not ours to manage
            }
            Optional<Order> order = state.clientOrderId != null && state.clientOrderId.matches("[A-Za-z0-9_-]{1,32}")
                    ? known.apply(new ClientOrderId(state.clientOrderId)) : Optional.empty();
            order.or(() -> mapper.order(state, coin.get()))
                    .ifPresent(o -> states.add(mapper.state(o, state, fees)));
        }
        return states;
    }

    /** GET /api/v3/openOrders of every symbol weighs as much as twenty queries of one order. */
    @Override
    public boolean listingIsCheaperThanQuerying(int orders) {
        return orders * QUERY_ORDER_WEIGHT > OPEN_ORDERS_WEIGHT;
    }

    @Override
    public List<Balance> balances() {
        return VenueClient.quoteFirst(accountInformation().balances.stream().map(mapper::balance).toList(),
                symbols.quoteCurrency());
    }

    @Override
    public List<Position> positions() {
        return List.of();
    }

    /** makerCommission and takerCommission of GET /api/v3/account are in units of 0.01 %, i.e. basis points. */
    @Override
    public FeeTier feeTier() {
        BinanceAccountInformation info = accountInformation();
        FeeTier tier = new FeeTier("binance-account", info.makerCommission.doubleValue(), info.takerCommission.doubleValue());
        fees = tier;
        return tier;
    }

    private BinanceAccountInformation accountInformation() {
        return get("account", 20, account::account);
    }

    private <T> T get(String action, int requestWeight, Callable<T> request) {
        return calls.call(action, List.of(new RequestBudget.Charge(weight, requestWeight)), request);
    }

    /** Feeds the budget what Binance said about our rate: its weight count, a 429 or a 418 ban. */
    private void observe(Throwable failure, RequestBudget budget) {
        if (failure instanceof HttpResponseAware aware && aware.getResponseHeaders() != null) {
            Map<String, List<String>> headers = aware.getResponseHeaders();
            String used = ResponseHeaderTap.header(headers, "X-MBX-USED-WEIGHT-1M");
            if (used != null && used.trim().matches("\\d{1,9}")) {
                budget.venueCounted(weight, Integer.parseInt(used.trim()));
            }
            int status = failure instanceof HttpStatusException http ? http.getHttpStatusCode() : 0;
            Optional<Duration> retryAfter = RetryAfter.parse(ResponseHeaderTap.header(headers, "Retry-After"));
            if (status == 418) {
                budget.banned(retryAfter.orElse(DEFAULT_BAN));
            } else if (status == 429 || failure instanceof BinanceException binance && binance.getCode() == -1003) {
                budget.rateLimited(retryAfter.orElse(Duration.ofSeconds(1)));
            }
        }
    }

    /** REQUEST_WEIGHT per minute and ORDERS per 10 seconds, as exchangeInfo announces them. */
    private void applyRateLimits(List<RateLimit> limits) {
        if (limits == null) {
            return;
        }
        for (RateLimit limit : limits) {
            if ("REQUEST_WEIGHT".equals(limit.getRateLimitType()) && "MINUTE".equals(limit.getInterval())
                    && "1".equals(limit.getIntervalNum())) {
                calls.budget().resize(weight, Integer.parseInt(limit.getLimit()));
            } else if ("ORDERS".equals(limit.getRateLimitType()) && "SECOND".equals(limit.getInterval())
                    && "10".equals(limit.getIntervalNum())) {
                calls.budget().resize(orders, Integer.parseInt(limit.getLimit()));
            }
        }
    }

    /** The smallest depth Binance serves that holds {@code depth} levels. */
    static int depthLimit(int depth) {
        for (int limit : new int[] {5, 10, 20, 50, 100, 500, 1000, 5000}) {
            if (depth <= limit) {
                return limit;
            }
        }
        return 5000;
    }

    /** GET /api/v3/depth weight by limit: 1-100 -> 5, 101-500 -> 25, 501-1000 -> 50, 1001-5000 -> 250. */
    static int depthWeight(int limit) {
        return limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250;
    }

    private long nowMicros() {
        return clock.millis() * 1000;
    }
}

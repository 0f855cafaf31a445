package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.Balance;
import io.huracan.ports.exchange.ExchangeErrorClass;
import io.huracan.ports.exchange.ExchangeException;
import io.huracan.ports.exchange.FeeTier;
import io.huracan.ports.exchange.Instrument;
import io.huracan.ports.exchange.Position;
import io.huracan.ports.exchange.RejectReason;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.FundingRate;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.market.OrderBook;
import io.huracan.ports.market.Trade;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Order;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.bybit.BybitExchange;
import org.knowm.xchange.bybit.dto.BybitResult;
import org.knowm.xchange.bybit.service.BybitDigest;
import org.knowm.xchange.bybit.service.BybitException;
import org.knowm.xchange.bybit.service.BybitJacksonObjectMapperFactory;
import org.knowm.xchange.client.ExchangeRestProxyBuilder;
import si.mazi.rescu.HttpResponseAware;
import si.mazi.rescu.HttpStatusException;
import si.mazi.rescu.ParamsDigest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Bybit v5 (unified account) through our {@link BybitV5} rescu interface, signed by XChange's {@link BybitDigest},
 * with XChange's {@link BybitResult} envelope and Jackson setup. Rate limits are Bybit's
 * (https://bybit-exchange.github.io/docs/v5/rate-limit): per endpoint and UID over a rolling second, and 600 requests
 * per 5 s per IP for everything; every response's X-Bapi-Limit-Status, X-Bapi-Limit and X-Bapi-Limit-Reset-Timestamp
 * correct the endpoint's window. retCode 10006 pauses the venue for a second; HTTP 403 is the IP ban (Bybit: wait at
 * least 10 minutes), during which nothing is sent.
 */
final class BybitClient implements VenueClient {
    static final Duration IP_BAN = Duration.ofMinutes(10);
    static final String RECV_WINDOW = "5000";
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final int MAX_PAGES = 20;

    private final XChangeVenueConfig config;
    private final Clock clock;
    private final BybitV5 bybit;
    private final ParamsDigest signature;
    private final BybitMapper mapper;
    private final VenueListings listings = new VenueListings("bybit");
    private final VenueCalls calls;
    private final RateWindow ip;
    private final int orderEntryLimit;
    private volatile FeeTier fees = new FeeTier("bybit-default", 10, 10);

    BybitClient(XChangeVenueConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        ExchangeSpecification spec = new BybitExchange().getDefaultExchangeSpecification();
        if (!config.baseUrl().isEmpty()) {
            spec.setSslUri(config.baseUrl());
        }
        spec.setHttpConnTimeout(Math.toIntExact(config.connectTimeout().toMillis()));
        spec.setHttpReadTimeout(Math.toIntExact(config.readTimeout().toMillis()));
        this.bybit = ExchangeRestProxyBuilder.forInterface(BybitV5.class, spec)
                .clientConfigCustomizer(c -> c.setJacksonObjectMapperFactory(new BybitJacksonObjectMapperFactory()))
                .build();
        this.signature = config.apiSecret().isEmpty() ? null : BybitDigest.createInstance(config.apiSecret());
        this.mapper = new BybitMapper(config.market(), config.quoteCurrency());
        this.orderEntryLimit = config.market() == InstrumentKind.SPOT ? 20 : 10;
        RequestBudget budget = new RequestBudget("bybit", clock, config.maxRateLimitWait(), config.rateLimitScale());
        this.ip = budget.window("ip", 600, Duration.ofSeconds(5), RateWindow.Counting.SLIDING);
        this.calls = new VenueCalls(budget, new BybitErrorClassifier(), BybitClient::observe);
        ResponseHeaderTap.register(URI.create(spec.getSslUri()), (path, headers) ->
                budget.existing(path).ifPresent(window -> correct(budget, window, headers)));
    }

    @Override
    public ExchangeId exchange() {
        return ExchangeId.BYBIT;
    }

    @Override
    public VenueCalls calls() {
        return calls;
    }

    /** The listing of a coin loaded last, for the streams: its symbol ({@code BTCUSDT}). */
    VenueListing listing(Coin coin) {
        return listings.of(coin);
    }

    /** Our v5 category: {@code spot}, or {@code linear} for USDT perpetuals (also the public stream's path). */
    String category() {
        return mapper.category();
    }

    /** GET /v5/market/instruments-info of our category, every page (linear lists more than 500). */
    @Override
    public List<Instrument> loadInstruments() {
        List<VenueListing> listed = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String at = cursor;
            var result = unsigned("instruments", () -> bybit.instruments(mapper.category(), at, 1000));
            result.items().forEach(instrument -> mapper.listing(instrument).ifPresent(listed::add));
            cursor = result.nextPageCursor();
            if (cursor == null || cursor.isBlank()) {
                break;
            }
        }
        listings.replace(listed);
        return listed.stream().map(VenueListing::instrument).sorted(Comparator.comparing(Instrument::coin)).toList();
    }

    /** GET /v5/market/orderbook: spot up to 200 levels, linear up to 500. */
    @Override
    public OrderBook orderBook(Instrument instrument, int depth) {
        VenueListing listing = listings.of(instrument);
        int limit = Math.max(1, Math.min(depth, config.market() == InstrumentKind.SPOT ? 200 : 500));
        var book = unsigned("order book", () -> bybit.orderBook(mapper.category(), limit, listing.symbol()));
        return mapper.orderBook(listing, book, depth, nowMicros());
    }

    /** GET /v5/market/recent-trade: spot up to 60, linear up to 1 000. */
    @Override
    public List<Trade> recentTrades(Instrument instrument, int limit) {
        VenueListing listing = listings.of(instrument);
        int capped = Math.max(1, Math.min(limit, config.market() == InstrumentKind.SPOT ? 60 : 1000));
        return mapper.trades(listing, unsigned("trades", () -> bybit.trades(mapper.category(), capped, listing.symbol())).items());
    }

    /** GET /v5/market/tickers of the linear symbol: fundingRate and nextFundingTime. */
    @Override
    public Optional<FundingRate> fundingRate(Instrument instrument) {
        if (instrument.kind() != InstrumentKind.PERPETUAL) {
            return Optional.empty();
        }
        VenueListing listing = listings.of(instrument);
        var tickers = unsigned("funding rate", () -> bybit.tickers(mapper.category(), listing.symbol())).items();
        return tickers.stream().findFirst().flatMap(ticker -> mapper.funding(listing, ticker, nowMicros()));
    }

    /**
     * POST /v5/order/create with our id as orderLinkId, then one query of the order: Bybit answers a placement with
     * its ids only. A failed query leaves the acknowledgement; the next query tells what became of the order.
     */
    @Override
    public List<VenueOrderState> place(Order order, Instrument instrument) {
        VenueListing listing = listings.of(instrument);
        if (order.quantity().value().compareTo(listing.minQuantity()) < 0) {
            throw ExchangeException.rejected(RejectReason.LOT_SIZE, "order " + order.clientOrderId() + " quantity "
                    + order.quantity() + " is below the bybit minimum order quantity "
                    + listing.minQuantity().toPlainString() + " " + instrument.coin());
        }
        String action = "new order " + order.clientOrderId();
        BybitResult<BybitPayloads.OrderId> answer = calls.call(action, charges("/v5/order/create", orderEntryLimit), () -> {
            var result = bybit.create(config.apiKey(), signature, timestamp(), RECV_WINDOW, mapper.request(order, listing));
            return isDuplicate(result) ? result : success(result);
        });
        if (isDuplicate(answer)) {
            return alreadyPlaced(order, instrument);
        }
        return acknowledgedThenQueried(mapper.accepted(order, answer.getResult().orderId(), nowMicros()), order, instrument);
    }

    /**
     * GET /v5/order/realtime by orderLinkId (any status among the recent orders), then /v5/order/history: after a
     * Bybit restart only the history still has closed orders, and an order must not look unknown when it is not.
     */
    @Override
    public Optional<VenueOrderState> query(Instrument instrument, ClientOrderId clientOrderId, Optional<Order> known) {
        VenueListing listing = listings.of(instrument);
        String action = "query order " + clientOrderId;
        List<BybitPayloads.Order> found = signed(action, "/v5/order/realtime", 50, () -> bybit.realtime(config.apiKey(),
                signature, timestamp(), RECV_WINDOW, mapper.category(), null, null, clientOrderId.value(), null,
                listing.symbol())).items();
        if (found.isEmpty()) {
            found = signed(action, "/v5/order/history", 50, () -> bybit.history(config.apiKey(), signature, timestamp(),
                    RECV_WINDOW, mapper.category(), clientOrderId.value(), listing.symbol())).items();
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        BybitPayloads.Order state = found.get(0);
        return known.or(() -> mapper.order(state, listing)).map(order -> mapper.state(order, state, fees));
    }

    /** POST /v5/order/cancel by orderLinkId, then the order's state. */
    @Override
    public VenueOrderState cancel(Order order, Instrument instrument, String exchangeOrderId) {
        VenueListing listing = listings.of(instrument);
        signed("cancel order " + order.clientOrderId(), "/v5/order/cancel", orderEntryLimit,
                () -> bybit.cancel(config.apiKey(), signature, timestamp(), RECV_WINDOW,
                        new BybitPayloads.CancelRequest(mapper.category(), listing.symbol(), order.clientOrderId().value())));
        return query(instrument, order.clientOrderId(), Optional.of(order)).orElseThrow(() ->
                ExchangeException.rejected(RejectReason.UNKNOWN_ORDER, "bybit cancelled order " + order.clientOrderId()
                        + " but no longer finds it"));
    }

    /** GET /v5/order/realtime of our category (linear by settle coin), every page of 50. */
    @Override
    public List<VenueOrderState> openOrders(Function<ClientOrderId, Optional<Order>> known) {
        String settle = config.market() == InstrumentKind.SPOT ? null : config.quoteCurrency();
        List<VenueOrderState> states = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String at = cursor;
            var result = signed("open orders", "/v5/order/realtime", 50, () -> bybit.realtime(config.apiKey(), signature,
                    timestamp(), RECV_WINDOW, mapper.category(), at, 50, null, settle, null));
            for (BybitPayloads.Order state : result.items()) {
                listings.bySymbol(state.symbol()).ifPresent(listing -> mapper.order(state, listing).ifPresent(rebuilt ->
                        states.add(mapper.state(known.apply(rebuilt.clientOrderId()).orElse(rebuilt), state, fees))));
            }
            cursor = result.nextPageCursor();
            if (cursor == null || cursor.isBlank()) {
                break;
            }
        }
        return states;
    }

    /** GET /v5/account/wallet-balance of the unified account. */
    @Override
    public List<Balance> balances() {
        var wallets = signed("balance", "/v5/account/wallet-balance", 50,
                () -> bybit.wallet(config.apiKey(), signature, timestamp(), RECV_WINDOW, "UNIFIED")).items();
        List<Balance> balances = new ArrayList<>();
        for (BybitPayloads.Wallet wallet : wallets) {
            for (BybitPayloads.CoinBalance coin : wallet.coin() == null ? List.<BybitPayloads.CoinBalance>of() : wallet.coin()) {
                balances.add(mapper.balance(coin));
            }
        }
        return VenueClient.quoteFirst(balances, config.quoteCurrency());
    }

    /** GET /v5/position/list of the linear positions settled in our quote currency. */
    @Override
    public List<Position> positions() {
        if (config.market() != InstrumentKind.PERPETUAL) {
            return List.of();
        }
        var entries = signed("positions", "/v5/position/list", 50, () -> bybit.positions(config.apiKey(), signature,
                timestamp(), RECV_WINDOW, mapper.category(), config.quoteCurrency())).items();
        List<Position> positions = new ArrayList<>();
        entries.forEach(entry -> listings.bySymbol(entry.symbol()).flatMap(listing -> mapper.position(entry, listing))
                .ifPresent(positions::add));
        return positions;
    }

    /** GET /v5/account/fee-rate of our category: 5 per second. */
    @Override
    public FeeTier feeTier() {
        var rates = signed("fee tier", "/v5/account/fee-rate", 5, () -> bybit.feeRate(config.apiKey(), signature,
                timestamp(), RECV_WINDOW, mapper.category(), null)).items();
        if (rates.isEmpty()) {
            throw new ExchangeException(ExchangeErrorClass.RETRYABLE, null, "bybit fee tier answered no rate", null);
        }
        FeeTier tier = mapper.feeTier(rates.get(0));
        fees = tier;
        return tier;
    }

    /** A market-data call: the IP's window only. */
    private <T> T unsigned(String action, Callable<BybitResult<T>> request) {
        return calls.call(action, List.of(new RequestBudget.Charge(ip, 1)), () -> success(request.call()).getResult());
    }

    /** A private call: its endpoint's window per UID and the IP's. */
    private <T> T signed(String action, String path, int limit, Callable<BybitResult<T>> request) {
        return calls.call(action, charges(path, limit), () -> success(request.call()).getResult());
    }

    private List<RequestBudget.Charge> charges(String path, int limit) {
        return List.of(new RequestBudget.Charge(calls.budget().window(path, limit, SECOND, RateWindow.Counting.SLIDING), 1),
                new RequestBudget.Charge(ip, 1));
    }

    /** A retCode other than 0 is Bybit's refusal, thrown as XChange's {@link BybitException} (Bybit sends HTTP 200). */
    private static <T> BybitResult<T> success(BybitResult<T> result) {
        if (result == null) {
            throw new BybitException(-1, "empty answer", null);
        }
        if (!result.isSuccess()) {
            BybitException refused = new BybitException(result.getRetCode(), result.getRetMsg(), result.getRetExtInfo());
            refused.setHttpStatusCode(200);
            throw refused;
        }
        return result;
    }

    private static boolean isDuplicate(BybitResult<?> result) {
        return result != null && (result.getRetCode() == BybitErrorClassifier.DUPLICATE_LINK_ID_DERIVATIVES
                || result.getRetCode() == BybitErrorClassifier.DUPLICATE_LINK_ID_SPOT);
    }

    /** X-Bapi-Limit-Status (left), X-Bapi-Limit (limit) and X-Bapi-Limit-Reset-Timestamp (ms) of an endpoint. */
    private static void correct(RequestBudget budget, RateWindow window, ResponseHeaderTap.HeaderLookup headers) {
        Integer left = number(headers.header("X-Bapi-Limit-Status"));
        if (left == null) {
            return;
        }
        Integer limit = number(headers.header("X-Bapi-Limit"));
        String reset = headers.header("X-Bapi-Limit-Reset-Timestamp");
        long until = reset != null && reset.trim().matches("\\d{1,15}") ? Long.parseLong(reset.trim()) : 0;
        budget.venueRemaining(window, left, limit == null ? 0 : limit, until);
    }

    private static Integer number(String value) {
        return value != null && value.trim().matches("\\d{1,9}") ? Integer.valueOf(value.trim()) : null;
    }

    /** 10006 or 429: a second's pause; 403: the IP is banned for at least 10 minutes. */
    private static void observe(Throwable failure, RequestBudget budget) {
        int status = failure instanceof HttpStatusException http ? http.getHttpStatusCode() : 0;
        int code = failure instanceof BybitException bybit ? bybit.getRetCode() : 0;
        if (status == 403) {
            budget.banned(IP_BAN);
        } else if (status == 429 || code == BybitErrorClassifier.RATE_LIMITED
                || code == BybitErrorClassifier.SPOT_RATE_LIMITED || code == 10429) {
            String retryAfter = failure instanceof HttpResponseAware aware
                    ? ResponseHeaderTap.header(aware.getResponseHeaders(), "Retry-After") : null;
            budget.rateLimited(RetryAfter.parse(retryAfter).orElse(SECOND));
        }
    }

    private String timestamp() {
        return Long.toString(clock.millis());
    }

    private long nowMicros() {
        return clock.millis() * 1000;
    }
}

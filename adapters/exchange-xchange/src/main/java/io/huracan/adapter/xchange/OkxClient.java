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
import org.knowm.xchange.client.ExchangeRestProxyBuilder;
import org.knowm.xchange.okex.OkexAuthenticated;
import org.knowm.xchange.okex.OkexExchange;
import org.knowm.xchange.okex.dto.OkexException;
import org.knowm.xchange.okex.dto.OkexResponse;
import org.knowm.xchange.okex.dto.account.OkexTradeFee;
import org.knowm.xchange.okex.dto.account.OkexWalletBalance;
import org.knowm.xchange.okex.dto.marketdata.OkexInstrument;
import org.knowm.xchange.okex.dto.trade.OkexOrderResponse;
import org.knowm.xchange.okex.service.OkexDigest;
import si.mazi.rescu.HttpStatusException;
import si.mazi.rescu.ParamsDigest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * OKX v5 through XChange's {@link OkexAuthenticated} rescu proxy (market data, account, positions, fee tier) and our
 * {@link OkxTrading} for order entry, both signed by XChange's {@link OkexDigest} as OKX documents. Rate limits are
 * OKX's per endpoint over 2 s (https://www.okx.com/docs-v5/en/#overview-rate-limits): counted in sliding windows,
 * per instrument where OKX counts per instrument (orders, cancels, order queries, funding), with the sub-account's
 * 1 000 orders per 2 s on top. A 429 or code 50011 pauses the venue for one window.
 */
final class OkxClient implements VenueClient {
    private static final Duration WINDOW = Duration.ofSeconds(2);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final XChangeVenueConfig config;
    private final Clock clock;
    private final OkexAuthenticated okx;
    private final OkxTrading trading;
    private final ParamsDigest signature;
    private final OkxMapper mapper;
    private final OkxClientOrderIds clientOrderIds = new OkxClientOrderIds();
    private final VenueListings listings = new VenueListings("okx");
    private final VenueCalls calls;
    private volatile FeeTier fees = new FeeTier("okx-default", 8, 10);

    OkxClient(XChangeVenueConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        ExchangeSpecification spec = new OkexExchange().getDefaultExchangeSpecification();
        if (!config.baseUrl().isEmpty()) {
            spec.setSslUri(config.baseUrl());
        }
        spec.setHttpConnTimeout(Math.toIntExact(config.connectTimeout().toMillis()));
        spec.setHttpReadTimeout(Math.toIntExact(config.readTimeout().toMillis()));
        this.okx = ExchangeRestProxyBuilder.forInterface(OkexAuthenticated.class, spec).build();
        this.trading = ExchangeRestProxyBuilder.forInterface(OkxTrading.class, spec).build();
        this.signature = config.apiSecret().isEmpty() ? null : OkexDigest.createInstance(config.apiSecret());
        this.mapper = new OkxMapper(config.market(), config.quoteCurrency());
        this.calls = new VenueCalls(new RequestBudget("okx", clock, config.maxRateLimitWait(), config.rateLimitScale()),
                new OkxErrorClassifier(), OkxClient::observe);
    }

    @Override
    public ExchangeId exchange() {
        return ExchangeId.OKX;
    }

    @Override
    public VenueCalls calls() {
        return calls;
    }

    /** The listing of a coin loaded last, for the streams: its instId and contract size. */
    VenueListing listing(Coin coin) {
        return listings.of(coin);
    }

    @Override
    public List<Instrument> loadInstruments() {
        List<OkexInstrument> all = data(call("instruments", endpoint("instruments " + mapper.instType(), 20),
                () -> okx.getInstruments(mapper.instType(), null, null, null)));
        List<VenueListing> listed = new ArrayList<>();
        for (OkexInstrument instrument : all) {
            mapper.listing(instrument).ifPresent(listed::add);
        }
        listings.replace(listed);
        return listed.stream().map(VenueListing::instrument).sorted(Comparator.comparing(Instrument::coin)).toList();
    }

    /** GET /api/v5/market/books: 40 per 2 s; at most 400 levels a side. */
    @Override
    public OrderBook orderBook(Instrument instrument, int depth) {
        VenueListing listing = listings.of(instrument);
        int size = Math.max(1, Math.min(depth, 400));
        var books = data(call("order book", endpoint("books", 40), () -> okx.getOrderbook(listing.symbol(), size, null)));
        if (books.isEmpty()) {
            return new OrderBook(instrument.coin(), ExchangeId.OKX, nowMicros(), List.of(), List.of());
        }
        return mapper.orderBook(listing, books.get(0), depth, nowMicros());
    }

    /** GET /api/v5/market/trades: 100 per 2 s; at most 500. */
    @Override
    public List<Trade> recentTrades(Instrument instrument, int limit) {
        VenueListing listing = listings.of(instrument);
        int capped = Math.max(1, Math.min(limit, 500));
        return mapper.trades(listing, data(call("trades", endpoint("trades", 100),
                () -> okx.getTrades(listing.symbol(), capped, null))));
    }

    /** GET /api/v5/public/funding-rate: 20 per 2 s per instrument. */
    @Override
    public Optional<FundingRate> fundingRate(Instrument instrument) {
        if (instrument.kind() != InstrumentKind.PERPETUAL) {
            return Optional.empty();
        }
        VenueListing listing = listings.of(instrument);
        var rates = data(call("funding rate", endpoint("funding-rate " + listing.symbol(), 20),
                () -> okx.getFundingRate(listing.symbol(), null)));
        return rates.stream().findFirst().map(rate -> mapper.funding(listing, rate, nowMicros()));
    }

    /**
     * POST /api/v5/trade/order, 60 per 2 s per instrument and 1 000 per 2 s for the sub-account; then one query of
     * the order, since OKX answers a placement with its ordId only. A failed query leaves the acknowledgement: the
     * order stands, and the next query tells what became of it.
     */
    @Override
    public List<VenueOrderState> place(Order order, Instrument instrument) {
        VenueListing listing = listings.of(instrument);
        if (order.quantity().value().compareTo(listing.minQuantity()) < 0) {
            throw ExchangeException.rejected(RejectReason.LOT_SIZE, "order " + order.clientOrderId() + " quantity "
                    + order.quantity() + " is below the okx minimum order size "
                    + listing.minQuantity().toPlainString() + " " + instrument.coin());
        }
        String clOrdId = clientOrderIds.clOrdId(order.clientOrderId());
        OkexOrderResponse answer = single("new order " + order.clientOrderId(), call("new order " + order.clientOrderId(),
                List.of(charge("order " + listing.symbol(), 60), charge("orders (sub-account)", 1000)),
                () -> trading.place(config.apiKey(), signature, timestamp(), config.passphrase(),
                        mapper.request(order, listing, clOrdId))));
        if (OkxErrorClassifier.DUPLICATE_CLIENT_ORDER_ID == parse(answer.getCode())) {
            return alreadyPlaced(order, instrument);
        }
        return acknowledgedThenQueried(mapper.accepted(order, answer.getOrderId(), nowMicros()), order, instrument);
    }

    /** GET /api/v5/trade/order by instId and clOrdId: 60 per 2 s per instrument; 51603 = no such order. */
    @Override
    public Optional<VenueOrderState> query(Instrument instrument, ClientOrderId clientOrderId, Optional<Order> known) {
        VenueListing listing = listings.of(instrument);
        String clOrdId = clientOrderIds.clOrdId(clientOrderId);
        return VenueClient.emptyIfUnknown(() -> {
            List<OkxOrder> found = data(call("query order " + clientOrderId, endpoint("order details " + listing.symbol(), 60),
                    () -> trading.order(config.apiKey(), signature, timestamp(), config.passphrase(), listing.symbol(), clOrdId)));
            return found.stream().findFirst().flatMap(state -> known.or(() -> mapper.order(state, listing, clientOrderId))
                    .map(order -> mapper.state(order, state, listing, fees)));
        });
    }

    /**
     * POST /api/v5/trade/cancel-order by clOrdId: 60 per 2 s per instrument; then the order's state. OKX answers an
     * order already finished with 51400-51402 (REJECTED, UNKNOWN_ORDER: the gateway then asks for its final state).
     */
    @Override
    public VenueOrderState cancel(Order order, Instrument instrument, String exchangeOrderId) {
        VenueListing listing = listings.of(instrument);
        String clOrdId = clientOrderIds.clOrdId(order.clientOrderId());
        single("cancel order " + order.clientOrderId(), call("cancel order " + order.clientOrderId(),
                List.of(charge("cancel-order " + listing.symbol(), 60)),
                () -> trading.cancel(config.apiKey(), signature, timestamp(), config.passphrase(),
                        new OkxCancelRequest(listing.symbol(), clOrdId))));
        return query(instrument, order.clientOrderId(), Optional.of(order)).orElseThrow(() ->
                ExchangeException.rejected(RejectReason.UNKNOWN_ORDER, "okx cancelled order " + order.clientOrderId()
                        + " but no longer finds it"));
    }

    /** GET /api/v5/trade/orders-pending of our market: 60 per 2 s. */
    @Override
    public List<VenueOrderState> openOrders(Function<ClientOrderId, Optional<Order>> known) {
        List<OkxOrder> open = data(call("open orders", endpoint("orders-pending", 60),
                () -> trading.pending(config.apiKey(), signature, timestamp(), config.passphrase(), mapper.instType())));
        List<VenueOrderState> states = new ArrayList<>(open.size());
        for (OkxOrder state : open) {
            Optional<VenueListing> listing = listings.bySymbol(state.instId());
            if (listing.isEmpty()) {
                continue; // another quote currency or an instrument not live: not ours to manage
            }
            ClientOrderId id = clientOrderIds.ours(state.clOrdId())
                    .orElseGet(() -> new ClientOrderId("okx" + state.ordId().replaceAll("[^A-Za-z0-9]", "")));
            known.apply(id).or(() -> mapper.order(state, listing.get(), id))
                    .ifPresent(order -> states.add(mapper.state(order, state, listing.get(), fees)));
        }
        return states;
    }

    /** GET /api/v5/account/balance: 10 per 2 s. */
    @Override
    public List<Balance> balances() {
        List<OkexWalletBalance> accounts = data(call("balance", endpoint("balance", 10),
                () -> okx.getWalletBalances(null, config.apiKey(), signature, timestamp(), config.passphrase(), null)));
        List<Balance> balances = new ArrayList<>();
        for (OkexWalletBalance account : accounts) {
            for (OkexWalletBalance.Detail detail : account.getDetails() == null ? new OkexWalletBalance.Detail[0]
                    : account.getDetails()) {
                balances.add(mapper.balance(detail));
            }
        }
        return VenueClient.quoteFirst(balances, config.quoteCurrency());
    }

    /** GET /api/v5/account/positions of our swaps: 10 per 2 s. */
    @Override
    public List<Position> positions() {
        if (config.market() != InstrumentKind.PERPETUAL) {
            return List.of();
        }
        var open = data(call("positions", endpoint("positions", 10),
                () -> okx.getPositions(mapper.instType(), null, null, config.apiKey(), signature, timestamp(),
                        config.passphrase(), null)));
        List<Position> positions = new ArrayList<>();
        open.forEach(position -> listings.bySymbol(position.getInstrumentId())
                .flatMap(listing -> mapper.position(position, listing)).ifPresent(positions::add));
        return positions;
    }

    /** GET /api/v5/account/trade-fee of our instrument type: 5 per 2 s. */
    @Override
    public FeeTier feeTier() {
        List<OkexTradeFee> tiers = data(call("fee tier", endpoint("trade-fee", 5),
                () -> okx.getTradeFee(mapper.instType(), null, null, null, config.apiKey(), signature, timestamp(),
                        config.passphrase(), null)));
        if (tiers.isEmpty()) {
            throw new ExchangeException(ExchangeErrorClass.RETRYABLE, null,
                    "okx fee tier answered no tier", null);
        }
        FeeTier tier = mapper.feeTier(tiers.get(0));
        fees = tier;
        return tier;
    }

    private <T> OkexResponse<T> call(String action, List<RequestBudget.Charge> charges, Callable<OkexResponse<T>> request) {
        return calls.call(action, charges, () -> success(request.call()));
    }

    private <T> OkexResponse<T> call(String action, RequestBudget.Charge charge, Callable<OkexResponse<T>> request) {
        return call(action, List.of(charge), request);
    }

    private RequestBudget.Charge endpoint(String name, int limit) {
        return charge(name, limit);
    }

    private RequestBudget.Charge charge(String window, int limit) {
        return new RequestBudget.Charge(calls.budget().window(window, limit, WINDOW, RateWindow.Counting.SLIDING), 1);
    }

    /**
     * An envelope whose code is not "0" is the venue's refusal, thrown as XChange's {@link OkexException}; for
     * order entry OKX puts the order's own reason in {@code data[0].sCode} ("51008", ...) under the envelope's "1".
     */
    private static <T> OkexResponse<T> success(OkexResponse<T> response) {
        if (response == null) {
            throw new OkexException("empty answer", 0);
        }
        if (response.isSuccess()) {
            return response;
        }
        OkexException refused;
        if (response.getData() instanceof List<?> data && !data.isEmpty() && data.get(0) instanceof OkexOrderResponse order
                && parse(order.getCode()) != 0) {
            if (parse(order.getCode()) == OkxErrorClassifier.DUPLICATE_CLIENT_ORDER_ID) {
                return response; // resolved by the placement: the venue has the order already
            }
            refused = new OkexException(order.getMessage(), parse(order.getCode()));
        } else {
            refused = new OkexException(response.getMsg(), parse(response.getCode()));
        }
        refused.setHttpStatusCode(200);
        throw refused;
    }

    /** The order entry's single result; a duplicate clOrdId comes back with its sCode for the caller to resolve. */
    private static OkexOrderResponse single(String action, OkexResponse<List<OkexOrderResponse>> response) {
        List<OkexOrderResponse> data = response.getData();
        if (data == null || data.isEmpty()) {
            throw new OkexException(action + ": okx answered no order", 0);
        }
        return data.get(0);
    }

    private static <T> List<T> data(OkexResponse<List<T>> response) {
        return response.getData() == null ? List.of() : response.getData();
    }

    private static int parse(String code) {
        try {
            return code == null || code.isBlank() ? 0 : Integer.parseInt(code.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** 429 or 50011: no call for one rate window (OKX sends no Retry-After). */
    private static void observe(Throwable failure, RequestBudget budget) {
        int status = failure instanceof HttpStatusException http ? http.getHttpStatusCode() : 0;
        int code = failure instanceof OkexException okx ? OkxErrorClassifier.code(okx) : 0;
        if (status == 429 || code == OkxErrorClassifier.RATE_LIMITED || code == OkxErrorClassifier.SUB_ACCOUNT_RATE_LIMITED) {
            budget.rateLimited(WINDOW);
        }
    }

    private String timestamp() {
        return TIMESTAMP.format(Instant.ofEpochMilli(clock.millis()));
    }

    private long nowMicros() {
        return clock.millis() * 1000;
    }
}

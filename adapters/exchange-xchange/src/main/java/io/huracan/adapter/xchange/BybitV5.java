package io.huracan.adapter.xchange;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.knowm.xchange.bybit.dto.BybitResult;
import org.knowm.xchange.bybit.service.BybitException;
import si.mazi.rescu.ParamsDigest;

import java.io.IOException;

/**
 * The Bybit v5 REST calls the engine makes, as a rescu interface of ours: XChange 5.2.1's Bybit module has no order
 * book, trades, funding, positions or query by orderLinkId, and cannot send timeInForce. Private calls are signed by
 * XChange's {@code BybitDigest} as Bybit documents (X-BAPI-SIGN: hex HMAC-SHA256 of timestamp + api key + recv window +
 * the query string or the JSON body). The digest signs the query parameters sorted by name while rescu sends them in
 * declaration order, so every method declares its query parameters in alphabetical order.
 */
@Path("/v5")
@Produces(MediaType.APPLICATION_JSON)
interface BybitV5 {
    String KEY = "X-BAPI-API-KEY";
    String SIGN = "X-BAPI-SIGN";
    String TIMESTAMP = "X-BAPI-TIMESTAMP";
    String RECV_WINDOW = "X-BAPI-RECV-WINDOW";

    @GET
    @Path("/market/instruments-info")
    BybitResult<BybitPayloads.Page<BybitPayloads.Instrument>> instruments(@QueryParam("category") String category,
                                                                         @QueryParam("cursor") String cursor,
                                                                         @QueryParam("limit") Integer limit)
            throws IOException, BybitException;

    @GET
    @Path("/market/orderbook")
    BybitResult<BybitPayloads.Book> orderBook(@QueryParam("category") String category, @QueryParam("limit") Integer limit,
                                              @QueryParam("symbol") String symbol) throws IOException, BybitException;

    @GET
    @Path("/market/recent-trade")
    BybitResult<BybitPayloads.Page<BybitPayloads.PublicTrade>> trades(@QueryParam("category") String category,
                                                                     @QueryParam("limit") Integer limit,
                                                                     @QueryParam("symbol") String symbol)
            throws IOException, BybitException;

    @GET
    @Path("/market/tickers")
    BybitResult<BybitPayloads.Page<BybitPayloads.Ticker>> tickers(@QueryParam("category") String category,
                                                                 @QueryParam("symbol") String symbol)
            throws IOException, BybitException;

    @POST
    @Path("/order/create")
    @Consumes(MediaType.APPLICATION_JSON)
    BybitResult<BybitPayloads.OrderId> create(@HeaderParam(KEY) String apiKey, @HeaderParam(SIGN) ParamsDigest signature,
                                              @HeaderParam(TIMESTAMP) String timestamp,
                                              @HeaderParam(RECV_WINDOW) String recvWindow,
                                              BybitPayloads.OrderRequest order) throws IOException, BybitException;

    @POST
    @Path("/order/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    BybitResult<BybitPayloads.OrderId> cancel(@HeaderParam(KEY) String apiKey, @HeaderParam(SIGN) ParamsDigest signature,
                                              @HeaderParam(TIMESTAMP) String timestamp,
                                              @HeaderParam(RECV_WINDOW) String recvWindow,
                                              BybitPayloads.CancelRequest cancel) throws IOException, BybitException;

    /** Open orders, or by orderLinkId one order whatever its status among the recent ones. */
    @GET
    @Path("/order/realtime")
    BybitResult<BybitPayloads.Page<BybitPayloads.Order>> realtime(@HeaderParam(KEY) String apiKey,
                                                                 @HeaderParam(SIGN) ParamsDigest signature,
                                                                 @HeaderParam(TIMESTAMP) String timestamp,
                                                                 @HeaderParam(RECV_WINDOW) String recvWindow,
                                                                 @QueryParam("category") String category,
                                                                 @QueryParam("cursor") String cursor,
                                                                 @QueryParam("limit") Integer limit,
                                                                 @QueryParam("orderLinkId") String orderLinkId,
                                                                 @QueryParam("settleCoin") String settleCoin,
                                                                 @QueryParam("symbol") String symbol)
            throws IOException, BybitException;

    /** Older orders: after a Bybit restart the realtime endpoint forgets closed ones, the history does not. */
    @GET
    @Path("/order/history")
    BybitResult<BybitPayloads.Page<BybitPayloads.Order>> history(@HeaderParam(KEY) String apiKey,
                                                                @HeaderParam(SIGN) ParamsDigest signature,
                                                                @HeaderParam(TIMESTAMP) String timestamp,
                                                                @HeaderParam(RECV_WINDOW) String recvWindow,
                                                                @QueryParam("category") String category,
                                                                @QueryParam("orderLinkId") String orderLinkId,
                                                                @QueryParam("symbol") String symbol)
            throws IOException, BybitException;

    @GET
    @Path("/account/wallet-balance")
    BybitResult<BybitPayloads.Page<BybitPayloads.Wallet>> wallet(@HeaderParam(KEY) String apiKey,
                                                                @HeaderParam(SIGN) ParamsDigest signature,
                                                                @HeaderParam(TIMESTAMP) String timestamp,
                                                                @HeaderParam(RECV_WINDOW) String recvWindow,
                                                                @QueryParam("accountType") String accountType)
            throws IOException, BybitException;

    @GET
    @Path("/position/list")
    BybitResult<BybitPayloads.Page<BybitPayloads.PositionEntry>> positions(@HeaderParam(KEY) String apiKey,
                                                                          @HeaderParam(SIGN) ParamsDigest signature,
                                                                          @HeaderParam(TIMESTAMP) String timestamp,
                                                                          @HeaderParam(RECV_WINDOW) String recvWindow,
                                                                          @QueryParam("category") String category,
                                                                          @QueryParam("settleCoin") String settleCoin)
            throws IOException, BybitException;

    @GET
    @Path("/account/fee-rate")
    BybitResult<BybitPayloads.Page<BybitPayloads.FeeRate>> feeRate(@HeaderParam(KEY) String apiKey,
                                                                  @HeaderParam(SIGN) ParamsDigest signature,
                                                                  @HeaderParam(TIMESTAMP) String timestamp,
                                                                  @HeaderParam(RECV_WINDOW) String recvWindow,
                                                                  @QueryParam("category") String category,
                                                                  @QueryParam("symbol") String symbol)
            throws IOException, BybitException;
}

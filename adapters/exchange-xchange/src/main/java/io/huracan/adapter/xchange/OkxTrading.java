package io.huracan.adapter.xchange;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.knowm.xchange.okex.dto.OkexException;
import org.knowm.xchange.okex.dto.OkexResponse;
import org.knowm.xchange.okex.dto.trade.OkexOrderResponse;
import si.mazi.rescu.ParamsDigest;

import java.io.IOException;
import java.util.List;

/**
 * OKX v5 order entry and order state by clOrdId, signed with XChange's {@code OkexDigest} (OK-ACCESS-SIGN: base64
 * HMAC-SHA256 of timestamp + method + request path + body, with the key, timestamp and passphrase headers). Ours
 * because XChange 5.2.2 cannot send {@code tgtCcy}, cannot query by clOrdId without an ordId, and drops
 * {@code cancelSource}; the answers are XChange's {@link OkexResponse} envelopes.
 */
@Path("/api/v5/trade")
@Produces(MediaType.APPLICATION_JSON)
interface OkxTrading {

    @POST
    @Path("/order")
    @Consumes(MediaType.APPLICATION_JSON)
    OkexResponse<List<OkexOrderResponse>> place(@HeaderParam("OK-ACCESS-KEY") String apiKey,
                                                @HeaderParam("OK-ACCESS-SIGN") ParamsDigest signature,
                                                @HeaderParam("OK-ACCESS-TIMESTAMP") String timestamp,
                                                @HeaderParam("OK-ACCESS-PASSPHRASE") String passphrase,
                                                OkxOrderRequest order) throws IOException, OkexException;

    @POST
    @Path("/cancel-order")
    @Consumes(MediaType.APPLICATION_JSON)
    OkexResponse<List<OkexOrderResponse>> cancel(@HeaderParam("OK-ACCESS-KEY") String apiKey,
                                                 @HeaderParam("OK-ACCESS-SIGN") ParamsDigest signature,
                                                 @HeaderParam("OK-ACCESS-TIMESTAMP") String timestamp,
                                                 @HeaderParam("OK-ACCESS-PASSPHRASE") String passphrase,
                                                 OkxCancelRequest cancel) throws IOException, OkexException;

    @GET
    @Path("/order")
    OkexResponse<List<OkxOrder>> order(@HeaderParam("OK-ACCESS-KEY") String apiKey,
                                       @HeaderParam("OK-ACCESS-SIGN") ParamsDigest signature,
                                       @HeaderParam("OK-ACCESS-TIMESTAMP") String timestamp,
                                       @HeaderParam("OK-ACCESS-PASSPHRASE") String passphrase,
                                       @QueryParam("instId") String instId,
                                       @QueryParam("clOrdId") String clOrdId) throws IOException, OkexException;

    @GET
    @Path("/orders-pending")
    OkexResponse<List<OkxOrder>> pending(@HeaderParam("OK-ACCESS-KEY") String apiKey,
                                         @HeaderParam("OK-ACCESS-SIGN") ParamsDigest signature,
                                         @HeaderParam("OK-ACCESS-TIMESTAMP") String timestamp,
                                         @HeaderParam("OK-ACCESS-PASSPHRASE") String passphrase,
                                         @QueryParam("instType") String instType) throws IOException, OkexException;
}

package io.huracan.adapter.xchange;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.knowm.xchange.binance.dto.BinanceException;
import org.knowm.xchange.binance.dto.trade.BinanceOrder;
import si.mazi.rescu.ParamsDigest;
import si.mazi.rescu.SynchronizedValueFactory;

import java.io.IOException;

/**
 * GET /api/v3/order by client order id alone. XChange 5.2.2's {@code BinanceAuthenticated.orderStatus} takes the
 * venue order id as a primitive {@code long}, so it cannot ask about an order whose venue id we never received,
 * which is exactly the question after an ambiguous send. Signed with XChange's own Binance digest.
 */
@Path("api/v3")
@Produces(MediaType.APPLICATION_JSON)
interface BinanceOrderLookup {

    @GET
    @Path("order")
    BinanceOrder orderStatus(@QueryParam("symbol") String symbol,
                             @QueryParam("origClientOrderId") String origClientOrderId,
                             @QueryParam("recvWindow") Long recvWindow,
                             @QueryParam("timestamp") SynchronizedValueFactory<Long> timestamp,
                             @HeaderParam("X-MBX-APIKEY") String apiKey,
                             @QueryParam("signature") ParamsDigest signature) throws IOException, BinanceException;
}

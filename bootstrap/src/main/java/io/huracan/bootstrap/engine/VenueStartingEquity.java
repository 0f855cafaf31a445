package io.huracan.bootstrap.engine;

import io.huracan.bootstrap.lifecycle.EngineStartException;
import io.huracan.ports.exchange.Balance;
import io.huracan.ports.exchange.ExchangeException;
import io.huracan.ports.exchange.ExchangeGateway;
import io.huracan.ports.market.ExchangeId;

import java.math.BigDecimal;

/**
 * A live session's starting equity: the quote currency the accounts hold on the venues now (free and locked), summed
 * over the venues, as the risk controller's drawdown and exposure limits must see the real account rather than the
 * paper book's balance. A venue that cannot answer, or an account without the quote currency, stops the start.
 */
final class VenueStartingEquity {
    private VenueStartingEquity() {
    }

    static double read(ExchangeGateway gateway, String quoteCurrency) {
        BigDecimal total = BigDecimal.ZERO;
        for (ExchangeId venue : gateway.venues()) {
            total = total.add(quoteBalance(gateway, venue, quoteCurrency));
        }
        if (total.signum() <= 0) {
            String venues = String.join(", ", gateway.venues().stream().map(ExchangeId::key).sorted().toList());
            throw new EngineStartException("cannot start live: the accounts on " + venues + " hold "
                    + total.stripTrailingZeros().toPlainString() + " " + quoteCurrency + "; the risk limits need a starting equity > 0", null);
        }
        return total.doubleValue();
    }

    private static BigDecimal quoteBalance(ExchangeGateway gateway, ExchangeId venue, String quoteCurrency) {
        try {
            return gateway.balances(venue).stream().filter(balance -> balance.asset().equals(quoteCurrency))
                    .map(Balance::total).findFirst()
                    .orElseThrow(() -> new EngineStartException("cannot start live: the " + venue.key() + " account"
                            + " reports no " + quoteCurrency + " balance (the starting equity of the risk limits)", null));
        } catch (ExchangeException e) {
            throw new EngineStartException("cannot start live: the " + quoteCurrency + " balance on " + venue.key()
                    + " could not be read (the starting equity of the risk limits): " + e.getMessage(), e);
        }
    }
}

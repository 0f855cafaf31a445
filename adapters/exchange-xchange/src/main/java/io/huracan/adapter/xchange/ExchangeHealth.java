package io.huracan.adapter.xchange;

import java.util.List;

/** The health of every live venue, for status lines, health endpoints and alerts. */
public interface ExchangeHealth {

    List<VenueHealth> health();
}

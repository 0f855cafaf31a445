package io.huracan.adapter.xchange;

import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.FundingRate;
import io.huracan.ports.market.MarketDataListener;
import io.huracan.ports.market.Trade;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what a feed delivered, in order. */
final class RecordingListener implements MarketDataListener {
    final List<BookTop> tops = new CopyOnWriteArrayList<>();
    final List<Trade> trades = new CopyOnWriteArrayList<>();

    @Override
    public void onBookTop(BookTop top) {
        tops.add(top);
    }

    @Override
    public void onTrade(Trade trade) {
        trades.add(trade);
    }

    @Override
    public void onFundingRate(FundingRate funding) {
        throw new AssertionError("spot streams carry no funding: " + funding);
    }

    List<BookTop> tops(Coin coin) {
        return tops.stream().filter(top -> top.coin().equals(coin)).toList();
    }
}

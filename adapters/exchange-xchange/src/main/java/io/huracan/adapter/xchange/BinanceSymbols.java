package io.huracan.adapter.xchange;

import io.huracan.ports.market.Coin;
import org.knowm.xchange.currency.CurrencyPair;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Binance spot symbols ({@code BTCUSDT}) to and from our coins, for the one quote currency the engine trades. */
final class BinanceSymbols {
    private final String quoteCurrency;
    private final Map<String, Coin> coinsBySymbol = new ConcurrentHashMap<>();

    BinanceSymbols(String quoteCurrency) {
        this.quoteCurrency = quoteCurrency;
    }

    String quoteCurrency() {
        return quoteCurrency;
    }

    CurrencyPair pair(Coin coin) {
        return new CurrencyPair(coin.symbol(), quoteCurrency);
    }

    String symbol(Coin coin) {
        return coin.symbol() + quoteCurrency;
    }

    void register(Coin coin) {
        coinsBySymbol.put(symbol(coin), coin);
    }

    Optional<Coin> coin(String symbol) {
        return Optional.ofNullable(coinsBySymbol.get(symbol));
    }
}

package io.huracan.ports.storage;

import io.huracan.ports.feature.FeatureVector;
import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.Candle;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.FundingRate;
import io.huracan.ports.market.Trade;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * A kind of stored market history and the record type its rows map to. Every dataset is partitioned by coin and
 * UTC day of {@link #timestampMicros(Object) the row's timestamp}; {@link #name()} is its directory name.
 */
public final class Dataset<T> {
    public static final Dataset<Trade> TRADES = new Dataset<>("trades", Trade.class, Trade::coin, Trade::timestampMicros);
    public static final Dataset<BookTop> BOOK_TOPS =
            new Dataset<>("book_tops", BookTop.class, BookTop::coin, BookTop::timestampMicros);
    public static final Dataset<Candle> CANDLES =
            new Dataset<>("candles", Candle.class, Candle::coin, Candle::openTimeMicros);
    public static final Dataset<FundingRate> FUNDING =
            new Dataset<>("funding", FundingRate.class, FundingRate::coin, FundingRate::timestampMicros);
    public static final Dataset<FeatureVector> FEATURES =
            new Dataset<>("features", FeatureVector.class, FeatureVector::coin, FeatureVector::timestampMicros);

    private static final List<Dataset<?>> ALL = List.of(TRADES, BOOK_TOPS, CANDLES, FUNDING, FEATURES);

    private final String name;
    private final Class<T> recordType;
    private final Function<T, Coin> coin;
    private final ToLongFunction<T> timestamp;

    private Dataset(String name, Class<T> recordType, Function<T, Coin> coin, ToLongFunction<T> timestamp) {
        this.name = name;
        this.recordType = recordType;
        this.coin = coin;
        this.timestamp = timestamp;
    }

    public static List<Dataset<?>> all() {
        return ALL;
    }

    /** Parses a dataset name such as {@code trades}; the error lists what is allowed. */
    public static Dataset<?> fromName(String name) {
        for (Dataset<?> dataset : ALL) {
            if (dataset.name.equals(name)) {
                return dataset;
            }
        }
        throw new IllegalArgumentException("dataset '" + name + "' is unknown; allowed: "
                + ALL.stream().map(Dataset::name).collect(Collectors.joining(", ")));
    }

    public String name() {
        return name;
    }

    public Class<T> recordType() {
        return recordType;
    }

    public Coin coinOf(T row) {
        return coin.apply(row);
    }

    /** The instant that orders rows and picks their partition, epoch microseconds UTC. */
    public long timestampMicros(T row) {
        return timestamp.applyAsLong(row);
    }

    @Override
    public String toString() {
        return name;
    }
}

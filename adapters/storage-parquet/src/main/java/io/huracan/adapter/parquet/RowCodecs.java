package io.huracan.adapter.parquet;

import io.huracan.ports.storage.Dataset;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The codec of each dataset, and the label vocabularies they share. */
final class RowCodecs {
    private static final Map<Dataset<?>, RowCodec<?>> BY_DATASET = Map.of(
            Dataset.TRADES, new TradeCodec(),
            Dataset.BOOK_TOPS, new BookTopCodec(),
            Dataset.CANDLES, new CandleCodec(),
            Dataset.FUNDING, new FundingCodec(),
            Dataset.FEATURES, new FeatureCodec());

    private RowCodecs() {
    }

    @SuppressWarnings("unchecked")
    static <T> RowCodec<T> of(Dataset<T> dataset) {
        return (RowCodec<T>) BY_DATASET.get(dataset);
    }

    /** An enum's constant names in lower case, indexed by ordinal: the stored form of a LABEL column. */
    static List<String> lowerCaseNames(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
    }
}

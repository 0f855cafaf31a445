package io.huracan.adapter.parquet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.column.values.bytestreamsplit.ByteStreamSplitValuesReaderForDouble;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesReader;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Our page encoders, decoded by parquet-java's own decoders: any input comes back exactly. */
class PageEncodersTest {

    @Property
    void deltaBinaryPackedLongsDecodeInParquetJava(@ForAll @Size(min = 1, max = 600) List<Long> values) throws IOException {
        long[] array = values.stream().mapToLong(Long::longValue).toArray();
        ByteBuilder page = new ByteBuilder(16);
        page.write(0x5A); // a byte before the range: encoding must start where asked
        new DeltaBinaryPackedEncoder().encode(withGuards(array), 1, array.length + 1, page);

        DeltaBinaryPackingValuesReader reader = new DeltaBinaryPackingValuesReader();
        reader.initFromPage(array.length, input(page, 1));
        for (long expected : array) {
            assertThat(reader.readLong()).isEqualTo(expected);
        }
    }

    @Property
    void sortedTimestampsDecodeInParquetJava(@ForAll @Size(min = 1, max = 2_000) List<@LongRange(min = 0, max = 5_000_000) Long> gaps)
            throws IOException {
        long[] times = new long[gaps.size()];
        long time = 1_709_251_200_000_000L;
        for (int i = 0; i < times.length; i++) {
            time += gaps.get(i);
            times[i] = time;
        }
        ByteBuilder page = new ByteBuilder(16);
        new DeltaBinaryPackedEncoder().encode(times, 0, times.length, page);

        DeltaBinaryPackingValuesReader reader = new DeltaBinaryPackingValuesReader();
        reader.initFromPage(times.length, input(page, 0));
        for (long expected : times) {
            assertThat(reader.readLong()).isEqualTo(expected);
        }
    }

    @Property
    void dictionaryIndicesDecodeInParquetJava(@ForAll("runsOfCodes") List<Integer> codes) throws IOException {
        int[] array = codes.stream().mapToInt(Integer::intValue).toArray();
        int max = codes.stream().mapToInt(Integer::intValue).max().orElse(0);
        int width = 32 - Integer.numberOfLeadingZeros(max);
        ByteBuilder page = new ByteBuilder(16);
        new RleHybridEncoder().encodeIndices(array, 0, array.length, width, page);

        assertThat(page.array()[0]).isEqualTo((byte) width);
        RunLengthBitPackingHybridDecoder decoder = new RunLengthBitPackingHybridDecoder(width,
                new ByteArrayInputStream(page.array(), 1, page.size() - 1));
        for (int expected : array) {
            assertThat(decoder.readInt()).isEqualTo(expected);
        }
    }

    @Property
    void byteStreamSplitDoublesDecodeInParquetJava(@ForAll("doubles") List<Double> values) throws IOException {
        double[] array = values.stream().mapToDouble(Double::doubleValue).toArray();
        ByteBuilder page = new ByteBuilder(16);
        ByteStreamSplitEncoder.encode(array, 0, array.length, page);

        ByteStreamSplitValuesReaderForDouble reader = new ByteStreamSplitValuesReaderForDouble();
        reader.initFromPage(array.length, input(page, 0));
        for (double expected : array) {
            assertThat(Double.doubleToRawLongBits(reader.readDouble())).isEqualTo(Double.doubleToRawLongBits(expected));
        }
    }

    @Provide
    Arbitrary<List<Integer>> runsOfCodes() {
        Arbitrary<List<Integer>> run = Combinators.combine(Arbitraries.integers().between(0, 31),
                Arbitraries.integers().between(1, 30)).as((code, length) -> Collections.nCopies(length, code));
        return run.list().ofMinSize(1).ofMaxSize(40).map(runs -> runs.stream().flatMap(List::stream).toList());
    }

    @Provide
    Arbitrary<List<Double>> doubles() {
        return Arbitraries.doubles().withSpecialValue(Double.NaN).withSpecialValue(-0.0)
                .withSpecialValue(Double.NEGATIVE_INFINITY).withSpecialValue(Double.MAX_VALUE)
                .list().ofMinSize(1).ofMaxSize(300);
    }

    private static long[] withGuards(long[] values) {
        long[] guarded = new long[values.length + 2];
        System.arraycopy(values, 0, guarded, 1, values.length);
        guarded[0] = Long.MIN_VALUE;
        guarded[guarded.length - 1] = Long.MAX_VALUE;
        return guarded;
    }

    private static ByteBufferInputStream input(ByteBuilder page, int from) {
        return ByteBufferInputStream.wrap(ByteBuffer.wrap(page.array(), from, page.size() - from).slice());
    }
}

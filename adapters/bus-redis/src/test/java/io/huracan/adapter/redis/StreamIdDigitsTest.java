package io.huracan.adapter.redis;

import io.huracan.ports.bus.MessageId;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ids written as digits and read back from reply bytes agree with {@link MessageId}'s own text form. */
class StreamIdDigitsTest {
    private static final List<MessageId> IDS = List.of(MessageId.ZERO, new MessageId(9, 10),
            new MessageId(1_718_000_000_123L, 0), new MessageId(1_718_000_000_123L, 99_999),
            new MessageId(Long.MAX_VALUE, Long.MAX_VALUE));

    @Test
    void digitsAreTheIdsTextForm() {
        for (MessageId id : IDS) {
            byte[] digits = StreamIdDigits.bytes(id.millis(), id.sequence());
            assertThat(new String(digits, StandardCharsets.US_ASCII)).isEqualTo(id.toString());
            assertThat(StreamIdDigits.length(id.millis(), id.sequence())).isEqualTo(digits.length);
        }
    }

    @Test
    void everyDigitCountIsWrittenLikeLongToString() {
        var random = new java.util.Random(7);
        for (long power = 1; power > 0 && power <= Long.MAX_VALUE / 10; power *= 10) {
            for (long value : new long[] {power - 1, power, power + 1, power * 9 + random.nextInt(10)}) {
                long sequence = Math.floorMod(random.nextLong(), power * 10);
                byte[] digits = StreamIdDigits.bytes(value, sequence);
                assertThat(new String(digits, StandardCharsets.US_ASCII)).isEqualTo(value + "-" + sequence);
            }
        }
    }

    @Test
    void anIdFromAReplyIsReadBackFromItsDigits() {
        for (MessageId id : IDS) {
            assertThat(GroupReadReply.id(Unpooled.wrappedBuffer(id.toString().getBytes(StandardCharsets.US_ASCII))))
                    .isEqualTo(id);
        }
    }

    @Test
    void aReplyThatIsNotAnIdIsAClearError() {
        for (String text : List.of("12", "12-3-4", "12-x", "")) {
            assertThatThrownBy(() -> GroupReadReply.id(Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.US_ASCII))))
                    .as(text).isInstanceOf(IllegalStateException.class).hasMessageContaining("is not <millis>-<sequence>");
        }
    }
}

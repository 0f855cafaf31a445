package io.huracan.ports.bus;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageIdTest {
    @Test
    void ordersByMillisThenSequenceAndReadsBackWhatItWrites() {
        assertThat(MessageId.parse("1718000000123-7")).isEqualTo(new MessageId(1_718_000_000_123L, 7));
        assertThat(new MessageId(5, 9)).isLessThan(new MessageId(6, 0));
        assertThat(new MessageId(5, 1).isAfter(new MessageId(5, 0))).isTrue();
        assertThat(new MessageId(5, 1).next()).isEqualTo(new MessageId(5, 2));
        assertThat(new MessageId(5, Long.MAX_VALUE).next()).isEqualTo(new MessageId(6, 0));
        assertThat(MessageId.ZERO).hasToString("0-0");
    }

    @Test
    void malformedTextIsAOneLineError() {
        for (String bad : new String[] {"", "12", "-3", "12-", "a-b", null}) {
            assertThatThrownBy(() -> MessageId.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("allowed: ms-seq");
        }
    }
}

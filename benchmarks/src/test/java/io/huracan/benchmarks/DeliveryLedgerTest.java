package io.huracan.benchmarks;

import io.huracan.ports.bus.GroupStats;
import io.huracan.ports.bus.MessageId;
import io.huracan.ports.bus.StreamType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryLedgerTest {
    private static final GroupStats DRAINED = group(0, 0);

    private static GroupStats group(long lag, long pending) {
        return new GroupStats(StreamType.MARKET_DATA, "bench", lag, pending, 0, MessageId.ZERO, Map.of());
    }

    private static DeliveryLedger publishedThree() {
        var ledger = new DeliveryLedger(3);
        ledger.published(0, List.of(new MessageId(5, 0), new MessageId(5, 1)));
        ledger.published(2, List.of(new MessageId(6, 0)));
        return ledger;
    }

    @Test
    void eachMessageOnceUnderItsIdAndAcknowledgedPasses() {
        DeliveryLedger ledger = publishedThree();
        ledger.consumed(0, new MessageId(5, 0));
        ledger.consumed(1, new MessageId(5, 1));
        ledger.consumed(2, new MessageId(6, 0));
        ledger.acknowledged(3);
        assertThat(ledger.failures(DRAINED)).isEmpty();
    }

    @Test
    void aMissingADuplicateAndAWrongIdAreEachNamed() {
        DeliveryLedger ledger = publishedThree();
        ledger.consumed(1, new MessageId(5, 1));
        ledger.consumed(1, new MessageId(5, 1));
        ledger.consumed(2, new MessageId(6, 1));
        ledger.consumed(7, new MessageId(7, 0));
        ledger.acknowledged(3);
        assertThat(ledger.failures(DRAINED)).isEqualTo("exactly-once check failed: of 3 messages 1 never consumed, "
                + "1 consumed more than once, 1 consumed under another id than publish returned (first: message 0), "
                + "1 consumed that were never published; acknowledged 3; the group has 0 pending and 0 undelivered");
    }

    @Test
    void acknowledgementsThatDidNotCountOrAGroupNotDrainedFail() {
        DeliveryLedger ledger = publishedThree();
        ledger.consumed(0, new MessageId(5, 0));
        ledger.consumed(1, new MessageId(5, 1));
        ledger.consumed(2, new MessageId(6, 0));
        ledger.acknowledged(2);
        assertThat(ledger.failures(group(0, 1))).contains("acknowledged 2").contains("1 pending");
        ledger.acknowledged(1);
        assertThat(ledger.failures(group(4, 0))).contains("4 undelivered");
    }
}

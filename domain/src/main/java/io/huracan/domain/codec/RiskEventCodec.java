package io.huracan.domain.codec;

import io.huracan.ports.bus.PayloadCodec;
import io.huracan.ports.order.OrderIntent;
import io.huracan.ports.risk.RiskEvent;
import io.huracan.ports.risk.RiskEventType;
import io.huracan.ports.risk.RiskReason;
import io.huracan.ports.risk.RiskScope;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Type 8. v1: timestamp, event type, reason, scope kind and name, utilisation, approved quantity, and the intent
 * (flag, then as in {@link OrderIntentCodec}).
 */
public final class RiskEventCodec implements PayloadCodec<RiskEvent> {
    private static final RiskEventType[] TYPES = RiskEventType.values();
    private static final RiskReason[] REASONS = RiskReason.values();
    private static final RiskScope.Kind[] KINDS = RiskScope.Kind.values();
    private final OrderIntentCodec intents = new OrderIntentCodec();

    @Override
    public int typeId() {
        return 8;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Class<RiskEvent> payloadType() {
        return RiskEvent.class;
    }

    @Override
    public int maxBodyLength(RiskEvent value) {
        return 8 + 3 + WireFormat.textLength(value.scope().name()) + 8 + 8 + 1
                + value.intent().map(intents::maxBodyLength).orElse(0);
    }

    @Override
    public void write(RiskEvent value, ByteBuffer out) {
        out.putLong(value.epochMicros());
        out.put((byte) value.type().ordinal());
        out.put((byte) value.reason().ordinal());
        out.put((byte) value.scope().kind().ordinal());
        WireFormat.putText(out, value.scope().name());
        out.putDouble(value.utilisation());
        out.putDouble(value.approvedQuantity());
        out.put((byte) (value.intent().isPresent() ? 1 : 0));
        value.intent().ifPresent(intent -> intents.write(intent, out));
    }

    @Override
    public RiskEvent read(ByteBuffer in, int version) {
        Versions.require(this, version, 1);
        long micros = in.getLong();
        var type = WireFormat.enumAt(TYPES, in.get(), "risk event type");
        var reason = WireFormat.enumAt(REASONS, in.get(), "risk reason");
        var scope = new RiskScope(WireFormat.enumAt(KINDS, in.get(), "risk scope kind"), WireFormat.getText(in));
        double utilisation = in.getDouble();
        double approved = in.getDouble();
        Optional<OrderIntent> intent = in.get() != 0 ? Optional.of(intents.read(in, 1)) : Optional.empty();
        return new RiskEvent(micros, type, reason, scope, utilisation, intent, approved);
    }
}

package io.huracan.domain.codec;

import io.huracan.ports.bus.PayloadCodec;
import io.huracan.ports.bus.PayloadFormatException;

final class Versions {
    private Versions() {
    }

    /** Rejects a body version outside 1..newest with a message naming the type and what this engine reads. */
    static void require(PayloadCodec<?> codec, int version, int newest) {
        if (version < 1 || version > newest) {
            throw new PayloadFormatException("payload " + codec.payloadType().getSimpleName() + " version " + version
                    + " is unknown; this engine reads versions 1-" + newest);
        }
    }
}

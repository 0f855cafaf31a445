package io.huracan.domain.loop;

import io.huracan.ports.market.Coin;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A coin's routing entry and the home of its state. Producers enter the slot while they queue an event, so a
 * handover can pause the slot and know, once nobody is inside, that no more events reach the old loop.
 */
final class CoinSlot {
    private static final VarHandle IN_FLIGHT;

    static {
        try {
            IN_FLIGHT = MethodHandles.lookup().findVarHandle(CoinSlot.class, "inFlight", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Coin coin;
    /** Touched only by the owning loop's thread (or by the manager before the first owner has it). */
    Object state;
    volatile EventLoop owner;
    volatile boolean paused;
    volatile boolean retired;
    @SuppressWarnings("unused") // through IN_FLIGHT
    private volatile int inFlight;

    CoinSlot(Coin coin, Object state, EventLoop owner) {
        this.coin = coin;
        this.state = state;
        this.owner = owner;
    }

    /** Enters unless paused; a producer that gets false must not queue (and should wait or give up). */
    boolean tryEnter() {
        IN_FLIGHT.getAndAdd(this, 1);
        if (!paused) {
            return true;
        }
        IN_FLIGHT.getAndAdd(this, -1);
        return false;
    }

    void exit() {
        IN_FLIGHT.getAndAdd(this, -1);
    }

    boolean hasProducersInside() {
        return inFlight != 0;
    }
}

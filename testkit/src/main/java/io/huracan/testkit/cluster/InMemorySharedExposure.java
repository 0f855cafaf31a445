package io.huracan.testkit.cluster;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Sector;
import io.huracan.ports.risk.SharedExposure;
import io.huracan.ports.risk.SharedTotals;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Shared exposure in one JVM with the semantics of the Redis one, fenced by an {@link InMemoryCoinLeases}: for tests
 * of several risk controllers (standing for processes) sharing limits. Publishing writes at once.
 */
public final class InMemorySharedExposure implements SharedExposure {
    private final InMemoryCoinLeases leases;
    private final long admissionMarginMillis;
    private final Map<String, Long> totals = new HashMap<>();
    private final Map<Coin, Record> records = new HashMap<>();

    private record Record(long token, long version, long[] contribution) {
    }

    public InMemorySharedExposure(InMemoryCoinLeases leases, Duration admissionMargin) {
        this.leases = leases;
        this.admissionMarginMillis = admissionMargin.toMillis();
    }

    @Override
    public synchronized int reserve(Coin coin, Sector sector, long fencingToken, long version, long[] contribution,
                                    long[] caps, long[] totalsOut) {
        return write(coin, sector, fencingToken, version, contribution, caps, admissionMarginMillis, totalsOut);
    }

    @Override
    public synchronized void publish(Coin coin, Sector sector, long fencingToken, long version, long[] contribution) {
        write(coin, sector, fencingToken, version, contribution, null, -1, new long[SLOTS]);
    }

    @Override
    public boolean flush(Duration timeout) {
        return true;
    }

    @Override
    public int pendingWrites() {
        return 0;
    }

    @Override
    public synchronized SharedTotals totals() {
        var coins = new HashMap<Coin, Long>();
        var sectors = new HashMap<Sector, Long>();
        var exchanges = new EnumMap<ExchangeId, Long>(ExchangeId.class);
        totals.forEach((field, value) -> {
            if (value == 0) {
                return;
            }
            if (field.startsWith("c:")) {
                coins.put(Coin.of(field.substring(2)), value);
            } else if (field.startsWith("s:")) {
                sectors.put(Sector.of(field.substring(2)), value);
            } else if (field.startsWith("e:")) {
                exchanges.put(ExchangeId.values()[Integer.parseInt(field.substring(2))], value);
            }
        });
        return new SharedTotals(coins, sectors, exchanges, get("g"), get("nl"), get("ns"), get("t"));
    }

    @Override
    public void close() {
    }

    private int write(Coin coin, Sector sector, long token, long version, long[] contribution, long[] caps,
                      long marginMillis, long[] totalsOut) {
        String[] fields = fields(coin, sector);
        long left = leases.millisLeft(coin, token);
        int status = RESERVED;
        Record stored = records.get(coin);
        if (left < 0 || (marginMillis >= 0 && left < marginMillis)) {
            status = FENCED;
        } else if (stored != null && stored.token == token && stored.version >= version) {
            status = STALE;
        }
        long[] after = new long[SLOTS];
        for (int i = 0; i < SLOTS; i++) {
            totalsOut[i] = get(fields[i]);
            long old = stored == null ? 0 : stored.contribution[i];
            after[i] = totalsOut[i] - old + contribution[i];
            if (status == RESERVED && caps != null && caps[i] != UNCAPPED && after[i] > caps[i]) {
                status = i;
            }
        }
        if (status == RESERVED) {
            for (int i = 0; i < SLOTS; i++) {
                totals.put(fields[i], after[i]);
                totalsOut[i] = after[i];
            }
            records.put(coin, new Record(token, version, contribution.clone()));
        }
        return status;
    }

    private long get(String field) {
        return totals.getOrDefault(field, 0L);
    }

    private static String[] fields(Coin coin, Sector sector) {
        String[] fields = new String[SLOTS];
        fields[COIN] = "c:" + coin.symbol();
        fields[SECTOR] = "s:" + sector.name();
        fields[GLOBAL_GROSS] = "g";
        fields[NET_LONG] = "nl";
        fields[NET_SHORT] = "ns";
        fields[OPEN_TRADES] = "t";
        for (int e = 0; e < ExchangeId.values().length; e++) {
            fields[EXCHANGE + e] = "e:" + e;
        }
        return fields;
    }
}

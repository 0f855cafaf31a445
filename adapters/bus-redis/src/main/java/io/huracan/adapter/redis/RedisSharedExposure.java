package io.huracan.adapter.redis;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Sector;
import io.huracan.ports.risk.SharedExposure;
import io.huracan.ports.risk.SharedTotals;
import jakarta.inject.Inject;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Shared exposure in Redis. {@code <prefix>:risk:totals} is a hash of every scope's total ({@code c:<coin>},
 * {@code s:<sector>}, {@code e:<exchange ordinal>}, {@code g}, {@code nl}, {@code ns}, {@code t});
 * {@code <prefix>:risk:coin:<coin>} holds a coin's current contribution (slots {@code 0..n-1}) with the token and
 * version that wrote it. One script, {@link #WRITE}, checks the coin's lease (and for admissions its time left),
 * the version, and the caps against the totals, then moves the totals by the difference between the new and the old
 * contribution and stores the new one: all in one atomic step on the server, one round trip per admission.
 *
 * <p>Published writes go through one writer thread: the newest write per coin waits in a map (a newer one replaces
 * an older one not yet sent), and the writer sends everything waiting in one script call, retrying with backoff
 * while Redis is unreachable.
 */
final class RedisSharedExposure implements SharedExposure {
    private static final int STRIDE = 5 + 2 * SLOTS;
    private static final int MAX_COINS_PER_WRITE = 200;
    private static final long BACKOFF_MIN_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long BACKOFF_MAX_NANOS = TimeUnit.SECONDS.toNanos(2);

    /**
     * KEYS[1] the totals; then per coin its lease and its record. ARGV[1] margin ms (-1: lease current is enough),
     * ARGV[2] slots, ARGV[3] 1 to return the totals; then per coin: coin, sector, token, version, caps flag, the
     * contribution (slots values) and the caps (slots values, -1 uncapped). Returns per coin a status (-1 written,
     * -2 fenced, -3 stale, k >= 0 the first slot over its cap) and, if asked, the slot totals after.
     */
    static final String WRITE = """
            local function int(x) return string.format('%.0f', x) end
            local totalsKey, margin, slots, withTotals = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3] == '1'
            local stride = 5 + 2 * slots
            local names = {}
            for i = 1, slots do names[i] = tostring(i - 1) end
            local result = {}
            for j = 0, (#ARGV - 3) / stride - 1 do
              local a = 3 + j * stride
              local coin, sector, token, version = ARGV[a + 1], ARGV[a + 2], ARGV[a + 3], tonumber(ARGV[a + 4])
              local capped = ARGV[a + 5] == '1'
              local leaseKey, recordKey = KEYS[2 + 2 * j], KEYS[3 + 2 * j]
              local fields = {'c:' .. coin, 's:' .. sector, 'g', 'nl', 'ns', 't'}
              for e = 0, slots - 7 do fields[#fields + 1] = 'e:' .. e end
              local status = -1
              if redis.call('HGET', leaseKey, 'token') ~= token then
                status = -2
              elseif margin >= 0 and redis.call('PTTL', leaseKey) < margin then
                status = -2
              else
                local stored = redis.call('HMGET', recordKey, 'token', 'v')
                if stored[1] == token and tonumber(stored[2]) >= version then status = -3 end
              end
              local totals = redis.call('HMGET', totalsKey, unpack(fields))
              for i = 1, slots do totals[i] = tonumber(totals[i]) or 0 end
              if status == -1 then
                local old = redis.call('HMGET', recordKey, unpack(names))
                local after = {}
                for i = 1, slots do
                  old[i] = tonumber(old[i]) or 0
                  after[i] = totals[i] - old[i] + tonumber(ARGV[a + 5 + i])
                  if status == -1 and capped then
                    local cap = tonumber(ARGV[a + 5 + slots + i])
                    if cap >= 0 and after[i] > cap then status = i - 1 end
                  end
                end
                if status == -1 then
                  local record = {'token', token, 'v', int(version)}
                  for i = 1, slots do
                    local delta = after[i] - totals[i]
                    if delta ~= 0 then redis.call('HINCRBY', totalsKey, fields[i], int(delta)) end
                    record[#record + 1] = names[i]
                    record[#record + 1] = ARGV[a + 5 + i]
                    totals[i] = after[i]
                  end
                  redis.call('HSET', recordKey, unpack(record))
                end
              end
              result[#result + 1] = status
              if withTotals then
                for i = 1, slots do result[#result + 1] = totals[i] end
              end
            end
            return result
            """;

    private final RedisClusterClient redis;
    private final String totalsKey;
    private final long admissionMarginMillis;
    private final Map<Coin, Write> pending = new ConcurrentHashMap<>();
    private final Thread writer;
    private volatile boolean running = true;
    private volatile String lastError = "";

    private record Write(Coin coin, Sector sector, long token, long version, long[] contribution) {
        boolean newerThan(Write other) {
            return token != other.token ? token > other.token : version > other.version;
        }
    }

    @Inject
    RedisSharedExposure(RedisClusterClient redis) {
        this.redis = redis.retain();
        this.totalsKey = redis.key("risk:totals");
        this.admissionMarginMillis = redis.config().admissionMargin().toMillis();
        this.writer = new Thread(this::writeLoop, "huracan-shared-exposure");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public int reserve(Coin coin, Sector sector, long fencingToken, long version, long[] contribution, long[] caps,
                       long[] totals) {
        var write = new Write(coin, sector, fencingToken, version, contribution);
        var keys = new ArrayList<Object>(3);
        var args = new ArrayList<Object>(3 + STRIDE);
        header(keys, args, admissionMarginMillis, true);
        append(keys, args, write, caps);
        List<Object> reply = redis.evalList(WRITE, keys, args.toArray());
        for (int i = 0; i < SLOTS; i++) {
            totals[i] = RedisCoinLeases.number(reply.get(1 + i));
        }
        return (int) RedisCoinLeases.number(reply.get(0));
    }

    @Override
    public void publish(Coin coin, Sector sector, long fencingToken, long version, long[] contribution) {
        var write = new Write(coin, sector, fencingToken, version, contribution.clone());
        pending.merge(coin, write, (old, next) -> next.newerThan(old) ? next : old);
        LockSupport.unpark(writer);
    }

    @Override
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        LockSupport.unpark(writer);
        while (!pending.isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return true;
    }

    @Override
    public int pendingWrites() {
        return pending.size();
    }

    /** The last failed write, or empty. */
    String lastError() {
        return lastError;
    }

    @Override
    public SharedTotals totals() {
        var coins = new HashMap<Coin, Long>();
        var sectors = new HashMap<Sector, Long>();
        var exchanges = new EnumMap<ExchangeId, Long>(ExchangeId.class);
        long gross = 0;
        long netLong = 0;
        long netShort = 0;
        long trades = 0;
        for (var entry : redis.hashOf(totalsKey).entrySet()) {
            long value = Long.parseLong(entry.getValue());
            String field = entry.getKey();
            if (value == 0) {
                continue;
            }
            switch (field) {
                case "g" -> gross = value;
                case "nl" -> netLong = value;
                case "ns" -> netShort = value;
                case "t" -> trades = value;
                default -> {
                    String name = field.substring(2);
                    switch (field.charAt(0)) {
                        case 'c' -> coins.put(Coin.of(name), value);
                        case 's' -> sectors.put(Sector.of(name), value);
                        default -> exchanges.put(ExchangeId.values()[Integer.parseInt(name)], value);
                    }
                }
            }
        }
        return new SharedTotals(coins, sectors, exchanges, gross, netLong, netShort, trades);
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        if (!flush(Duration.ofSeconds(2))) {
            System.getLogger(RedisSharedExposure.class.getName()).log(System.Logger.Level.WARNING,
                    "shared exposure: " + pending.size() + " coins' contributions were not written before close ("
                            + lastError + "); the next holder of each coin replaces them");
        }
        running = false;
        LockSupport.unpark(writer);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        redis.release();
    }

    private void writeLoop() {
        long backoff = 0;
        while (running) {
            if (pending.isEmpty() || backoff > 0) {
                LockSupport.parkNanos(backoff > 0 ? backoff : TimeUnit.MILLISECONDS.toNanos(100));
            }
            List<Write> batch = new ArrayList<>(pending.values());
            if (batch.isEmpty()) {
                continue;
            }
            try {
                for (int from = 0; from < batch.size(); from += MAX_COINS_PER_WRITE) {
                    write(batch.subList(from, Math.min(batch.size(), from + MAX_COINS_PER_WRITE)));
                }
                backoff = 0;
                lastError = "";
            } catch (UncheckedIOException | IllegalStateException e) {
                lastError = e.getMessage();
                backoff = backoff == 0 ? BACKOFF_MIN_NANOS : Math.min(BACKOFF_MAX_NANOS, backoff * 2);
            }
        }
    }

    /** One script call for the batch; written, fenced and stale writes all leave the map (unless replaced). */
    private void write(List<Write> batch) {
        var keys = new ArrayList<Object>(1 + 2 * batch.size());
        var args = new ArrayList<Object>(3 + STRIDE * batch.size());
        header(keys, args, -1, false);
        for (Write write : batch) {
            append(keys, args, write, null);
        }
        redis.evalList(WRITE, keys, args.toArray());
        for (Write write : batch) {
            pending.remove(write.coin(), write);
        }
    }

    private void header(List<Object> keys, List<Object> args, long marginMillis, boolean withTotals) {
        keys.add(totalsKey);
        args.add(Long.toString(marginMillis));
        args.add(Integer.toString(SLOTS));
        args.add(withTotals ? "1" : "0");
    }

    private void append(List<Object> keys, List<Object> args, Write write, long[] caps) {
        keys.add(redis.key("lease:" + write.coin().symbol()));
        keys.add(redis.key("risk:coin:" + write.coin().symbol()));
        args.add(write.coin().symbol());
        args.add(write.sector().name());
        args.add(Long.toString(write.token()));
        args.add(Long.toString(write.version()));
        args.add(caps == null ? "0" : "1");
        for (long value : write.contribution()) {
            args.add(Long.toString(value));
        }
        for (int i = 0; i < SLOTS; i++) {
            args.add(caps == null ? "-1" : Long.toString(caps[i]));
        }
    }
}

package io.huracan.bootstrap.cluster;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.huracan.adapter.redis.RedisBusConfig;
import io.huracan.adapter.redis.RedisStreamsMessageBusModule;
import io.huracan.bootstrap.config.ConfigLoader;
import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.bootstrap.wiring.AdapterSelection;
import io.huracan.domain.codec.EnginePayloads;
import io.huracan.ports.bus.BusMessage;
import io.huracan.ports.bus.MessageBus;
import io.huracan.ports.bus.MessageId;
import io.huracan.ports.bus.StartPosition;
import io.huracan.ports.bus.StreamType;
import io.huracan.ports.market.Coin;
import io.huracan.ports.order.Fill;
import io.huracan.ports.order.Order;
import io.huracan.ports.risk.RiskEvent;
import io.huracan.ports.risk.RiskReason;
import io.huracan.ports.risk.SharedExposure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.Redisson;
import org.redisson.config.Config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Issue 9's test: three engine processes (real JVMs running {@link ClusterMemberProcess}) on the machine's Redis
 * with the Redis bus, each running the seeded simulator, share a 24-coin universe; one is killed with SIGKILL
 * mid-run. Checked: ownership disjoint at every instant, the killed member's coins taken over within 10 s, every
 * ORDERS and EXECUTIONS message accounted for exactly once, every order unique and sent by its coin's lease holder
 * under a token that only grows, every member seeing the same market, and the shared risk limit binding without
 * being passed.
 */
class ThreeProcessClusterTest {
    private static final int COINS = 24;
    /**
     * Eight trades of 500: with 24 coins trading, the cluster's limit binds (as the test checks), while positions
     * held 4 s leave every member room to trade.
     */
    private static final double GLOBAL_GROSS = 4_000;
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(10);

    private final String prefix = "huracan-test-cluster-" + UUID.randomUUID();
    private final List<Member> members = new ArrayList<>();
    private Path config;
    private String redisUri;

    @TempDir
    Path dir;

    /** One child JVM and everything it reported. */
    private static final class Member {
        final String name;
        final Process process;
        final List<String[]> lines = new CopyOnWriteArrayList<>();
        final List<String> log = new CopyOnWriteArrayList<>();
        volatile long killedAtMicros;

        Member(String name, Process process) {
            this.name = name;
            this.process = process;
            Thread reader = new Thread(() -> {
                try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.startsWith(ClusterMemberProcess.MARK)) {
                            lines.add(line.substring(ClusterMemberProcess.MARK.length()).split(" "));
                        } else {
                            log.add(line);
                        }
                    }
                } catch (IOException e) {
                    log.add("reader: " + e);
                }
            }, "child-" + name);
            reader.setDaemon(true);
            reader.start();
        }

        List<String[]> lines(String kind) {
            return lines.stream().filter(l -> l[0].equals(kind)).toList();
        }

        /** The coins it trades now, by its OWN and DROP lines. */
        Set<Coin> owned() {
            Set<Coin> owned = new TreeSet<>();
            for (String[] line : lines) {
                if (line[0].equals("OWN")) {
                    owned.add(Coin.of(line[2]));
                } else if (line[0].equals("DROP")) {
                    owned.remove(Coin.of(line[2]));
                }
            }
            return owned;
        }

        String tail() {
            int from = Math.max(0, log.size() - 40);
            List<String[]> status = lines("STATUS");
            return name + " (exit " + (process.isAlive() ? "running" : process.exitValue()) + "), last status "
                    + (status.isEmpty() ? "none" : String.join(" ", status.get(status.size() - 1))) + ":\n"
                    + String.join("\n", log.subList(from, log.size()));
        }
    }

    @BeforeEach
    void writeConfig() throws IOException {
        redisUri = ClusterRedis.uri();
        EngineConfig base = new ConfigLoader(Map.of()).load(List.of());
        StringBuilder coins = new StringBuilder();
        base.universe().coins().stream().limit(COINS).forEach(listing -> coins.append("      - {symbol: ")
                .append(listing.symbol()).append(", sector: ").append(listing.sector()).append(", exchanges: [")
                .append(listing.exchanges().stream().map(e -> e.key()).sorted().collect(Collectors.joining(", ")))
                .append("]}\n"));
        config = dir.resolve("cluster.yaml");
        Files.writeString(config, """
                engine:
                  universe:
                    active_coins: %d
                    coins:
                %s  strategy:
                    evaluation_interval: 500ms
                    holding_horizon: 4s
                    trade_notional: 500
                    min_signal_bps: 2.0
                  cost_model:
                    min_edge_after_cost_bps: 0.5
                  event_loop:
                    coins_per_loop: 8
                  message_bus:
                    adapter: redis
                    redis_uri: %s
                    stream_prefix: %s
                  risk:
                    limits:
                      global_gross: %s
                  cluster:
                    enabled: true
                """.formatted(COINS, coins, redisUri, prefix, (long) GLOBAL_GROSS));
        requireRedis();
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        for (Member member : members) {
            if (member.process.isAlive()) {
                member.process.destroyForcibly();
                member.process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        ClusterRedis.deleteKeys(prefix);
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void threeProcessesShareTheCoinsAndOneKilledIsTakenOverWithoutALostOrDoubledOrder() throws Exception {
        EngineConfig engineConfig = new ConfigLoader(Map.of()).load(List.of(config));
        Injector cluster = Guice.createInjector(AdapterSelection.cluster(engineConfig.cluster(),
                engineConfig.messageBus()));
        SharedExposure exposure = cluster.getInstance(SharedExposure.class);
        var maxGross = new AtomicLong();
        var sampling = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    maxGross.accumulateAndGet(exposure.totals().globalGross(), Math::max);
                    Thread.sleep(100);
                } catch (UncheckedIOException e) {
                    // sampled again next time
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            for (String name : List.of("engine-a", "engine-b", "engine-c")) {
                members.add(start(name));
            }
            sampling.start();
            awaitAll("every member started and the coins are shared out", Duration.ofSeconds(60), () -> {
                int owned = 0;
                for (Member member : members) {
                    if (member.lines("STARTED").isEmpty() || member.owned().isEmpty()
                            || member.owned().size() > 8) {
                        return false;
                    }
                    owned += member.owned().size();
                }
                return owned == COINS;
            });
            Member victim = members.get(1);
            awaitAll("every member has sent orders", Duration.ofSeconds(40),
                    () -> members.stream().allMatch(member -> hasSentOrders(member, 0)));
            Set<Coin> orphaned = victim.owned();
            victim.killedAtMicros = nowMicros();
            victim.process.toHandle().destroyForcibly(); // SIGKILL (Process.destroy* would close our end of its pipe)
            victim.process.waitFor(10, TimeUnit.SECONDS);

            List<Member> survivors = List.of(members.get(0), members.get(2));
            awaitAll("the survivors trade every coin", Duration.ofSeconds(30), () ->
                    survivors.stream().mapToInt(m -> m.owned().size()).sum() == COINS);
            long takeoverMicros = 0;
            for (Coin coin : orphaned) {
                long taken = survivors.stream().flatMap(m -> m.lines("OWN").stream())
                        .filter(l -> l[2].equals(coin.symbol()) && Long.parseLong(l[1]) > victim.killedAtMicros)
                        .mapToLong(l -> Long.parseLong(l[1])).min().orElseThrow();
                takeoverMicros = Math.max(takeoverMicros, taken - victim.killedAtMicros);
            }
            System.out.printf("takeover of %d coins after SIGKILL: %.2f s%n", orphaned.size(), takeoverMicros / 1e6);
            assertThat(Duration.ofNanos(takeoverMicros * 1_000)).as("takeover of " + orphaned)
                    .isLessThanOrEqualTo(TAKEOVER_LIMIT);
            awaitAll("a survivor trades a coin it took over", Duration.ofSeconds(40),
                    () -> survivors.stream().anyMatch(member -> hasSentOrders(member, victim.killedAtMicros)));

            Thread.sleep(3_000); // the survivors trade on
            for (Member member : survivors) {
                member.process.toHandle().destroy(); // SIGTERM: a graceful stop, handing the coins over
            }
            for (Member member : survivors) {
                if (!member.process.waitFor(60, TimeUnit.SECONDS)) {
                    fail(member.name + " did not stop within 60 s of SIGTERM; its threads:\n" + threadDump(member));
                }
                assertThat(member.lines("STATS")).as(member.tail()).hasSize(1);
            }
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n" + members.stream().map(Member::tail)
                    .collect(Collectors.joining("\n")), e);
        } finally {
            sampling.interrupt();
            sampling.join();
            exposure.close();
        }

        checkOwnershipWasDisjoint();
        checkTheMarketWasTheSame();
        checkOrdersAndExecutions(engineConfig);
        assertThat(maxGross.get()).as("the shared global gross never passed its limit, slippage aside")
                .isLessThanOrEqualTo((long) (GLOBAL_GROSS * 1.02 * 1_000_000));
    }

    // ------------------------------------------------------------------------------------------ checks

    /** Per coin, the intervals in which each member traded it never overlap. */
    private void checkOwnershipWasDisjoint() {
        Map<Coin, List<long[]>> intervals = new TreeMap<>();
        Map<Coin, List<String>> holders = new TreeMap<>();
        for (Member member : members) {
            long end = member.killedAtMicros != 0 ? member.killedAtMicros
                    : Long.parseLong(member.lines("STATS").get(0)[1]);
            Map<Coin, Long> open = new HashMap<>();
            for (String[] line : member.lines) {
                Coin coin = line[0].equals("OWN") || line[0].equals("DROP") ? Coin.of(line[2]) : null;
                if (line[0].equals("OWN")) {
                    assertThat(open.put(coin, Long.parseLong(line[1]))).as(member.name + " took " + coin + " twice")
                            .isNull();
                } else if (line[0].equals("DROP")) {
                    intervals.computeIfAbsent(coin, c -> new ArrayList<>()).add(
                            new long[] {open.remove(coin), Long.parseLong(line[1])});
                    holders.computeIfAbsent(coin, c -> new ArrayList<>()).add(member.name);
                }
            }
            open.forEach((coin, from) -> {
                intervals.computeIfAbsent(coin, c -> new ArrayList<>()).add(new long[] {from, end});
                holders.computeIfAbsent(coin, c -> new ArrayList<>()).add(member.name);
            });
        }
        assertThat(intervals).as("every coin was traded").hasSize(COINS);
        intervals.forEach((coin, list) -> {
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    long[] x = list.get(i);
                    long[] y = list.get(j);
                    assertThat(x[1] <= y[0] || y[1] <= x[0])
                            .as("%s traded by %s [%d, %d] and %s [%d, %d] at once", coin, holders.get(coin).get(i),
                                    x[0], x[1], holders.get(coin).get(j), y[0], y[1])
                            .isTrue();
                }
            }
        });
    }

    /** Every member's simulator gave the same mid price for the same coin at the same market time. */
    private void checkTheMarketWasTheSame() {
        Map<String, Map<String, String>> seen = new HashMap<>();
        int compared = 0;
        for (Member member : members) {
            for (String[] line : member.lines("MID")) {
                String key = line[1] + " " + line[2];
                Map<String, String> byMember = seen.computeIfAbsent(key, k -> new HashMap<>());
                byMember.put(member.name, line[3]);
                if (byMember.size() > 1) {
                    compared++;
                    assertThat(new HashSet<>(byMember.values())).as("mid of %s by member", key).hasSize(1);
                }
            }
        }
        assertThat(compared).as("market seconds seen by more than one member").isGreaterThan(10);
    }

    /**
     * Reads ORDERS, EXECUTIONS and RISK_EVENTS in full through a consumer group of the Redis bus, and accounts
     * for every message: delivered once, from a live lease holder, matching what the survivors say they sent.
     */
    private void checkOrdersAndExecutions(EngineConfig engineConfig) {
        var section = engineConfig.messageBus();
        MessageBus bus = Guice.createInjector(new RedisStreamsMessageBusModule(RedisBusConfig.of(section.redisUri(),
                section.streamPrefix(), section.batchSize()), section.limits())).getInstance(MessageBus.class);
        try {
            List<BusMessage> orders = readAll(bus, StreamType.ORDERS);
            List<BusMessage> executions = readAll(bus, StreamType.EXECUTIONS);
            List<BusMessage> riskEvents = readAll(bus, StreamType.RISK_EVENTS);
            EnginePayloads payloads = EnginePayloads.standard();

            // who held which (coin, token), and from when
            Map<String, String> holderOfToken = new HashMap<>();
            Map<Coin, TreeMap<Long, Long>> tokensByTime = new TreeMap<>();
            for (Member member : members) {
                for (String[] own : member.lines("OWN")) {
                    String key = own[2] + "#" + own[3];
                    assertThat(holderOfToken.put(key, member.name)).as("token %s granted twice", key).isNull();
                    tokensByTime.computeIfAbsent(Coin.of(own[2]), c -> new TreeMap<>())
                            .put(Long.parseLong(own[1]), Long.parseLong(own[3]));
                }
            }
            tokensByTime.forEach((coin, byTime) -> assertThat(List.copyOf(byTime.values()))
                    .as("tokens of %s in the order they were granted", coin).isSorted().doesNotHaveDuplicates());

            Map<String, Long> ordersBy = new HashMap<>();
            Set<String> ids = new HashSet<>();
            Map<String, List<Long>> sequences = new HashMap<>();
            for (BusMessage message : orders) {
                Order order = payloads.decode(message.payload(), Order.class);
                String id = order.clientOrderId().value();
                assertThat(ids.add(id)).as("client order id %s sent twice", id).isTrue();
                String[] parts = id.split("-");
                assertThat(parts).as(id).hasSize(3);
                assertThat(parts[0]).isEqualTo(order.coin().symbol());
                long token = Long.parseLong(parts[1], 36);
                String holder = holderOfToken.get(order.coin().symbol() + "#" + token);
                assertThat(holder).as("order %s under a token nobody reported holding", id).isNotNull();
                ordersBy.merge(holder, 1L, Long::sum);
                sequences.computeIfAbsent(order.coin().symbol() + "#" + token, k -> new ArrayList<>())
                        .add(Long.parseLong(parts[2], 36));
                // sent while its token was the coin's newest: before the next holder took the coin
                TreeMap<Long, Long> grants = tokensByTime.get(order.coin());
                long sentAt = message.id().millis() * 1_000;
                var next = grants.entrySet().stream().filter(e -> e.getValue() > token).findFirst();
                next.ifPresent(e -> assertThat(sentAt).as("order %s at %d after token %d was granted at %d", id,
                        sentAt, e.getValue(), e.getKey()).isLessThanOrEqualTo(e.getKey()));
            }
            sequences.forEach((lease, seq) -> assertThat(seq).as("order sequence under %s", lease)
                    .isEqualTo(java.util.stream.LongStream.rangeClosed(1, seq.size()).boxed().toList()));

            Map<String, Long> executionsBy = new HashMap<>();
            Set<String> trades = new HashSet<>();
            for (BusMessage message : executions) {
                Fill fill = payloads.decode(message.payload(), Fill.class);
                String id = fill.clientOrderId().value();
                assertThat(ids).as("fill of an order never published").contains(id);
                String holder = holderOfToken.get(fill.coin().symbol() + "#" + Long.parseLong(id.split("-")[1], 36));
                assertThat(trades.add(holder + "/" + fill.tradeId())).as("fill %s published twice", fill.tradeId())
                        .isTrue();
                executionsBy.merge(holder, 1L, Long::sum);
            }
            for (Member member : List.of(members.get(0), members.get(2))) {
                String[] stats = member.lines("STATS").get(0);
                assertThat(ordersBy.getOrDefault(member.name, 0L)).as(member.name + " orders on the bus")
                        .isEqualTo(Long.parseLong(stats[2]));
                assertThat(executionsBy.getOrDefault(member.name, 0L)).as(member.name + " executions on the bus")
                        .isEqualTo(Long.parseLong(stats[3]));
            }
            assertThat(ordersBy).as("orders by member").containsKeys("engine-a", "engine-b", "engine-c");

            long bindings = riskEvents.stream().map(m -> payloads.decode(m.payload(), RiskEvent.class))
                    .filter(event -> event.reason() == RiskReason.GLOBAL_GROSS_LIMIT).count();
            System.out.printf("orders %d, executions %d, global gross limit reductions or rejections %d%n",
                    orders.size(), executions.size(), bindings);
            assertThat(bindings).as("the shared global gross limit bound at some point").isPositive();
        } finally {
            bus.close();
        }
    }

    /** Everything in the stream, through a new group from the start; every message delivered exactly once. */
    private static List<BusMessage> readAll(MessageBus bus, StreamType stream) {
        assertThat(bus.createGroup(stream, "audit", StartPosition.EARLIEST)).isTrue();
        List<BusMessage> all = new ArrayList<>();
        Set<MessageId> seen = new HashSet<>();
        while (true) {
            List<BusMessage> batch = bus.read(stream, "audit", "auditor", 500, Duration.ofMillis(200));
            if (batch.isEmpty()) {
                break;
            }
            for (BusMessage message : batch) {
                assertThat(seen.add(message.id())).as("%s delivered twice", message.id()).isTrue();
            }
            all.addAll(batch);
            assertThat(bus.acknowledge(stream, "audit", batch.stream().map(BusMessage::id).toList()))
                    .isEqualTo(batch.size());
        }
        assertThat((long) all.size()).as("every %s message stored was delivered", stream)
                .isEqualTo(bus.streamStats(stream).length());
        assertThat(bus.groupStats(stream, "audit").pending()).isZero();
        return all;
    }

    // ------------------------------------------------------------------------------------------ processes

    private Member start(String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path home = Files.createDirectories(dir.resolve(name));
        String logback = Path.of(ThreeProcessClusterTest.class.getResource("/cluster-member-logback.xml").getPath())
                .toString();
        var builder = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlogback.configurationFile=" + logback, "-cp", System.getProperty("java.class.path"), ClusterMemberProcess.class.getName(),
                config.toString()).directory(home.toFile()).redirectErrorStream(true);
        builder.environment().put("HURACAN_ENGINE__CLUSTER__MEMBER_ID", name);
        // no metrics endpoint: three children taking free ports race with every client's ephemeral port here
        builder.environment().put("HURACAN_ENGINE__OBSERVABILITY__ENABLED", "false");
        builder.environment().put("HURACAN_ENGINE__REGISTRY__PATH", home.resolve("registry").toString());
        return new Member(name, builder.start());
    }

    private static String threadDump(Member member) throws IOException, InterruptedException {
        Process jstack = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstack").toString(),
                Long.toString(member.process.pid())).redirectErrorStream(true).start();
        String dump = new String(jstack.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jstack.waitFor(30, TimeUnit.SECONDS);
        return dump;
    }

    /** True once the ORDERS stream holds an order sent under one of the member's leases taken after {@code since}. */
    private boolean hasSentOrders(Member member, long sinceMicros) {
        Set<String> leases = member.lines("OWN").stream().filter(l -> Long.parseLong(l[1]) > sinceMicros)
                .map(l -> l[2] + "-" + Long.toString(Long.parseLong(l[3]), 36)).collect(Collectors.toSet());
        if (leases.isEmpty()) {
            return false;
        }
        try (var redis = new RedisProbe(redisUri)) {
            return redis.payloads(prefix + ":" + StreamType.ORDERS.key()).stream()
                    .map(payload -> EnginePayloads.standard().decode(payload, Order.class).clientOrderId().value())
                    .anyMatch(id -> leases.contains(id.substring(0, id.lastIndexOf('-'))));
        }
    }

    private void awaitAll(String what, Duration timeout, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            for (Member member : members) {
                if (!member.process.isAlive() && member.killedAtMicros == 0) {
                    fail(member.name + " exited early");
                }
            }
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout.toSeconds() + " s waiting until " + what + "; owned: "
                        + members.stream().map(m -> m.name + "=" + m.owned().size()).toList());
            }
            Thread.sleep(100);
        }
        System.out.printf("%s: after %.1f s%n", what, (System.nanoTime() - start) / 1e9);
    }

    private void requireRedis() {
        try (var redis = new RedisProbe(redisUri)) {
            redis.payloads(prefix + ":probe");
        } catch (RuntimeException e) {
            fail("Redis is not reachable at " + redisUri + " (HURACAN_TEST_REDIS): " + e.getMessage() + ". Start it "
                    + "with `sudo service redis-server start` or `redis-server --daemonize yes --save \"\"`.");
        }
    }

    private static long nowMicros() {
        var now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    /** Reads a stream's payloads (field {@code p}) through a short-lived Redisson client. */
    private static final class RedisProbe implements AutoCloseable {
        private final org.redisson.api.RedissonClient client;

        RedisProbe(String uri) {
            var redisson = new Config();
            redisson.useSingleServer().setAddress(uri).setConnectTimeout(1_000).setRetryAttempts(0);
            client = Redisson.create(redisson);
        }

        List<byte[]> payloads(String key) {
            org.redisson.api.RStream<byte[], byte[]> stream = client.getStream(key,
                    org.redisson.client.codec.ByteArrayCodec.INSTANCE);
            return stream.range(org.redisson.api.StreamMessageId.MIN, org.redisson.api.StreamMessageId.MAX)
                    .values().stream().map(entry -> entry.values().iterator().next()) // the one field, p
                    .toList();
        }

        @Override
        public void close() {
            client.shutdown();
        }
    }
}

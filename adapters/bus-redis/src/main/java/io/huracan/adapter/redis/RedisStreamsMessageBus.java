package io.huracan.adapter.redis;

import io.huracan.ports.bus.BusArguments;
import io.huracan.ports.bus.BusLimits;
import io.huracan.ports.bus.BusMessage;
import io.huracan.ports.bus.GroupStats;
import io.huracan.ports.bus.MessageBus;
import io.huracan.ports.bus.MessageId;
import io.huracan.ports.bus.StartPosition;
import io.huracan.ports.bus.StreamStats;
import io.huracan.ports.bus.StreamType;
import jakarta.inject.Inject;
import org.redisson.Redisson;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamCreateGroupArgs;
import org.redisson.api.stream.StreamReadGroupArgs;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.client.protocol.RedisCommand;
import org.redisson.client.protocol.RedisCommands;
import org.redisson.command.CommandAsyncExecutor;
import org.redisson.config.Config;
import org.redisson.config.EqualJitterDelay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The message bus on Redis Streams through Redisson (see docs/message-bus.md for the mapping and the few
 * differences from the in-memory bus).
 *
 * <p>Publishing never waits for Redis: {@code publish} gives the message its id and puts it in the bounded
 * {@link OutboundBuffer}; the {@link OutboundFlusher} writes it with XADD (approximate MAXLEN per stream), pipelined
 * and batched. Past the bound, {@code publish} throws {@link OutboundBufferFullException} and the health says
 * BUFFER_FULL. Every other call sees what this bus accepted on the stream before the call (waiting, up to the
 * response timeout, for it to reach Redis), so a process always reads its own publishes.
 */
final class RedisStreamsMessageBus implements MessageBus, RedisBusMonitor {
    private static final byte[] GROUP = ascii("GROUP");
    private static final byte[] COUNT = ascii("COUNT");
    private static final byte[] STREAMS = ascii("STREAMS");
    private static final byte[] NEVER_DELIVERED = ascii(">");

    private final RedisBusConfig config;
    private final BusLimits limits;
    private final StreamKeys keys;
    private final RedissonClient redis;
    private final OutboundBuffer buffer;
    private final OutboundFlusher flusher;
    private final RedisFailures failures;
    private final InFlightAcks inFlightAcks = new InFlightAcks();
    /** Redisson's command layer, for the two hot commands sent with arguments and replies in bytes. */
    private final CommandAsyncExecutor commands;
    private final Map<StreamType, RedisCommand<List<BusMessage>>> readCommands = new EnumMap<>(StreamType.class);
    private volatile boolean open = true;

    @Inject
    RedisStreamsMessageBus(RedisBusConfig config, BusLimits limits) {
        this.config = config;
        this.limits = limits;
        this.keys = new StreamKeys(config.streamPrefix());
        this.failures = new RedisFailures(config.uri());
        Redisson redisson = (Redisson) Redisson.create(redissonConfig(config));
        this.redis = redisson;
        this.commands = redisson.getCommandExecutor();
        for (StreamType stream : StreamType.values()) {
            readCommands.put(stream, GroupReadReply.command(stream));
        }
        this.buffer = new OutboundBuffer(config.outboundBufferBound(), System::currentTimeMillis);
        this.flusher = new OutboundFlusher(redis, buffer, keys, limits, config, failures);
        flusher.start();
    }

    /**
     * Connects lazily, so an engine starts (and buffers) while Redis is still down. Redisson's object references
     * (a per-argument class lookup) are off, the script cache is on (EVALSHA), and it gets few threads: the engine's
     * loops own the cores.
     */
    private static Config redissonConfig(RedisBusConfig config) {
        var redisson = new Config();
        redisson.setCodec(ByteArrayCodec.INSTANCE);
        redisson.setLazyInitialization(true);
        redisson.setReferenceEnabled(false);
        redisson.setUseScriptCache(true);
        redisson.setNettyThreads(4);
        redisson.setThreads(2);
        redisson.useSingleServer()
                .setAddress(config.uri())
                .setTimeout((int) config.responseTimeout().toMillis())
                .setConnectTimeout((int) config.responseTimeout().toMillis())
                .setRetryAttempts(1)
                .setConnectionMinimumIdleSize(2)
                .setConnectionPoolSize(32)
                .setPingConnectionInterval(1_000)
                .setReconnectionDelay(new EqualJitterDelay(config.reconnectBackoffMin(), config.reconnectBackoffMax()));
        return redisson;
    }

    @Override
    public MessageId publish(StreamType stream, byte[] payload) {
        checkOpen();
        MessageId id = buffer.accept(BusArguments.stream(stream), BusArguments.payload(payload));
        flusher.wake();
        return id;
    }

    @Override
    public List<MessageId> publishBatch(StreamType stream, List<byte[]> payloads) {
        checkOpen();
        var copies = new ArrayList<byte[]>(payloads.size());
        for (byte[] payload : payloads) {
            copies.add(BusArguments.payload(payload));
        }
        List<MessageId> ids = buffer.accept(BusArguments.stream(stream), copies);
        flusher.wake();
        return ids;
    }

    @Override
    public boolean createGroup(StreamType stream, String group, StartPosition from) {
        checkReady(stream);
        if (from == null) {
            throw new IllegalArgumentException("start position is missing; allowed: EARLIEST or LATEST");
        }
        String name = BusArguments.name("group", group);
        var args = StreamCreateGroupArgs.name(name)
                .id(from == StartPosition.EARLIEST ? StreamMessageId.ALL : StreamMessageId.NEWEST).makeStream();
        Boolean created = await(rstream(stream).createGroupAsync(args).thenApply(ignored -> Boolean.TRUE), Duration.ZERO,
                failure -> RedisFailures.isBusyGroup(failure) ? null
                        : failures.translate(failure, "XGROUP CREATE", stream, name));
        return created != null;
    }

    /**
     * Reads without waiting first; only when that comes back short while this bus still holds unwritten messages of
     * the stream (accepted before the call) does it wait for them to reach Redis and read again, and only when
     * nothing at all is there does it block (XREADGROUP BLOCK) for up to the timeout.
     */
    @Override
    public List<BusMessage> read(StreamType stream, String group, String consumer, int maxCount, Duration timeout) {
        checkOpen();
        StreamType type = BusArguments.stream(stream);
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("read timeout " + timeout + " is invalid; allowed: a duration >= 0");
        }
        String groupName = BusArguments.name("group", group);
        String consumerName = BusArguments.name("consumer", consumer);
        int count = BusArguments.maxCount(maxCount);
        long accepted = buffer.acceptedCount(type);
        boolean unwritten = !buffer.writtenUpTo(type, accepted);
        List<BusMessage> messages = readOnce(type, groupName, consumerName, count, Duration.ZERO);
        if (messages.size() < count && unwritten) {
            awaitWritten(type, accepted);
            messages.addAll(readOnce(type, groupName, consumerName, count - messages.size(), Duration.ZERO));
        }
        if (messages.isEmpty() && !timeout.isZero()) {
            return readOnce(type, groupName, consumerName, count, timeout);
        }
        return messages;
    }

    /**
     * XREADGROUP {@code >}. Without waiting it goes through {@link GroupReadReply} (the hot path: no per-entry maps
     * or Strings); with a timeout through RStream's blocking command, the one Redisson gives a response timeout
     * longer than the BLOCK.
     */
    private List<BusMessage> readOnce(StreamType stream, String group, String consumer, int count, Duration timeout) {
        if (timeout.isZero()) {
            String key = keys.stream(stream);
            RFuture<List<BusMessage>> reply = commands.writeAsync(key, ByteArrayCodec.INSTANCE,
                    readCommands.get(stream), GROUP, group, consumer, COUNT, count, STREAMS, key, NEVER_DELIVERED);
            return await(reply, Duration.ZERO, failure -> failures.translate(failure, "XREADGROUP", stream, group));
        }
        var args = StreamReadGroupArgs.neverDelivered().count(count)
                .timeout(Duration.ofMillis(Math.max(1, timeout.toMillis()))); // BLOCK 0 would wait forever
        Map<StreamMessageId, Map<byte[], byte[]>> entries = await(rstream(stream).readGroupAsync(group, consumer, args),
                timeout, failure -> failures.translate(failure, "XREADGROUP", stream, group));
        var messages = new ArrayList<BusMessage>(entries == null ? 0 : entries.size());
        if (entries != null) {
            entries.forEach((id, fields) -> messages.add(new BusMessage(stream,
                    new MessageId(id.getId0(), id.getId1()), fields.values().iterator().next(), 1)));
        }
        return messages;
    }

    @Override
    public List<BusMessage> readPending(StreamType stream, String group, String consumer, int maxCount) {
        String name = BusArguments.name("consumer", consumer);
        return redeliver(stream, group, name, Duration.ZERO, maxCount, name);
    }

    @Override
    public List<BusMessage> claimIdle(StreamType stream, String group, String consumer, Duration minIdle,
                                      int maxCount) {
        if (minIdle == null || minIdle.isNegative()) {
            throw new IllegalArgumentException("min idle " + minIdle + " is invalid; allowed: a duration >= 0");
        }
        return redeliver(stream, group, BusArguments.name("consumer", consumer), minIdle, maxCount, "");
    }

    private List<BusMessage> redeliver(StreamType stream, String group, String consumer, Duration minIdle,
                                       int maxCount, String owner) {
        checkReady(stream);
        String groupName = BusArguments.name("group", group);
        List<Object> reply = script(stream, groupName, "XCLAIM", RedisScripts.REDELIVER,
                List.of(keys.stream(stream), keys.deadLetters(stream, groupName), keys.deadLetterCounts(stream)),
                groupName, consumer, minIdle.toMillis(), BusArguments.maxCount(maxCount), limits.maxDeliveries(),
                limits.deadLetterMaxLength(), owner);
        return triples(stream, reply);
    }

    /**
     * Does not wait for this bus's buffered publishes as the other calls do: the ids were read, so Redis has them,
     * and waiting for later publishes added a writer's round trip to every acknowledgement.
     */
    @Override
    public int acknowledge(StreamType stream, String group, Collection<MessageId> ids) {
        StreamType type = checkAcknowledgement(stream, group);
        if (ids.isEmpty()) {
            return 0;
        }
        Long acknowledged = await(sendAck(type, group, ids), Duration.ZERO,
                failure -> failures.translate(failure, "XACK", type, group));
        return acknowledged.intValue();
    }

    /**
     * The XACK goes out and the caller goes on; {@link #checkReady} makes the calls that report or hand out pending
     * messages wait for its answer, and {@link #close} gives it the response timeout to arrive.
     */
    @Override
    public CompletionStage<Integer> acknowledgeAsync(StreamType stream, String group, Collection<MessageId> ids) {
        StreamType type = checkAcknowledgement(stream, group);
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(0);
        }
        inFlightAcks.sent(type);
        return sendAck(type, group, ids).handle((acknowledged, failure) -> {
            inFlightAcks.answered(type);
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                throw new CompletionException(open ? failures.translate(cause, "XACK", type, group) : closed());
            }
            return acknowledged.intValue();
        });
    }

    /** What both acknowledgements check first: the bus is open, and the stream and the group are given. */
    private StreamType checkAcknowledgement(StreamType stream, String group) {
        checkOpen();
        StreamType type = BusArguments.stream(stream);
        BusArguments.name("group", group);
        return type;
    }

    private RFuture<Long> sendAck(StreamType stream, String group, Collection<MessageId> ids) {
        String key = keys.stream(stream);
        var arguments = new Object[2 + ids.size()];
        arguments[0] = key;
        arguments[1] = group;
        int i = 2;
        for (MessageId id : ids) {
            arguments[i++] = StreamIdDigits.bytes(id.millis(), id.sequence());
        }
        return commands.writeAsync(key, ByteArrayCodec.INSTANCE, RedisCommands.XACK, arguments);
    }

    @Override
    public List<BusMessage> deadLetters(StreamType stream, String group, int maxCount) {
        checkReady(stream);
        String groupName = BusArguments.name("group", group);
        return triples(stream, script(stream, groupName, "XRANGE", RedisScripts.DEAD_LETTERS,
                List.of(keys.deadLetters(stream, groupName)), BusArguments.maxCount(maxCount)));
    }

    @Override
    public StreamStats streamStats(StreamType stream) {
        checkReady(stream);
        List<Object> reply = script(stream, "", "XINFO STREAM", RedisScripts.STREAM_STATS,
                List.of(keys.stream(stream)));
        return new StreamStats(stream, number(reply.get(0)), MessageId.parse(text(reply.get(1))),
                MessageId.parse(text(reply.get(2))), number(reply.get(3)));
    }

    @Override
    public GroupStats groupStats(StreamType stream, String group) {
        checkReady(stream);
        String groupName = BusArguments.name("group", group);
        List<Object> reply = script(stream, groupName, "XINFO GROUPS", RedisScripts.GROUP_STATS,
                List.of(keys.stream(stream), keys.deadLetterCounts(stream)), groupName);
        var pendingByConsumer = new LinkedHashMap<String, Long>();
        for (int i = 4; i + 1 < reply.size(); i += 2) {
            pendingByConsumer.put(text(reply.get(i)), number(reply.get(i + 1)));
        }
        return new GroupStats(stream, groupName, number(reply.get(0)), number(reply.get(1)), number(reply.get(2)),
                MessageId.parse(text(reply.get(3))), pendingByConsumer);
    }

    @Override
    public RedisBusHealth health() {
        long buffered = buffer.buffered();
        RedisBusHealth.Status status = buffered >= buffer.bound() ? RedisBusHealth.Status.BUFFER_FULL
                : flusher.failing() ? RedisBusHealth.Status.RECONNECTING : RedisBusHealth.Status.UP;
        return new RedisBusHealth(status, buffered, buffer.bound(), flusher.reassigned(), flusher.lastError());
    }

    /**
     * Writes what is buffered (waiting up to twice the response timeout for Redis) and waits for the answers to the
     * acknowledgements still travelling (up to the response timeout), then disconnects. Messages still buffered after
     * that are lost with the process, as they would be in a crash; the close says how many.
     */
    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        long left;
        try {
            left = flusher.stop(2 * config.responseTimeout().toMillis());
            inFlightAcks.awaitAllAnswered(System.nanoTime() + config.responseTimeout().toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            left = buffer.buffered();
        } finally {
            redis.shutdown(0, 2, TimeUnit.SECONDS);
        }
        if (left > 0) {
            System.getLogger(RedisStreamsMessageBus.class.getName()).log(System.Logger.Level.ERROR,
                    "redis bus closed with {0} messages not written: Redis at {1} was unreachable", left, config.uri());
        }
    }

    private RStream<byte[], byte[]> rstream(StreamType stream) {
        return redis.getStream(keys.stream(stream), ByteArrayCodec.INSTANCE);
    }

    private List<Object> script(StreamType stream, String group, String operation, String lua, List<Object> scriptKeys,
                                Object... args) {
        Object[] encoded = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            encoded[i] = bytes(args[i]);
        }
        String routing = (String) scriptKeys.get(0);
        RFuture<List<Object>> reply = redis.getScript(ByteArrayCodec.INSTANCE).evalAsync(routing,
                RScript.Mode.READ_WRITE, lua, RScript.ReturnType.MULTI, scriptKeys, encoded);
        return await(reply, Duration.ZERO, failure -> failures.translate(failure, operation, stream, group));
    }

    private static List<BusMessage> triples(StreamType stream, List<Object> reply) {
        var messages = new ArrayList<BusMessage>(reply.size() / 3);
        for (int i = 0; i + 2 < reply.size(); i += 3) {
            messages.add(new BusMessage(stream, MessageId.parse(text(reply.get(i))), (byte[]) reply.get(i + 2),
                    (int) number(reply.get(i + 1))));
        }
        return messages;
    }

    /**
     * Waits for a Redis reply for the command's own time plus the response timeout, returning early with an
     * {@link IllegalStateException} when the bus is closed meanwhile. {@code onFailure} maps a failure to the
     * exception to throw, or to null for a null result.
     */
    private <T> T await(java.util.concurrent.CompletionStage<T> reply, Duration commandTime,
                        Function<Throwable, RuntimeException> onFailure) {
        CompletableFuture<T> future = reply.toCompletableFuture();
        long deadline = System.nanoTime() + commandTime.toNanos() + config.responseTimeout().toNanos() * 2;
        while (true) {
            if (!open) {
                future.cancel(true);
                throw closed();
            }
            try {
                return future.get(20, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    future.cancel(true);
                    throw failures.unreachable("no reply within " + config.responseTimeout(), e);
                }
            } catch (ExecutionException e) {
                if (!open) {
                    throw closed();
                }
                RuntimeException mapped = onFailure.apply(e.getCause());
                if (mapped == null) {
                    return null;
                }
                throw mapped;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                future.cancel(true);
                throw new IllegalStateException("interrupted while waiting for Redis", e);
            }
        }
    }

    /**
     * Checks the bus is open, then lets this bus's buffered publishes on the stream reach Redis first, and its
     * acknowledgements still travelling be answered.
     */
    private void checkReady(StreamType stream) {
        checkOpen();
        StreamType type = BusArguments.stream(stream);
        awaitWritten(type, buffer.acceptedCount(type));
        try {
            inFlightAcks.awaitAnswered(type, System.nanoTime() + config.responseTimeout().toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checkOpen();
    }

    private void awaitWritten(StreamType stream, long accepted) {
        try {
            flusher.awaitWritten(stream, accepted, System.nanoTime() + config.responseTimeout().toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkOpen() {
        if (!open) {
            throw closed();
        }
    }

    private static IllegalStateException closed() {
        return new IllegalStateException("message bus is closed");
    }

    private static byte[] bytes(Object value) {
        return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String word) {
        return word.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
    }

    private static long number(Object value) {
        return value instanceof Long number ? number : Long.parseLong(text(value));
    }
}

package io.huracan.benchmarks;

import org.redisson.Redisson;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RStream;
import org.redisson.api.RStreamAsync;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamCreateGroupArgs;
import org.redisson.api.stream.StreamReadGroupArgs;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.config.Config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What the Redis server spends per message on each kind of command a consumer-group bus sends, one kind at a time on
 * a scratch stream, in batches as the bus sends them: XADD, XREADGROUP (which also enters each message in the
 * group's and the consumer's pending lists), XACK, and for comparison XREADGROUP NOACK (the same read without the
 * pending lists, which at-least-once delivery cannot do without). Server CPU from {@link RedisServerCpu}; the
 * difference between the two reads is the pending-list bookkeeping. It bounds {@code ratio}: a message costs Redis
 * an XADD, its share of an XREADGROUP and of an XACK, against the ceiling's one XADD.
 */
record RedisCommandCosts(long xaddNanos, long readGroupNanos, long ackNanos, long readNoAckNanos) {
    private static final byte[] FIELD = "p".getBytes(StandardCharsets.US_ASCII);

    static RedisCommandCosts measure(String redisUri, String key, int messages, int batch, byte[] payload)
            throws IOException, InterruptedException {
        var config = new Config();
        config.useSingleServer().setAddress(redisUri);
        RedissonClient redis = Redisson.create(config);
        try {
            RStream<byte[], byte[]> stream = redis.getStream(key, ByteArrayCodec.INSTANCE);
            stream.createGroup(StreamCreateGroupArgs.name("acked").id(StreamMessageId.ALL).makeStream());
            stream.createGroup(StreamCreateGroupArgs.name("noack").id(StreamMessageId.ALL));

            long before = RedisServerCpu.nanos(redisUri);
            for (int sent = 0; sent < messages; sent += batch) {
                RBatch pipeline = redis.createBatch(BatchOptions.defaults());
                RStreamAsync<byte[], byte[]> batched = pipeline.getStream(key, ByteArrayCodec.INSTANCE);
                for (int i = sent; i < Math.min(messages, sent + batch); i++) {
                    batched.addAsync(StreamAddArgs.entry(FIELD, payload));
                }
                pipeline.execute();
            }
            long afterAdd = RedisServerCpu.nanos(redisUri);
            var ids = new StreamMessageId[messages];
            int read = 0;
            while (read < messages) {
                for (StreamMessageId id : stream.readGroup("acked", "c1",
                        StreamReadGroupArgs.neverDelivered().count(batch)).keySet()) {
                    ids[read++] = id;
                }
            }
            long afterRead = RedisServerCpu.nanos(redisUri);
            for (int from = 0; from < messages; from += batch) {
                stream.ack("acked", java.util.Arrays.copyOfRange(ids, from, Math.min(messages, from + batch)));
            }
            long afterAck = RedisServerCpu.nanos(redisUri);
            for (int noAck = 0; noAck < messages; ) {
                noAck += stream.readGroup("noack", "c1", StreamReadGroupArgs.neverDelivered().noAck().count(batch)).size();
            }
            long afterNoAck = RedisServerCpu.nanos(redisUri);
            stream.delete();
            return new RedisCommandCosts((afterAdd - before) / messages, (afterRead - afterAdd) / messages,
                    (afterAck - afterRead) / messages, (afterNoAck - afterAck) / messages);
        } finally {
            redis.shutdown();
        }
    }

    /**
     * Adds the costs and {@code redis_ratio_bound}: the highest {@code ratio} this server allows with Redis on a whole
     * core and a client that cost nothing, the ceiling's CPU per XADD over a message's XADD + XREADGROUP + XACK.
     */
    void addTo(BenchReport report, long ceilingCpuNanosPerXadd) {
        report.put("redis_cpu_ns_per_xadd", xaddNanos)
                .put("redis_cpu_ns_per_xreadgroup_msg", readGroupNanos)
                .put("redis_cpu_ns_per_xack_msg", ackNanos)
                .put("redis_cpu_ns_per_xreadgroup_noack_msg", readNoAckNanos)
                .put("redis_ratio_bound", Math.round((double) ceilingCpuNanosPerXadd
                        / (xaddNanos + readGroupNanos + ackNanos) * 1000) / 1000.0);
    }
}

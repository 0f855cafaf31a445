package io.huracan.ports.bus;

/**
 * A stream's state: messages kept now, the oldest and newest kept ids ({@link MessageId#ZERO} when empty), and
 * how many messages were ever published to it.
 */
public record StreamStats(StreamType stream, long length, MessageId firstId, MessageId lastId, long published) {
}

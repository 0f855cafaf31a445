package io.huracan.ports.registry;

/** A registry operation that could not be done; {@link #kind()} says why, the message says it for a person. */
public final class ModelStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** No such model name or version. */
        UNKNOWN_MODEL,
        /** A stored document or row cannot be read back as a model version. */
        CORRUPT_DOCUMENT,
        /** The status change breaks the lifecycle ({@link ModelStatus#canMoveTo}). */
        ILLEGAL_TRANSITION,
        /** A promotion decision that names a model not active in the regime or exceeds the regime's limit. */
        INVALID_DECISION,
        /** The storage itself failed (I/O, connection); the operation may succeed if retried. */
        STORAGE_FAILURE
    }

    private final Kind kind;

    public ModelStoreException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ModelStoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public static ModelStoreException unknown(ModelKey key) {
        return new ModelStoreException(Kind.UNKNOWN_MODEL, "model " + key + " does not exist");
    }

    public static ModelStoreException unknown(String name) {
        return new ModelStoreException(Kind.UNKNOWN_MODEL, "model " + name + " has no versions");
    }

    public Kind kind() {
        return kind;
    }
}

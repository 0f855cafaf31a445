package io.huracan.ports.storage;

/** A stored file could not be read; the store has moved it to quarantine (see {@link MarketDataStore#quarantined()}). */
public final class UnreadableFileException extends StorageException {
    private static final long serialVersionUID = 1L;

    private final QuarantinedFile file;

    public UnreadableFileException(QuarantinedFile file) {
        super(file.originalPath() + " is unreadable (" + file.reason() + "); moved to " + file.quarantinedPath());
        this.file = file;
    }

    public QuarantinedFile file() {
        return file;
    }
}

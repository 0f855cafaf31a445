package io.huracan.adapter.parquet;

/** A stored file failed while it was being decoded; the store quarantines it. */
final class FileReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;

    FileReadException(String file, Throwable cause) {
        super(file + ": " + cause.getMessage(), cause);
        this.file = file;
    }

    String file() {
        return file;
    }
}

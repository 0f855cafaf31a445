package io.huracan.ports.storage;

import java.nio.file.Path;

/** A file moved out of the store because it could not be read: where it was, where it is now, and why. */
public record QuarantinedFile(String originalPath, Path quarantinedPath, String reason) {
}

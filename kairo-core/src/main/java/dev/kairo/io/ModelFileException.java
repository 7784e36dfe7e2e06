package dev.kairo.io;

import java.io.IOException;
import java.nio.file.Path;

/** A model, checkpoint or tensor file that Kairo refuses to load; the message names the file. */
public final class ModelFileException extends IOException {
  private final transient Path file;

  /** @param file the offending file; @param problem what is wrong, completing "FILE ..." */
  public ModelFileException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  /** The offending file. */
  public Path file() {
    return file;
  }
}

package dev.kairo.data.idx;

import java.io.IOException;

/**
 * An IDX file (MNIST's format) that cannot be read: the message names the file and says what
 * is wrong, with the numbers involved, e.g.
 * {@code train-images-idx3-ubyte.gz: truncated: the header declares shape [60000, 28, 28]
 * (47040000 data bytes) but only 1200 data bytes follow it}.
 *
 * <pre>{@code
 * try {
 *   IdxArray a = IdxReader.read(Path.of("train-images-idx3-ubyte.gz"));
 * } catch (IdxFormatException e) {
 *   System.err.println(e.getMessage());   // train-images-idx3-ubyte.gz: truncated: ...
 *   String file = e.source();
 * }
 * }</pre>
 *
 * <p>An {@link IOException}, like {@code csv.CsvException}: it is a problem with the input
 * rather than with the program.
 */
public final class IdxFormatException extends IOException {
  private final String source;

  /**
   * @param source the file (or the name given for a stream)
   * @param problem what is wrong, with the numbers involved
   */
  public IdxFormatException(String source, String problem) {
    super(source + ": " + problem);
    this.source = source;
  }

  /**
   * @param source the file (or the name given for a stream)
   * @param problem what is wrong
   * @param cause the lower-level error (a gzip error, say)
   */
  public IdxFormatException(String source, String problem, Throwable cause) {
    super(source + ": " + problem, cause);
    this.source = source;
  }

  /** The file, or the name given for a stream. */
  public String source() {
    return source;
  }
}

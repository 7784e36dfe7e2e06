package dev.kairo.data.idx;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST: two zero bytes, a type code, the
 * number of dimensions, each dimension as a big-endian 32-bit integer, then the elements in
 * row-major order. Gzip-compressed files are recognised by their first two bytes (1f 8b), not
 * by their name.
 *
 * <pre>{@code
 * IdxArray images = IdxReader.read(Path.of("train-images-idx3-ubyte.gz"));  // [60000, 28, 28]
 * IdxArray labels = IdxReader.read(Path.of("train-labels-idx1-ubyte"));     // [60000], plain
 * IdxArray big = IdxReader.read(Path.of("huge.idx"), 4L << 30);             // a higher size limit
 * }</pre>
 *
 * <p>The header is checked before anything is allocated: an unknown type code, zero
 * dimensions, or a declared size over the limit ({@link #DEFAULT_MAX_BYTES} unless given) is
 * refused with an {@link IdxFormatException}, and so is an uncompressed file whose length
 * does not match its header. For a gzip file the buffer grows with the data actually read, so
 * a lying header cannot make the reader allocate more than about twice what the file holds.
 * A file that ends early, carries bytes after its data, or has a corrupt gzip stream (the
 * gzip checksum is verified) is refused as well; every message names the file.
 */
public final class IdxReader {
  /** The largest data size read unless told otherwise: 1 GiB (MNIST's training images: 47 MB). */
  public static final long DEFAULT_MAX_BYTES = 1L << 30;
  /** The largest data size a Java array can hold. */
  static final long ARRAY_LIMIT = Integer.MAX_VALUE - 8;
  private static final int FIRST_CHUNK = 1 << 20;
  private static final long SATURATED = 1L << 59;

  private IdxReader() {}

  /** Reads a plain or gzip-compressed IDX file of at most {@link #DEFAULT_MAX_BYTES} data bytes. */
  public static IdxArray read(Path file) throws IOException {
    return read(file, DEFAULT_MAX_BYTES);
  }

  /**
   * Reads a plain or gzip-compressed IDX file whose data (after the header) takes at most
   * {@code maxBytes} bytes.
   *
   * @throws IdxFormatException when the file is not a well-formed IDX file, with the reason
   * @throws java.nio.file.NoSuchFileException when there is no such file
   */
  public static IdxArray read(Path file, long maxBytes) throws IOException {
    checkLimit(maxBytes);
    long size = Files.size(file);
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString(), size, maxBytes);
    }
  }

  /**
   * Reads a plain or gzip-compressed IDX stream (not closed here); {@code source} names it
   * in error messages.
   */
  public static IdxArray read(InputStream in, String source, long maxBytes) throws IOException {
    checkLimit(maxBytes);
    return read(in, source, -1, maxBytes);
  }

  private static void checkLimit(long maxBytes) {
    if (maxBytes < 0 || maxBytes > ARRAY_LIMIT) {
      throw new IllegalArgumentException("IdxReader: maxBytes must be in [0, " + ARRAY_LIMIT
          + "] (a Java array's limit), got " + maxBytes);
    }
  }

  private static IdxArray read(InputStream stream, String source, long fileSize, long maxBytes)
      throws IOException {
    InputStream raw = new BufferedInputStream(stream, 1 << 16);
    raw.mark(2);
    int b0 = raw.read();
    int b1 = raw.read();
    raw.reset();
    if (b0 != 0x1f || b1 != 0x8b) {
      return parse(raw, source, fileSize, maxBytes);
    }
    try {
      // The compressed length says nothing about the content's length: no size check up front.
      return parse(new GZIPInputStream(raw, 1 << 16), source, -1, maxBytes);
    } catch (ZipException | EOFException e) {
      throw new IdxFormatException(source, "corrupt or truncated gzip data (" + e.getMessage()
          + ")", e);
    }
  }

  private static IdxArray parse(InputStream in, String source, long fileSize, long maxBytes)
      throws IOException {
    byte[] head = new byte[4];
    int got = readFully(in, head, 0, 4);
    if (got < 4) {
      throw new IdxFormatException(source, "too short for an IDX file: " + got
          + " bytes, but the magic number alone takes 4");
    }
    int magic = (head[0] & 0xff) << 24 | (head[1] & 0xff) << 16 | (head[2] & 0xff) << 8
        | head[3] & 0xff;
    if (head[0] != 0 || head[1] != 0) {
      throw new IdxFormatException(source, String.format("not an IDX file: magic number 0x%08X"
          + " does not start with two zero bytes (IDX files start 00 00, a type code and the"
          + " number of dimensions: 0x00000803 for MNIST images, 0x00000801 for labels)", magic));
    }
    IdxType type = IdxType.fromCode(head[2] & 0xff);
    if (type == null) {
      throw new IdxFormatException(source, String.format("unknown element type code 0x%02X in"
          + " magic number 0x%08X; IDX types are %s", head[2] & 0xff, magic, IdxType.known()));
    }
    int rank = head[3] & 0xff;
    if (rank == 0) {
      throw new IdxFormatException(source, String.format("magic number 0x%08X declares 0"
          + " dimensions; an IDX array has at least one", magic));
    }
    byte[] dimBytes = new byte[4 * rank];
    got = readFully(in, dimBytes, 0, dimBytes.length);
    if (got < dimBytes.length) {
      throw new IdxFormatException(source, "truncated header: " + rank + " dimensions take "
          + dimBytes.length + " bytes after the magic number, but only " + got + " follow");
    }
    int[] shape = new int[rank];
    long numel = 1;
    for (int d = 0; d < rank; d++) {
      long v = (dimBytes[4 * d] & 0xffL) << 24 | (dimBytes[4 * d + 1] & 0xff) << 16
          | (dimBytes[4 * d + 2] & 0xff) << 8 | dimBytes[4 * d + 3] & 0xff;
      if (v > Integer.MAX_VALUE) {
        throw new IdxFormatException(source, "dimension " + d + " is " + v
            + ", larger than any array can be; the header is corrupt or not IDX");
      }
      shape[d] = (int) v;
      // Saturates instead of overflowing; anything this large is refused against the limit below.
      numel = v != 0 && numel > SATURATED / v ? SATURATED : numel * v;
    }
    long dataBytes = numel * type.bytes();
    if (dataBytes > maxBytes) {
      throw new IdxFormatException(source, "the header declares shape " + Arrays.toString(shape)
          + " of " + type + " (" + describe(numel, type) + "), over the limit of " + maxBytes
          + " bytes; refusing to allocate it (if the file really is this large, pass a larger"
          + " maxBytes to IdxReader.read)");
    }
    long headerBytes = 4L + 4L * rank;
    if (fileSize >= 0 && fileSize != headerBytes + dataBytes) {
      throw lengthMismatch(source, shape, dataBytes, fileSize - headerBytes, headerBytes);
    }
    byte[] data = readData(in, (int) dataBytes, fileSize >= 0);
    if (data.length < dataBytes) {
      throw lengthMismatch(source, shape, dataBytes, data.length, headerBytes);
    }
    long extra = countRest(in);
    if (extra > 0) {
      throw lengthMismatch(source, shape, dataBytes, dataBytes + extra, headerBytes);
    }
    return new IdxArray(source, type, shape, data);
  }

  private static String describe(long numel, IdxType type) {
    return numel >= SATURATED ? "at least 2^59 elements"
        : numel + " elements, " + numel * type.bytes() + " bytes";
  }

  private static IdxFormatException lengthMismatch(String source, int[] shape, long expected,
      long actual, long headerBytes) {
    String declared = "the header declares shape " + Arrays.toString(shape) + " (" + expected
        + " data bytes, " + (expected + headerBytes) + " bytes with the header)";
    if (actual < expected) {
      return new IdxFormatException(source, "truncated: " + declared + " but only " + actual
          + " data bytes follow it (" + (expected - actual) + " missing)");
    }
    return new IdxFormatException(source, (actual - expected) + " unexpected bytes after the"
        + " data: " + declared + " but " + actual + " data bytes follow it");
  }

  // Exact size when the file's length has been checked; otherwise grown as data arrives.
  private static byte[] readData(InputStream in, int want, boolean sizeKnown) throws IOException {
    byte[] buf = new byte[sizeKnown ? want : Math.min(want, FIRST_CHUNK)];
    int total = 0;
    while (total < want) {
      if (total == buf.length) {
        buf = Arrays.copyOf(buf, (int) Math.min(want, 2L * buf.length));
      }
      int r = in.read(buf, total, buf.length - total);
      if (r < 0) {
        return Arrays.copyOf(buf, total);
      }
      total += r;
    }
    return buf;
  }

  // Reading to the end also makes GZIPInputStream check the CRC and length in the trailer.
  private static long countRest(InputStream in) throws IOException {
    byte[] skip = new byte[8192];
    long n = 0;
    int r;
    while ((r = in.read(skip)) >= 0 && n < ARRAY_LIMIT) {
      n += r;
    }
    return n;
  }

  private static int readFully(InputStream in, byte[] b, int off, int len) throws IOException {
    int total = 0;
    while (total < len) {
      int r = in.read(b, off + total, len - total);
      if (r < 0) {
        break;
      }
      total += r;
    }
    return total;
  }
}

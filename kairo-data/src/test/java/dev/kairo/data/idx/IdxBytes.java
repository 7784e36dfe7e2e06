package dev.kairo.data.idx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds small IDX files for tests: any header, any data, plain or gzip-compressed. */
public final class IdxBytes {
  private IdxBytes() {}

  /** An IDX file: 00 00, the type code, the number of dimensions, the dimensions, the data. */
  public static byte[] idx(int typeCode, int[] dims, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
    b.put((byte) 0).put((byte) 0).put((byte) typeCode).put((byte) dims.length);
    for (int d : dims) {
      b.putInt(d);
    }
    return b.put(data).array();
  }

  /** An MNIST images file (magic 0x803) of {@code n} images whose pixels follow a pattern. */
  public static byte[] images(int n, int rows, int cols) {
    return idx(0x08, new int[] {n, rows, cols}, pattern(n * rows * cols));
  }

  /** The pixel pattern of {@link #images}: value {@code (7 * k + k / 13) & 0xff} at offset k. */
  public static byte[] pattern(int n) {
    byte[] p = new byte[n];
    for (int k = 0; k < n; k++) {
      p[k] = (byte) (7 * k + k / 13);
    }
    return p;
  }

  /** An MNIST labels file (magic 0x801). */
  public static byte[] labels(int... labels) {
    byte[] d = new byte[labels.length];
    for (int i = 0; i < labels.length; i++) {
      d[i] = (byte) labels[i];
    }
    return idx(0x08, new int[] {labels.length}, d);
  }

  /** The gzip compression of {@code raw}. */
  public static byte[] gzip(byte[] raw) {
    try {
      ByteArrayOutputStream bos = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
        gz.write(raw);
      }
      return bos.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code bytes} to {@code dir/name} and returns the path. */
  public static Path write(Path dir, String name, byte[] bytes) {
    try {
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

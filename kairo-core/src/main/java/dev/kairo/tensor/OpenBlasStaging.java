package dev.kairo.tensor;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;

/**
 * One thread's native copies of a product's operands for {@link OpenBlasGemm}: A, B and C, and
 * the operand that every block of a split product reads ({@code shared}: B when rows of C are
 * split, A when columns are), which the calling thread owns and its helpers only read; and the
 * copies in and out of them. Why operands are copied at all is in {@link OpenBlasGemm}
 * ("Passing Java arrays").
 *
 * <pre>{@code
 * OpenBlasStaging s = OpenBlasStaging.forThisThread();
 * OpenBlasStaging.put(a, aOff, lda, m, k, s.a.ensure((long) m * k));
 * }</pre>
 */
final class OpenBlasStaging {
  /** Buffers up to this many floats (16 MiB) are kept per thread; larger ones are freed. */
  static final long RETAIN = 1L << 22;

  private static final ThreadLocal<OpenBlasStaging> PER_THREAD =
      ThreadLocal.withInitial(OpenBlasStaging::new);

  final Buffer a = new Buffer();
  final Buffer b = new Buffer();
  final Buffer c = new Buffer();
  final Buffer shared = new Buffer();
  private float[] heap = new float[0];

  private OpenBlasStaging() {}

  /** The calling thread's buffers. */
  static OpenBlasStaging forThisThread() {
    return PER_THREAD.get();
  }

  /** A heap array of at least n floats, for results read back before adding them. */
  float[] scratch(int n) {
    if (heap.length < n) {
      heap = new float[n];
    }
    return heap;
  }

  /** Frees oversized block buffers; never {@code shared}, which helpers may be reading. */
  void trimBlocks() {
    a.trim();
    b.trim();
    c.trim();
    if (heap.length > RETAIN) {
      heap = new float[0];
    }
  }

  /** A native float buffer that grows on demand and is kept between products. */
  static final class Buffer {
    FloatPointer ptr;
    FloatBuffer view;
    long cap;

    FloatBuffer ensure(long n) {
      if (n > cap) {
        release();
        ptr = new FloatPointer(n);
        view = ptr.asBuffer();
        cap = n;
      }
      return view;
    }

    void trim() {
      if (cap > RETAIN) {
        release();
      }
    }

    private void release() {
      if (ptr != null) {
        ptr.deallocate();
      }
      ptr = null;
      view = null;
      cap = 0;
    }
  }

  /** Copies op(B) = Bᵀ of an n x k matrix B (leading dimension ld) into dst as k x n, packed. */
  static void putTransposed(float[] src, int off, int ld, int n, int k,
      FloatBuffer dst) {
    for (int p = 0; p < k; p++) {
      for (int j = 0; j < n; j++) {
        dst.put(p * n + j, src[off + j * ld + p]);
      }
    }
  }

  /** Adds the packed rows x cols result to dst (leading dimension ld), via the heap array tmp. */
  static void addTo(FloatBuffer src, float[] tmp, float[] dst, int off, int ld,
      int rows, int cols) {
    src.get(0, tmp, 0, rows * cols);
    if (ld == cols) {
      for (int i = 0; i < rows * cols; i++) {
        dst[off + i] += tmp[i];
      }
      return;
    }
    for (int r = 0; r < rows; r++) {
      int d = off + r * ld;
      int t = r * cols;
      for (int j = 0; j < cols; j++) {
        dst[d + j] += tmp[t + j];
      }
    }
  }

  /** Copies a rows x cols matrix with leading dimension ld into dst, packed (ld = cols). */
  static void put(float[] src, int off, int ld, int rows, int cols, FloatBuffer dst) {
    if (ld == cols) {
      dst.put(0, src, off, rows * cols);
      return;
    }
    for (int r = 0; r < rows; r++) {
      dst.put(r * cols, src, off + r * ld, cols);
    }
  }

  /** Copies the packed rows x cols result back into dst with leading dimension ld. */
  static void get(FloatBuffer src, float[] dst, int off, int ld, int rows, int cols) {
    if (ld == cols) {
      src.get(0, dst, off, rows * cols);
      return;
    }
    for (int r = 0; r < rows; r++) {
      src.get(r * cols, dst, off + r * ld, cols);
    }
  }}

package dev.kairo.tensor;

/**
 * Walks the elements of a possibly non-contiguous tensor row by row: every axis but the last
 * is a "row" counter, the last axis is an inner run with its own stride. Used by the copy,
 * fill and broadcast kernels; the hot loops stay inside the callers.
 */
final class Strided {
  private Strided() {}

  /** Number of inner runs (product of all but the last dimension; 1 for rank 0). */
  static int rows(int[] shape) {
    int r = 1;
    for (int i = 0; i < shape.length - 1; i++) {
      r *= shape[i];
    }
    return r;
  }

  /** Length of the inner run (last dimension, 1 for rank 0). */
  static int inner(int[] shape) {
    return shape.length == 0 ? 1 : shape[shape.length - 1];
  }

  /** Storage offset of the start of inner run {@code row} of a view. */
  static int rowOffset(Tensor t, int row) {
    int p = t.offset;
    for (int i = t.shape.length - 2; i >= 0; i--) {
      int d = t.shape[i];
      p += (row % d) * t.strides[i];
      row /= d;
    }
    return p;
  }

  /** Stride of the inner run (0 for rank 0). */
  static int innerStride(Tensor t) {
    return t.shape.length == 0 ? 0 : t.strides[t.shape.length - 1];
  }

  /** Copies the elements of {@code t} in row-major order into {@code dst} at {@code at}. */
  static void copyTo(Tensor t, float[] dst, int at) {
    int n = t.numel();
    if (n == 0) {
      return;
    }
    if (t.isContiguous()) {
      System.arraycopy(t.data, t.offset, dst, at, n);
      return;
    }
    int rows = rows(t.shape);
    int inner = inner(t.shape);
    int s = innerStride(t);
    Parallel.forRange(rows, Math.max(1, 65536 / Math.max(1, inner)), (lo, hi) -> {
      for (int r = lo; r < hi; r++) {
        int p = rowOffset(t, r);
        int o = at + r * inner;
        if (s == 1) {
          System.arraycopy(t.data, p, dst, o, inner);
        } else {
          for (int i = 0; i < inner; i++) {
            dst[o + i] = t.data[p + i * s];
          }
        }
      }
    });
  }

  /** Sets every element of a view to {@code v}. */
  static void fill(Tensor t, float v) {
    int rows = rows(t.shape);
    int inner = inner(t.shape);
    int s = innerStride(t);
    for (int r = 0; r < rows; r++) {
      int p = rowOffset(t, r);
      for (int i = 0; i < inner; i++) {
        t.data[p + i * s] = v;
      }
    }
  }
}

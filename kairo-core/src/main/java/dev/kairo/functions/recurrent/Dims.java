package dev.kairo.functions.recurrent;

import dev.kairo.tensor.Shape;
import dev.kairo.tensor.Tensor;

/**
 * The sizes of one recurrent call, checked against each other, and the memory layout of its
 * rows. A sequence is stored either batch-first [N, T, F] or time-major [T, N, F]; either way
 * row {@code (n, t)} of every per-step matrix (inputs, gates, outputs) sits at
 * {@link #row(int, int)}, and the N rows of one time step are evenly spaced
 * ({@link #rowStride()} rows apart), so one step's rows form a matrix with a leading dimension
 * that {@code Gemm.sgemm} reads and writes in place, with no transposes or copies.
 *
 * <pre>{@code
 * Dims d = Dims.check("lstm", 4, true, true, x, h0, c0, wIh, wHh, bIh, bHh);
 * int r = d.row(n, t);   // gates of sample n at step t start at r * 4H
 * }</pre>
 */
final class Dims {
  final int n;
  final int t;
  final int in;
  final int h;
  final boolean batchFirst;

  private Dims(int n, int t, int in, int h, boolean batchFirst) {
    this.n = n;
    this.t = t;
    this.in = in;
    this.h = h;
    this.batchFirst = batchFirst;
  }

  /** All rows, N·T. */
  int rows() {
    return n * t;
  }

  /** The row of sample {@code b} at step {@code s}. */
  int row(int b, int s) {
    return batchFirst ? b * t + s : s * n + b;
  }

  /** Rows between sample b and b + 1 within one step. */
  int rowStride() {
    return batchFirst ? t : 1;
  }

  /**
   * Checks a call's inputs and returns its sizes.
   *
   * @param op the function's name for messages ({@code "lstm"}, {@code "gruCell"}, ...)
   * @param gates 4 for LSTM, 3 for GRU, 1 for the Elman RNN
   * @param sequence x is [N, T, I] (or [T, N, I]) rather than one step [N, I]
   * @param c0 the initial cell state (LSTM only; null otherwise)
   * @param bIh the input bias or null (then bHh must be null too)
   * @throws IllegalArgumentException naming the op and the shapes that do not fit
   */
  static Dims check(String op, int gates, boolean sequence, boolean batchFirst, Tensor x,
      Tensor h0, Tensor c0, Tensor wIh, Tensor wHh, Tensor bIh, Tensor bHh) {
    if (wIh.rank() != 2 || wIh.size(0) % gates != 0 || wIh.size(0) == 0) {
      throw new IllegalArgumentException(op + ": weight_ih " + Shape.str(wIh.shape())
          + " must be [" + (gates == 1 ? "" : gates) + "H, I] with H >= 1");
    }
    int h = wIh.size(0) / gates;
    int in = wIh.size(1);
    String g = gates == 1 ? "" : Integer.toString(gates);
    if (!Shape.same(wHh.shape(), new int[] {gates * h, h})) {
      throw new IllegalArgumentException(op + ": weight_hh " + Shape.str(wHh.shape())
          + " does not match weight_ih " + Shape.str(wIh.shape()) + " (expected [" + g + "H, H] = "
          + Shape.str(new int[] {gates * h, h}) + ")");
    }
    int n;
    int t;
    if (sequence) {
      if (x.rank() != 3 || x.size(2) != in) {
        throw new IllegalArgumentException(op + ": input " + Shape.str(x.shape())
            + " does not match weight_ih " + Shape.str(wIh.shape()) + " (expected "
            + (batchFirst ? "[N, T, " : "[T, N, ") + in + "])");
      }
      n = batchFirst ? x.size(0) : x.size(1);
      t = batchFirst ? x.size(1) : x.size(0);
      if (t < 1) {
        throw new IllegalArgumentException(op + ": input " + Shape.str(x.shape())
            + " has no time steps");
      }
    } else {
      if (x.rank() != 2 || x.size(1) != in) {
        throw new IllegalArgumentException(op + ": input " + Shape.str(x.shape())
            + " does not match weight_ih " + Shape.str(wIh.shape()) + " (expected [N, " + in
            + "])");
      }
      n = x.size(0);
      t = 1;
    }
    int[] state = {n, h};
    if (!Shape.same(h0.shape(), state)) {
      throw new IllegalArgumentException(op + ": hidden state " + Shape.str(h0.shape())
          + " does not match input " + Shape.str(x.shape()) + " and weight_hh "
          + Shape.str(wHh.shape()) + " (expected " + Shape.str(state) + ")");
    }
    if (c0 != null && !Shape.same(c0.shape(), state)) {
      throw new IllegalArgumentException(op + ": cell state " + Shape.str(c0.shape())
          + " does not match input " + Shape.str(x.shape()) + " and weight_hh "
          + Shape.str(wHh.shape()) + " (expected " + Shape.str(state) + ")");
    }
    int[] bias = {gates * h};
    for (Tensor b : new Tensor[] {bIh, bHh}) {
      if (b != null && !Shape.same(b.shape(), bias)) {
        throw new IllegalArgumentException(op + ": bias " + Shape.str(b.shape())
            + " does not match weight_ih " + Shape.str(wIh.shape()) + " (expected "
            + Shape.str(bias) + ")");
      }
    }
    if ((bIh == null) != (bHh == null)) {
      throw new IllegalArgumentException(op + ": give both biases (bias_ih, bias_hh) or neither");
    }
    return new Dims(n, t, in, h, batchFirst);
  }

  /** The shape of a per-step quantity of width {@code w} laid out like the input. */
  int[] shape(boolean sequence, int w) {
    if (!sequence) {
      return new int[] {n, w};
    }
    return batchFirst ? new int[] {n, t, w} : new int[] {t, n, w};
  }

  /**
   * The design matrix of the weight-gradient GEMM, one row per (sample, step) in row order:
   * {@code [x_row | h_prev | 1]}, each part only when wanted. h_prev is the state the row
   * started from: h0 for step 0, else the first H values of the previous step's row of
   * {@code out} (rows of {@code width}).
   */
  float[] design(float[] x, boolean withX, float[] h0, float[] out, int width, boolean withH,
      boolean ones) {
    int w = (withX ? in : 0) + (withH ? h : 0) + (ones ? 1 : 0);
    float[] z = new float[rows() * w];
    for (int s = 0; s < t; s++) {
      for (int b = 0; b < n; b++) {
        int r = row(b, s);
        int p = r * w;
        if (withX) {
          System.arraycopy(x, r * in, z, p, in);
          p += in;
        }
        if (withH) {
          if (s == 0) {
            System.arraycopy(h0, b * h, z, p, h);
          } else {
            System.arraycopy(out, row(b, s - 1) * width, z, p, h);
          }
          p += h;
        }
        if (ones) {
          z[p] = 1f;
        }
      }
    }
    return z;
  }

  /**
   * Copies the segment {@code [off, off + h)} of step s's row of samples lo..hi-1 from
   * {@code src} (rows of {@code width}) into {@code dst[b·h ..]}: a step's gate or state
   * columns gathered into a dense [N, H] block, so the fused loops read every array at the
   * same index (HotSpot 17 vectorises a loop only when all its array accesses share one).
   */
  void gather(float[] src, int width, int off, int s, int lo, int hi, float[] dst) {
    for (int b = lo; b < hi; b++) {
      System.arraycopy(src, row(b, s) * width + off, dst, b * h, h);
    }
  }

  /** The inverse of {@link #gather}: {@code src[b·h ..]} into step s's rows of {@code dst}. */
  void scatter(float[] src, float[] dst, int width, int off, int s, int lo, int hi) {
    for (int b = lo; b < hi; b++) {
      System.arraycopy(src, b * h, dst, row(b, s) * width + off, h);
    }
  }
}

package dev.kairo.tensor;

/**
 * Fused one-pass loops for the activation functions' local derivatives, so a backward pass
 * reads its inputs once and allocates one tensor instead of chaining four elementwise ops.
 * The names describe the arithmetic; these kernels know nothing about graphs.
 *
 * <pre>{@code
 * Tensor dx = ActivationKernels.mulOneMinusSquare(gy, y);   // gy·(1 − y²), tanh's backward
 * }</pre>
 */
public final class ActivationKernels {
  private static final int GRAIN = 1 << 15;

  private ActivationKernels() {}

  /**
   * One fused loop over {@code [lo, hi)}, every array indexed alike: with a single index C2
   * emits vector code, with per-array offsets it often stays scalar (ReLU over 32K floats:
   * 1.2 µs against 12).
   */
  private interface Loop {
    void run(float[] a, float[] b, float[] out, int lo, int hi);
  }

  private static Tensor fused(String op, Tensor a, Tensor b, Loop loop) {
    if (!Shape.same(a.shape, b.shape)) {
      throw new IllegalArgumentException(op + ": shapes " + Shape.str(a.shape) + " and "
          + Shape.str(b.shape) + " must be equal");
    }
    float[] out = new float[a.numel()];
    run(loop, a.denseData(), b.denseData(), out);
    return Tensor.of(out, a.shape);
  }

  /** The loop over whole arrays of equal length, split among threads when long. */
  private static void run(Loop loop, float[] a, float[] b, float[] out) {
    sameLength(a, b, out);
    Parallel.forRange(out.length, GRAIN, (lo, hi) -> loop.run(a, b, out, lo, hi));
  }

  /** The array forms below take arrays of one length: say so, rather than index past one. */
  private static void sameLength(float[] a, float[] b, float[] out) {
    if (a.length != out.length || b.length != out.length) {
      throw new IllegalArgumentException("ActivationKernels: arrays of " + a.length + ", "
          + b.length + " and " + out.length + " floats; they must be of one length");
    }
  }

  private static final Loop ONE_MINUS_SQUARE = (a, b, o, lo, hi) -> {
    for (int i = lo; i < hi; i++) {
      float v = b[i];
      o[i] = a[i] * (1f - v * v);
    }
  };

  /** {@code g·(1 − y²)}. */
  public static Tensor mulOneMinusSquare(Tensor g, Tensor y) {
    return fused("mulOneMinusSquare", g, y, ONE_MINUS_SQUARE);
  }

  /** {@link #mulOneMinusSquare(Tensor, Tensor)} on arrays of one length, into {@code out}. */
  public static void mulOneMinusSquare(float[] g, float[] y, float[] out) {
    run(ONE_MINUS_SQUARE, g, y, out);
  }

  /** {@code g·y·(1 − y)·scale}. */
  public static Tensor mulLogisticSlope(Tensor g, Tensor y, float scale) {
    return fused("mulLogisticSlope", g, y, logisticSlope(scale));
  }

  /** {@link #mulLogisticSlope(Tensor, Tensor, float)} on arrays, into {@code out}. */
  public static void mulLogisticSlope(float[] g, float[] y, float scale, float[] out) {
    run(logisticSlope(scale), g, y, out);
  }

  private static Loop logisticSlope(float scale) {
    return (a, b, o, lo, hi) -> {
      for (int i = lo; i < hi; i++) {
        float v = b[i];
        o[i] = a[i] * v * (1f - v) * scale;
      }
    };
  }

  /**
   * 1 where {@code x > 0}, else 0 (NaN stays NaN), without a branch. A data-dependent branch
   * on the sign of activations mispredicts half the time and stops the JIT from vectorising:
   * ReLU's mask as {@code x > 0 ? g : 0} took 670 ns per 1,024 floats, this form 130.
   * Scaling by 2^200 in two steps lifts every positive float, denormals included, to at
   * least 1 before the clamp.
   */
  public static float positiveStep(float x) {
    return Math.min(Math.max(x * 0x1p100f * 0x1p100f, 0f), 1f);
  }

  /** {@code g where x > 0, else g·slope} (slope 0: ReLU's mask). */
  public static Tensor maskNonPositive(Tensor g, Tensor x, float slope) {
    return fused("maskNonPositive", g, x, nonPositiveMask(slope));
  }

  /** {@link #maskNonPositive(Tensor, Tensor, float)} on arrays, into {@code out}. */
  public static void maskNonPositive(float[] g, float[] x, float slope, float[] out) {
    run(nonPositiveMask(slope), g, x, out);
  }

  private static Loop nonPositiveMask(float slope) {
    float rise = 1f - slope;
    return (a, b, o, lo, hi) -> {
      for (int i = lo; i < hi; i++) {
        o[i] = a[i] * (slope + rise * positiveStep(b[i]));
      }
    };
  }

  /**
   * {@code x where x > 0, else x·slope} (slope 0: ReLU, where {@code relu(-inf) = 0}). Written
   * with min and max, not a branch, for the reason given at {@link #positiveStep}.
   */
  public static Tensor leakyRectify(Tensor x, float slope) {
    float[] d = x.denseData();
    float[] out = Workspace.floats(d.length);
    leakyRectify(d, slope, out);
    return Tensor.of(out, x.shape);
  }

  /** {@link #leakyRectify(Tensor, float)} on an array, into {@code out} (may be {@code d}). */
  public static void leakyRectify(float[] d, float slope, float[] out) {
    sameLength(d, d, out);
    Parallel.forRange(out.length, GRAIN, (lo, hi) -> leakyRectify(d, slope, out, lo, hi));
  }

  /** {@link #leakyRectify(float[], float, float[])} over {@code [lo, hi)} on this thread. */
  static void leakyRectify(float[] d, float slope, float[] out, int lo, int hi) {
    if (slope == 0f) {
      for (int i = lo; i < hi; i++) {
        out[i] = Math.max(d[i], 0f);
      }
    } else {
      for (int i = lo; i < hi; i++) {
        float v = d[i];
        out[i] = Math.max(v, 0f) + slope * Math.min(v, 0f);
      }
    }
  }

  /** {@code tanh} of each element of {@code x} into {@code out}: {@link Tensor#tanh()}'s bits. */
  public static void tanh(float[] x, float[] out) {
    sameLength(x, x, out);
    Elementwise.unaryInto(Elementwise.Unary.TANH, x, out);
  }

  /** The logistic sigmoid of each element into {@code out}: {@link Tensor#sigmoid()}'s bits. */
  public static void sigmoid(float[] x, float[] out) {
    sameLength(x, x, out);
    Elementwise.unaryInto(Elementwise.Unary.SIGMOID, x, out);
  }

  /**
   * {@code d[i] = max(d[i], 0)} in place, the same bits as {@link #leakyRectify} with slope 0;
   * for an array nobody else holds yet (a fused op's fresh output).
   */
  public static void rectifyInPlace(float[] d) {
    Parallel.forRange(d.length, GRAIN, (lo, hi) -> {
      for (int i = lo; i < hi; i++) {
        d[i] = Math.max(d[i], 0f);
      }
    });
  }

  /**
   * Softmax of each row of a dense [rows, width] array, in one pass per row: the maximum,
   * {@code e^{x − max}} ({@code FloatMath.exp}) summed in float, then one scale. Returns each
   * row's log-sum-exp ({@code max + log Σ e^{x − max}}), which a cross-entropy needs and a
   * softmax ignores.
   * Rows are split among Kairo's threads when there are many.
   *
   * <pre>{@code
   * double[] lse = ActivationKernels.softmaxRows(logits, n, classes, probs);
   * }</pre>
   */
  public static double[] softmaxRows(float[] x, int rows, int width, float[] probs) {
    double[] lse = new double[rows];
    softmaxRows(x, rows, width, probs, lse);
    return lse;
  }

  /** {@link #softmaxRows(float[], int, int, float[])} with the log-sum-exps into {@code lse}. */
  public static void softmaxRows(float[] x, int rows, int width, float[] probs, double[] lse) {
    int grain = Math.max(1, GRAIN / Math.max(1, width));
    if (rows <= grain) {
      // Straight when the rows fit one chunk (a batch of logits, usually): no lambda to compile.
      softmaxRowRange(x, width, probs, lse, 0, rows);
      return;
    }
    Parallel.forRange(rows, grain, (lo, hi) -> softmaxRowRange(x, width, probs, lse, lo, hi));
  }

  /** {@link #softmaxRows} for rows {@code [lo, hi)}. */
  private static void softmaxRowRange(float[] x, int width, float[] probs, double[] lse,
      int lo, int hi) {
    if (width == 2) {
      PairSoftmaxKernel vector = Simd.pairSoftmax();
      int r = lo;
      while (vector != null && r < hi) {
        // Vector blocks while the logits are finite; the scalar loop takes a block that is
        // not, and the last rows short of a block.
        r = vector.softmaxPairs(x, probs, lse, r, hi);
        int end = Math.min(hi, r + vector.rowsPerBlock());
        softmaxPairs(x, probs, lse, r, end);
        r = end;
      }
      softmaxPairs(x, probs, lse, r, hi);
      return;
    }
    for (int r = lo; r < hi; r++) {
      int from = r * width;
      float m = softmaxRowMax(x, from, width);
      lse[r] = m + (double) FloatMath.log(softmaxRowExp(x, from, width, m, probs));
    }
  }

  /**
   * Softmax of the {@code width} values of {@code x} from {@code from} into {@code probs} at the
   * same positions ({@code probs} may be {@code x}): one row of {@link #softmaxRows}, the same
   * bits, without the log-sum-exp (a predictor's probabilities need none).
   */
  public static void softmaxRow(float[] x, int from, int width, float[] probs) {
    softmaxRowExp(x, from, width, softmaxRowMax(x, from, width), probs);
  }

  /** The row's maximum; a NaN anywhere makes it NaN. */
  private static float softmaxRowMax(float[] x, int from, int width) {
    float m = x[from];
    for (int j = from + 1, end = from + width; j < end; j++) {
      float v = x[j];
      m = v > m || v != v ? v : m;
    }
    return m;
  }

  /**
   * {@code e^{x − m}} of the row into {@code probs}, scaled to sum to 1; returns the sum before
   * scaling. Float exp (FloatMath, 1 ulp) and a float sum: with Math's double routines and a
   * double sum this kernel was a third of seed 003's training step. An infinite maximum gives
   * inf - inf = NaN here, as in PyTorch.
   */
  private static float softmaxRowExp(float[] x, int from, int width, float m, float[] probs) {
    int end = from + width;
    float sum = 0;
    for (int j = from; j < end; j++) {
      float e = FloatMath.exp(x[j] - m);
      probs[j] = e;
      sum += e;
    }
    float inv = 1f / sum;
    for (int j = from; j < end; j++) {
      probs[j] *= inv;
    }
    return sum;
  }

  /**
   * {@link #softmaxRows} for two classes (seed 003's moons), the same bits with one
   * {@code exp} per row instead of two: the larger logit's {@code e^{x − max}} is
   * {@code e^0}, which {@code FloatMath.exp} returns as exactly 1. An infinite or NaN maximum
   * takes the general arithmetic, so that it gives NaN as {@link #softmaxRows} does.
   */
  private static void softmaxPairs(float[] x, float[] probs, double[] lse, int lo, int hi) {
    for (int r = lo; r < hi; r++) {
      int p = 2 * r;
      float a = x[p];
      float b = x[p + 1];
      float m = b > a || b != b ? b : a;
      float ea;
      float eb;
      if (Math.abs(m) < Float.POSITIVE_INFINITY) {
        boolean aIsMax = a == m;
        float e = FloatMath.exp((aIsMax ? b : a) - m);
        ea = aIsMax ? 1f : e;
        eb = aIsMax ? e : 1f;
      } else {
        ea = FloatMath.exp(a - m);
        eb = FloatMath.exp(b - m);
      }
      float sum = ea + eb;
      float inv = 1f / sum;
      probs[p] = ea * inv;
      probs[p + 1] = eb * inv;
      lse[r] = m + (double) FloatMath.log(sum);
    }
  }
}

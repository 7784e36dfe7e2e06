package dev.kairo.functions.connection;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.ActivationKernels;
import dev.kairo.tensor.Gemm;
import dev.kairo.tensor.Rows;
import dev.kairo.tensor.Shape;
import dev.kairo.tensor.Tensor;
import dev.kairo.tensor.Workspace;

/**
 * The fully connected (全結合) transform {@code y = x·Wᵀ + b}, PyTorch's layout: x [..., in],
 * W [out, in], b [out] (optional). Leading axes of x are treated as one batch axis. Fused:
 * the products call {@link Gemm} directly (W as a transpose flag, no copy) and the bias is
 * added in one pass over the output.
 *
 * <p>Backward: {@code dx = dy·W}, {@code dW = dyᵀ·x}, {@code db = Σ_batch dy}.
 */
public final class Linear extends Function {
  private final boolean rectified;
  /** The output, kept only when rectified: its sign is the ReLU mask for backward. */
  private Tensor rectifiedOutput;
  private float[] x;
  private float[] w;
  private int batch;
  private int in;
  private int out;
  private boolean hasBias;
  private int[] xShape;

  /** The plain transform. */
  public Linear() {
    this(false);
  }

  /**
   * The transform followed, when {@code rectified}, by ReLU in the same op
   * ({@code linear+relu}): the same bits as {@code F.relu(F.linear(...))}, rectified in place
   * in the product's output instead of a second array. {@link dev.kairo.nn.Sequential} uses
   * it for a {@code Linear} layer directly followed by a ReLU layer.
   */
  public Linear(boolean rectified) {
    this.rectified = rectified;
  }

  @Override
  public String name() {
    return rectified ? "linear+relu" : super.name();
  }

  @Override
  protected Tensor forward(Tensor... inputs) {
    Tensor xt = inputs[0];
    Tensor wt = inputs[1];
    hasBias = inputs.length > 2;
    xShape = xt.shape();
    if (wt.rank() != 2 || xt.rank() < 1 || xt.size(-1) != wt.size(1)) {
      throw new IllegalArgumentException("linear: input " + Shape.str(xShape)
          + " does not match weight " + Shape.str(wt.shape())
          + " (expected input [..., " + (wt.rank() == 2 ? wt.size(1) : "?") + "])");
    }
    out = wt.size(0);
    in = wt.size(1);
    if (hasBias && (inputs[2].rank() != 1 || inputs[2].size(0) != out)) {
      throw new IllegalArgumentException("linear: bias " + Shape.str(inputs[2].shape())
          + " does not match weight " + Shape.str(wt.shape()) + " (expected [" + out + "])");
    }
    batch = xt.numel() / Math.max(1, in);
    x = xt.denseData();
    w = wt.denseData();
    // Every element is written below (bias rows, then beta = 1; or beta = 0, which overwrites).
    float[] y = Workspace.floats(batch * out);
    if (hasBias) {
      Rows.fill(inputs[2].denseData(), y, batch, out);
    }
    Gemm.sgemm(false, true, batch, out, in, 1f, x, 0, in, w, 0, in, hasBias ? 1f : 0f, y, 0, out);
    int[] yShape = xShape.clone();
    yShape[yShape.length - 1] = out;
    Tensor yt = Tensor.of(y, yShape);
    if (rectified) {
      ActivationKernels.rectifyInPlace(y);
    }
    rectifiedOutput = rectified ? yt : null;
    return yt;
  }

  @Override
  protected Tensor[] backward(Tensor gyt) {
    // Rectified: the output is positive exactly where the pre-activation was (see Convolution).
    float[] gy = rectified
        ? ActivationKernels.maskNonPositive(gyt, rectifiedOutput, 0f).denseData()
        : gyt.denseData();
    Tensor gx = null;
    Tensor gw = null;
    Tensor gb = null;
    if (needsInputGrad(0)) {
      float[] d = new float[batch * in];
      Gemm.sgemm(false, false, batch, in, out, 1f, gy, 0, out, w, 0, in, 0f, d, 0, in);
      gx = Tensor.of(d, xShape);
    }
    if (needsInputGrad(1)) {
      float[] d = new float[out * in];
      Gemm.sgemm(true, false, out, in, batch, 1f, gy, 0, out, x, 0, in, 0f, d, 0, in);
      gw = Tensor.of(d, out, in);
    }
    if (hasBias && needsInputGrad(2)) {
      // One row: the bias gradient is the row itself. When rectified, gy is the mask's fresh
      // array, read above and owned by nothing else, so it is handed over instead of copied.
      gb = Tensor.of(rectified && batch == 1 ? gy : columnSums(gy, batch, out), out);
    }
    return hasBias ? new Tensor[] {gx, gw, gb} : new Tensor[] {gx, gw};
  }

  /**
   * The sum over rows of a dense [rows, cols] array, each column summed in double in row
   * order (so the loop order below does not change a bit); one row is returned as it is.
   * Wide rows are walked row by row, which vectorises across the columns; one to three
   * columns (seed 003's units) with a local sum each ({@link #narrowColumnSums}); four to
   * fifteen column by column, where a row-by-row inner loop that short was mostly overhead.
   */
  private static float[] columnSums(float[] g, int rows, int cols) {
    if (rows == 1) {
      // The sum is the row itself (summing it in double and rounding back gave the same
      // floats, at a quarter of a per-sample step's time in W5b).
      return java.util.Arrays.copyOf(g, cols);
    }
    if (cols <= 3) {
      return narrowColumnSums(g, rows, cols);
    }
    float[] d = new float[cols];
    if (cols < 16) {
      for (int j = 0; j < cols; j++) {
        double s = 0;
        for (int p = j; p < rows * cols; p += cols) {
          s += g[p];
        }
        d[j] = (float) s;
      }
      return d;
    }
    double[] acc = new double[cols];
    for (int r = 0; r < rows; r++) {
      int p = r * cols;
      for (int j = 0; j < cols; j++) {
        acc[j] += g[p + j];
      }
    }
    for (int j = 0; j < cols; j++) {
      d[j] = (float) acc[j];
    }
    return d;
  }

  /**
   * {@link #columnSums} for one to three columns, with a running sum per column in a local:
   * the same additions in the same order, but the columns' chains of dependent adds run side
   * by side instead of one after the other (seed 003's 200 rows: a third of the time).
   */
  private static float[] narrowColumnSums(float[] g, int rows, int cols) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    int n = rows * cols;
    if (cols == 1) {
      for (int p = 0; p < n; p++) {
        s0 += g[p];
      }
    } else if (cols == 2) {
      // "p + 1 < n", not "p < n" (the same for n a multiple of 2): with the last index in the
      // bound, C2's hoisted range check holds; with "p < n" it failed once and recompiled.
      for (int p = 0; p + 1 < n; p += 2) {
        s0 += g[p];
        s1 += g[p + 1];
      }
    } else {
      for (int p = 0; p + 2 < n; p += 3) {
        s0 += g[p];
        s1 += g[p + 1];
        s2 += g[p + 2];
      }
    }
    float[] d = new float[cols];
    d[0] = (float) s0;
    if (cols > 1) {
      d[1] = (float) s1;
    }
    if (cols > 2) {
      d[2] = (float) s2;
    }
    return d;
  }
}

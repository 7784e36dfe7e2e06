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
    affine(x, w, hasBias ? inputs[2].denseData() : null, batch, in, out, y);
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
      inputGradient(gy, w, batch, in, out, d);
      gx = Tensor.of(d, xShape);
    }
    if (needsInputGrad(1)) {
      float[] d = new float[out * in];
      weightGradient(gy, x, batch, in, out, d);
      gw = Tensor.of(d, out, in);
    }
    if (hasBias && needsInputGrad(2)) {
      // One row: the bias gradient is the row itself. When rectified, gy is the mask's fresh
      // array, read above and owned by nothing else, so it is handed over instead of copied.
      gb = Tensor.of(rectified && batch == 1 ? gy : Rows.columnSums(gy, batch, out, new float[out]),
          out);
    }
    return hasBias ? new Tensor[] {gx, gw, gb} : new Tensor[] {gx, gw};
  }

  /**
   * {@code y = x·Wᵀ + b} on dense arrays: x [batch, in], W [out, in], b [out] or null, into
   * y [batch, out]. The bias rows first, then the product added onto them (beta = 1); with no
   * bias, beta = 0 overwrites. This op's forward, and the compiled training step's.
   */
  public static void affine(float[] x, float[] w, float[] b, int batch, int in, int out,
      float[] y) {
    if (b != null) {
      Rows.fill(b, y, batch, out);
    }
    Gemm.sgemm(false, true, batch, out, in, 1f, x, 0, in, w, 0, in, b != null ? 1f : 0f, y, 0,
        out);
  }

  /** {@code dx = dy·W} into dx [batch, in]: the input's gradient of {@link #affine}. */
  public static void inputGradient(float[] gy, float[] w, int batch, int in, int out,
      float[] dx) {
    Gemm.sgemm(false, false, batch, in, out, 1f, gy, 0, out, w, 0, in, 0f, dx, 0, in);
  }

  /** {@code dW = dyᵀ·x} into dW [out, in]: the weight's gradient of {@link #affine}. */
  public static void weightGradient(float[] gy, float[] x, int batch, int in, int out,
      float[] dw) {
    Gemm.sgemm(true, false, out, in, batch, 1f, gy, 0, out, x, 0, in, 0f, dw, 0, in);
  }
}

package dev.kairo.functions.conv;

import dev.kairo.autograd.Function;
import dev.kairo.functions.pooling.MaxPoolWindow;
import dev.kairo.tensor.ActivationKernels;
import dev.kairo.tensor.ConvGeometry;
import dev.kairo.tensor.ConvKernels;
import dev.kairo.tensor.PoolKernels;
import dev.kairo.tensor.Shape;
import dev.kairo.tensor.Tensor;

/**
 * 1-D and 2-D convolution (畳み込み, strictly cross-correlation, as in every framework),
 * PyTorch's layout and semantics: x [N, C, H, W] (or [N, C, L]), W [O, C/groups, kH, kW] (or
 * [O, C/groups, k]), b [O] (optional); the output is [N, O, outH, outW] with
 * {@code outH = floor((H + 2·padH − dilH·(kH − 1) − 1) / strideH) + 1}. Groups split the
 * channels: output channels {@code [g·O/groups, (g+1)·O/groups)} see only input channels
 * {@code [g·C/groups, (g+1)·C/groups)}.
 *
 * <pre>{@code
 * Variable y = new Convolution(new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1}, 1)
 *     .apply(x, w, b);   // usually F.conv2d(x, w, b, 1, 1, 1, 1)
 * }</pre>
 *
 * <p>Fused: im2col and one GEMM per image and group ({@link ConvKernels}). Backward, in one
 * pass over the images ({@link ConvKernels#backward}): {@code dx = col2im(Wᵀ·dy)},
 * {@code dW = Σ_images dy·col(x)ᵀ}, {@code db = Σ dy} over images and positions.
 */
public final class Convolution extends Function {
  private final int[] stride;
  private final int[] padding;
  private final int[] dilation;
  private final int groups;
  private final boolean rectified;
  private final MaxPoolWindow pool;
  /** The convolution's output, kept when rectified (its sign is the ReLU mask) or pooled. */
  private Tensor convOutput;
  private ConvGeometry poolGeometry;
  private int[] argmax;
  /** The pooled output (the maxima), which the fused backward reads instead of convOutput. */
  private float[] pooled;
  private float[] x;
  private float[] w;
  private int n;
  private int outC;
  private boolean hasBias;
  private int[] xShape;
  private int[] wShape;
  private ConvGeometry g;

  /**
   * A convolution with one value per spatial axis (1 for conv1d, 2 for conv2d) in each array.
   *
   * @throws IllegalArgumentException when groups < 1 or the arrays differ in length
   */
  public Convolution(int[] stride, int[] padding, int[] dilation, int groups) {
    this(stride, padding, dilation, groups, false);
  }

  /**
   * A convolution followed, when {@code rectified}, by ReLU in the same op ({@code conv2d+relu}):
   * the same numbers as {@code F.relu(F.conv2d(...))}, bit for bit, without a second pass
   * over the output and its copy. {@link dev.kairo.nn.Sequential} uses it for a convolution
   * layer directly followed by a ReLU layer.
   */
  public Convolution(int[] stride, int[] padding, int[] dilation, int groups,
      boolean rectified) {
    this(stride, padding, dilation, groups, rectified, null);
  }

  /**
   * A 2-D convolution, then ReLU when {@code rectified}, then max pooling over {@code pool}
   * ({@code conv2d+relu+maxPool2d}), as one op: each image is pooled right after it is
   * computed, while it is in cache, instead of in a second pass over the whole batch. The same
   * numbers, forward and backward, as the three functions one after the other.
   * {@link dev.kairo.nn.Sequential} uses it for a {@code Conv2d}, ReLU, {@code MaxPool2d} run.
   *
   * @throws IllegalArgumentException when {@code pool} is given for a 1-D convolution
   */
  public Convolution(int[] stride, int[] padding, int[] dilation, int groups,
      boolean rectified, MaxPoolWindow pool) {
    if (pool != null && stride.length != 2) {
      throw new IllegalArgumentException("conv" + stride.length + "d: max pooling is fused into"
          + " 2-D convolutions only");
    }
    if (stride.length < 1 || stride.length > 2 || padding.length != stride.length
        || dilation.length != stride.length) {
      throw new IllegalArgumentException("conv: stride " + Shape.str(stride) + ", padding "
          + Shape.str(padding) + " and dilation " + Shape.str(dilation)
          + " need one value per spatial axis (1 or 2)");
    }
    if (groups < 1) {
      throw new IllegalArgumentException(opName(stride.length) + ": groups must be >= 1, got "
          + groups);
    }
    this.stride = stride.clone();
    this.padding = padding.clone();
    this.dilation = dilation.clone();
    this.groups = groups;
    this.rectified = rectified;
    this.pool = pool;
  }

  @Override
  public String name() {
    return opName(stride.length) + (rectified ? "+relu" : "")
        + (pool != null ? "+maxPool2d" : "");
  }

  static String opName(int dims) {
    return "conv" + dims + "d";
  }

  @Override
  protected Tensor forward(Tensor... in) {
    Tensor xt = in[0];
    Tensor wt = in[1];
    hasBias = in.length > 2;
    xShape = xt.shape();
    wShape = wt.shape();
    outC = checkOperands(name(), stride.length, groups, xt, wt, hasBias ? in[2] : null, false);
    n = xShape[0];
    g = ConvGeometry.of(name(), "input " + Shape.str(xShape) + " and weight " + Shape.str(wShape),
        xShape[1], spatial(xShape), spatial(wShape), stride, padding, dilation);
    x = xt.denseData();
    w = wt.denseData();
    float[] bias = hasBias ? in[2].denseData() : null;
    int[] convShape = outShape(n, outC, g, stride.length);
    if (pool == null) {
      Tensor yt = Tensor.of(ConvKernels.forward(x, n, w, bias, outC, groups, g, rectified),
          convShape);
      convOutput = rectified ? yt : null;
      return yt;
    }
    ConvGeometry pg = pool.geometry(name(), convShape);
    float[] pooled = new float[n * outC * pg.outSize()];
    int[] at = new int[pooled.length];
    float[] out = ConvKernels.forward(x, n, w, bias, outC, groups, g, rectified,
        (y, i) -> PoolKernels.maxPlanes(y, i * outC, (i + 1) * outC, pg, pooled, at));
    convOutput = Tensor.of(out, convShape);
    poolGeometry = pg;
    argmax = at;
    this.pooled = pooled;
    return Tensor.of(pooled, pool.outShape(convShape, pg));
  }

  @Override
  protected Tensor[] backward(Tensor gyt) {
    if (pool != null && rectified && PoolKernels.disjointWindows(poolGeometry)) {
      // Each image's gradient at the convolution's output, expanded from the pooled one just
      // before the convolution's backward reads it (one image's worth, in cache).
      float[] pooledGrad = gyt.denseData();
      float[] conv = convOutput.denseData();
      ConvKernels.Grads d = ConvKernels.backward((i, dst) -> PoolKernels.maxBackwardRectified(
          pooledGrad, pooled, conv, i * outC, (i + 1) * outC, poolGeometry, argmax, dst, 0),
          x, n, w, outC, groups, g, needsInputGrad(0), needsInputGrad(1),
          hasBias && needsInputGrad(2));
      return gradients(d);
    }
    Tensor g0 = pool == null ? gyt : Tensor.of(PoolKernels.maxBackward(gyt.denseData(),
        n * outC, poolGeometry, argmax), convOutput.shape());
    // Rectified: the output is positive exactly where the pre-activation was, so its sign is
    // the ReLU mask (and the kernel NaN-propagates as ReLU's own backward does).
    float[] gy = rectified
        ? ActivationKernels.maskNonPositive(g0, convOutput, 0f).denseData()
        : g0.denseData();
    return gradients(ConvKernels.backward(gy, x, n, w, outC, groups, g, needsInputGrad(0),
        needsInputGrad(1), hasBias && needsInputGrad(2)));
  }

  /** The kernel's gradients as the op's: input, weight and (when there is one) bias. */
  private Tensor[] gradients(ConvKernels.Grads d) {
    Tensor gx = d.input() == null ? null : Tensor.of(d.input(), xShape);
    Tensor gw = d.weight() == null ? null : Tensor.of(d.weight(), wShape);
    if (!hasBias) {
      return new Tensor[] {gx, gw};
    }
    Tensor gb = d.bias() == null ? null : Tensor.of(d.bias(), outC);
    return new Tensor[] {gx, gw, gb};
  }

  /**
   * Checks ranks, channels, groups and bias of a (transposed) convolution; returns the output
   * channels.
   */
  static int checkOperands(String op, int dims, int groups, Tensor x, Tensor w, Tensor b,
      boolean transposed) {
    String layout = dims == 1 ? "[N, C, L]" : "[N, C, H, W]";
    String wLayout = transposed ? (dims == 1 ? "[C, O/groups, k]" : "[C, O/groups, kH, kW]")
        : dims == 1 ? "[O, C/groups, k]" : "[O, C/groups, kH, kW]";
    if (x.rank() != dims + 2 || w.rank() != dims + 2) {
      throw new IllegalArgumentException(op + ": input " + Shape.str(x.shape()) + " and weight "
          + Shape.str(w.shape()) + " must be " + layout + " and " + wLayout);
    }
    int c = x.size(1);
    int out = transposed ? w.size(1) * groups : w.size(0);
    int cw = transposed ? w.size(0) : w.size(1) * groups;
    if (c != cw) {
      throw new IllegalArgumentException(op + ": input " + Shape.str(x.shape()) + " has " + c
          + " channels but weight " + Shape.str(w.shape()) + " expects " + cw
          + (groups > 1 ? " (" + groups + " groups)" : ""));
    }
    if (c % groups != 0 || out % groups != 0) {
      throw new IllegalArgumentException(op + ": groups " + groups + " must divide the " + c
          + " input channels and the " + out + " output channels (input " + Shape.str(x.shape())
          + ", weight " + Shape.str(w.shape()) + ")");
    }
    if (b != null && (b.rank() != 1 || b.size(0) != out)) {
      throw new IllegalArgumentException(op + ": bias " + Shape.str(b.shape())
          + " does not match weight " + Shape.str(w.shape()) + " (expected [" + out + "])");
    }
    return out;
  }

  /** The spatial sizes: the axes after the first two. */
  static int[] spatial(int[] shape) {
    return java.util.Arrays.copyOfRange(shape, 2, shape.length);
  }

  /** [n, channels, outH, outW], or [n, channels, outW] for 1-D. */
  static int[] outShape(int n, int channels, ConvGeometry g, int dims) {
    return dims == 1 ? new int[] {n, channels, g.outW()}
        : new int[] {n, channels, g.outH(), g.outW()};
  }
}

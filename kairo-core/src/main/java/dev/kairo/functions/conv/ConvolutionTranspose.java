package dev.kairo.functions.conv;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.ConvGeometry;
import dev.kairo.tensor.ConvKernels;
import dev.kairo.tensor.Shape;
import dev.kairo.tensor.Tensor;

/**
 * Transposed convolution (deconvolution, fractionally strided convolution), PyTorch's layout
 * and semantics: x [N, C, H, W] (or [N, C, L]), W [C, O/groups, kH, kW], b [O] (optional);
 * output [N, O, outH, outW] with {@code outH = (H − 1)·strideH − 2·padH + dilH·(kH − 1) +
 * outputPaddingH + 1}. It is the input gradient of the convolution with the same weight and
 * settings, so it scatters each input value through the kernel: the usual upsampling layer.
 * {@code outputPadding} (smaller than the stride or the dilation) picks among the output sizes
 * that a strided convolution maps to the same input size.
 *
 * <pre>{@code
 * Variable up = F.convTranspose2d(x, w, b, 2, 1, 1, 1, 1);   // doubles H and W for k = 3
 * }</pre>
 *
 * <p>Backward: {@code dx} is the convolution of dy with W, {@code dW} the convolution weight
 * gradient with x and dy exchanged, {@code db = Σ dy} over images and positions.
 */
public final class ConvolutionTranspose extends Function {
  private final int[] stride;
  private final int[] padding;
  private final int[] outputPadding;
  private final int[] dilation;
  private final int groups;
  private float[] x;
  private float[] w;
  private int n;
  private int inC;
  private int outC;
  private boolean hasBias;
  private int[] xShape;
  private int[] wShape;
  private ConvGeometry g;

  /**
   * A transposed convolution with one value per spatial axis (1 or 2) in each array.
   *
   * @throws IllegalArgumentException when groups < 1 or the arrays differ in length
   */
  public ConvolutionTranspose(int[] stride, int[] padding, int[] outputPadding, int groups,
      int[] dilation) {
    int d = stride.length;
    if (d < 1 || d > 2 || padding.length != d || outputPadding.length != d
        || dilation.length != d) {
      throw new IllegalArgumentException("convTranspose: stride " + Shape.str(stride)
          + ", padding " + Shape.str(padding) + ", output padding " + Shape.str(outputPadding)
          + " and dilation " + Shape.str(dilation) + " need one value per spatial axis (1 or 2)");
    }
    if (groups < 1) {
      throw new IllegalArgumentException("convTranspose" + d + "d: groups must be >= 1, got "
          + groups);
    }
    this.stride = stride.clone();
    this.padding = padding.clone();
    this.outputPadding = outputPadding.clone();
    this.dilation = dilation.clone();
    this.groups = groups;
  }

  @Override
  public String name() {
    return "convTranspose" + stride.length + "d";
  }

  @Override
  protected Tensor forward(Tensor... in) {
    Tensor xt = in[0];
    Tensor wt = in[1];
    hasBias = in.length > 2;
    xShape = xt.shape();
    wShape = wt.shape();
    int d = stride.length;
    outC = Convolution.checkOperands(name(), d, groups, xt, wt, hasBias ? in[2] : null, true);
    inC = xShape[1];
    n = xShape[0];
    g = ConvGeometry.transposed(name(), "input " + Shape.str(xShape) + " and weight "
        + Shape.str(wShape), outC, Convolution.spatial(xShape), Convolution.spatial(wShape),
        stride, padding, dilation, outputPadding);
    x = xt.denseData();
    w = wt.denseData();
    // The convolution this one transposes maps [N, outC, outH, outW] to [N, inC, H, W].
    float[] y = ConvKernels.backwardData(x, n, w, inC, groups, g);
    int plane = g.inSize();
    if (hasBias) {
      float[] b = in[2].denseData();
      for (int i = 0; i < n; i++) {
        for (int o = 0; o < outC; o++) {
          int r = (i * outC + o) * plane;
          float v = b[o];
          for (int p = r; p < r + plane; p++) {
            y[p] += v;
          }
        }
      }
    }
    return Tensor.of(y, d == 1 ? new int[] {n, outC, g.inW()}
        : new int[] {n, outC, g.inH(), g.inW()});
  }

  @Override
  protected Tensor[] backward(Tensor gyt) {
    float[] gy = gyt.denseData();
    Tensor gx = needsInputGrad(0)
        ? Tensor.of(ConvKernels.forward(gy, n, w, null, inC, groups, g), xShape) : null;
    Tensor gw = needsInputGrad(1)
        ? Tensor.of(ConvKernels.backwardWeight(x, gy, n, inC, groups, g), wShape) : null;
    if (!hasBias) {
      return new Tensor[] {gx, gw};
    }
    Tensor gb = needsInputGrad(2)
        ? Tensor.of(ConvKernels.channelSums(gy, n, outC, g.inSize()), outC) : null;
    return new Tensor[] {gx, gw, gb};
  }
}

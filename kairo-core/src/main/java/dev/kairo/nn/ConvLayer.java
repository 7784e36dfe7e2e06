package dev.kairo.nn;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.conv.Convolution;
import dev.kairo.functions.pooling.MaxPoolWindow;
import dev.kairo.tensor.Shape;
import java.util.Arrays;

/**
 * What the convolution layers share: the weight and bias parameters, their PyTorch default
 * initialisation (weight {@code kaiming_uniform(a=√5)} and bias both U(±1/√fanIn), fanIn =
 * in/groups·kernel area, from the builder's generator), the settings and the input check.
 * Subclasses apply their function of {@code F}.
 *
 * <pre>{@code
 * ConvLayer c = Conv2d.builder(3, 16, 3).padding(1).build();
 * c.weight.shape();   // [16, 3, 3, 3]
 * }</pre>
 */
public abstract class ConvLayer extends Module implements ReluFusable {
  /** The kernel: [out, in/groups, k...], or [in, out/groups, k...] when transposed. */
  public final Parameter weight;
  /** The bias [out], or null. */
  public final Parameter bias;
  private final String layer;
  private final int dims;
  private final boolean transposed;
  private final int in;
  private final int out;
  private final int groups;
  private final int[] kernel;
  private final int[] stride;
  private final int[] padding;
  private final int[] dilation;
  private final int[] outputPadding;

  ConvLayer(ConvBuilder<?> b) {
    layer = b.layer;
    dims = b.dims;
    transposed = b.transposed;
    in = b.in;
    out = b.out;
    groups = b.groups;
    kernel = b.kernel.clone();
    stride = b.stride.clone();
    padding = b.padding.clone();
    dilation = b.dilation.clone();
    outputPadding = b.outputPadding.clone();
    int[] shape = new int[dims + 2];
    shape[0] = b.transposed ? in : out;
    shape[1] = b.transposed ? out / groups : in / groups;
    System.arraycopy(kernel, 0, shape, 2, dims);
    weight = param("weight", new Parameter(Init.kaimingUniform(b.rng, shape)));
    double bound = 1 / Math.sqrt(Init.fanIn(shape));
    bias = b.bias ? param("bias", new Parameter(Init.uniform(b.rng, -bound, bound, out))) : null;
  }

  @Override
  public final Variable forward(Variable x) {
    check(x);
    return apply(x);
  }

  @Override
  public final Variable forwardThenRelu(Variable x) {
    check(x);
    return applyRectified(x, null);
  }

  @Override
  public final Variable forwardThenReluMaxPool(Variable x, MaxPool2d pool) {
    if (dims != 2 || transposed) {
      return null;
    }
    check(x);
    return applyRectified(x, new MaxPoolWindow(pool.kernelSize(), pool.stride(), pool.padding(),
        pool.dilation()));
  }

  /** The input check of {@link #forward}: rank and channels, naming the layer. */
  private void check(Variable x) {
    int[] s = x.shape();
    if (s.length != dims + 2) {
      throw new IllegalArgumentException(label() + ": input " + Shape.str(s) + " must be "
          + (dims == 1 ? "[N, C, L]" : "[N, C, H, W]"));
    }
    if (s[1] != in) {
      throw new IllegalArgumentException(label() + ": input " + Shape.str(s) + " has " + s[1]
          + " channels, expected " + in);
    }
  }

  /** Applies the layer's function to a checked input. */
  abstract Variable apply(Variable x);

  /**
   * The convolution and ReLU (then {@code pool}, if not null) as one op on a checked input
   * (the same function for 1-D and 2-D, given one setting per spatial axis); null for a
   * transposed convolution, which has none.
   */
  private Variable applyRectified(Variable x, MaxPoolWindow pool) {
    if (transposed) {
      return null;
    }
    Convolution f = new Convolution(stride, padding, dilation, groups, true, pool);
    return bias == null ? f.apply(x, weight) : f.apply(x, weight, bias);
  }

  /** Short name for errors: {@code Conv2d(3->16, k=3)}. */
  final String label() {
    boolean square = Arrays.stream(kernel).allMatch(k -> k == kernel[0]);
    return layer + "(" + in + "->" + out + ", k=" + (square ? Integer.toString(kernel[0])
        : Arrays.toString(kernel)) + ")";
  }

  /** Input channels. */
  public int inChannels() {
    return in;
  }

  /** Output channels. */
  public int outChannels() {
    return out;
  }

  /** Channel groups. */
  public int groups() {
    return groups;
  }

  /** Kernel size per spatial axis (a copy). */
  public int[] kernelSize() {
    return kernel.clone();
  }

  /** Stride per spatial axis (a copy). */
  public int[] stride() {
    return stride.clone();
  }

  /** Padding per spatial axis (a copy). */
  public int[] padding() {
    return padding.clone();
  }

  /** Dilation per spatial axis (a copy). */
  public int[] dilation() {
    return dilation.clone();
  }

  /** Output padding per spatial axis (zeros unless transposed; a copy). */
  public int[] outputPadding() {
    return outputPadding.clone();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(layer).append('(').append(in).append(" -> ").append(out)
        .append(", kernel ").append(Arrays.toString(kernel));
    if (Arrays.stream(stride).anyMatch(v -> v != 1)) {
      s.append(", stride ").append(Arrays.toString(stride));
    }
    if (Arrays.stream(padding).anyMatch(v -> v != 0)) {
      s.append(", padding ").append(Arrays.toString(padding));
    }
    if (Arrays.stream(dilation).anyMatch(v -> v != 1)) {
      s.append(", dilation ").append(Arrays.toString(dilation));
    }
    if (Arrays.stream(outputPadding).anyMatch(v -> v != 0)) {
      s.append(", output padding ").append(Arrays.toString(outputPadding));
    }
    if (groups != 1) {
      s.append(", groups ").append(groups);
    }
    return s.append(bias == null ? ", no bias)" : ")").toString();
  }
}

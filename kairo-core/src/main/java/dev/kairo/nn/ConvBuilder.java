package dev.kairo.nn;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The settings of a convolution layer ({@link Conv1d}, {@link Conv2d},
 * {@link ConvTranspose2d}), PyTorch's names and defaults: stride 1, padding 0, dilation 1,
 * groups 1, bias on, output padding 0 (transposed only). Values given once apply to every
 * spatial axis; give two for (height, width).
 *
 * <pre>{@code
 * Conv2d c = Conv2d.builder(3, 16, 3).stride(2).padding(1).bias(false).seed(42).build();
 * Conv2d r = Conv2d.builder(8, 8, 1).kernel(1, 7).padding(0, 3).build();   // 1x7 kernel
 * }</pre>
 *
 * @param <L> the layer it builds
 */
public final class ConvBuilder<L extends Module> {
  final String layer;
  final int dims;
  final boolean transposed;
  final int in;
  final int out;
  int[] kernel;
  int[] stride;
  int[] padding;
  int[] dilation;
  int[] outputPadding;
  int groups = 1;
  boolean bias = true;
  SplittableRandom rng;
  private final Function<ConvBuilder<L>, L> make;

  ConvBuilder(String layer, int dims, boolean transposed, int in, int out, int kernel,
      Function<ConvBuilder<L>, L> make) {
    this.layer = layer;
    this.dims = dims;
    this.transposed = transposed;
    this.in = in;
    this.out = out;
    this.make = make;
    this.kernel = fill(kernel);
    this.stride = fill(1);
    this.padding = fill(0);
    this.dilation = fill(1);
    this.outputPadding = fill(0);
  }

  private int[] fill(int v) {
    int[] a = new int[dims];
    Arrays.fill(a, v);
    return a;
  }

  private int[] values(String what, int[] v) {
    if (v.length == 1) {
      return fill(v[0]);
    }
    if (v.length != dims) {
      throw new IllegalArgumentException(layer + ": " + what + " takes 1 or " + dims
          + " values, got " + Arrays.toString(v));
    }
    return v.clone();
  }

  /** The kernel size: one value, or one per spatial axis. */
  public ConvBuilder<L> kernel(int... k) {
    kernel = values("kernel", k);
    return this;
  }

  /** The stride: one value, or one per spatial axis. */
  public ConvBuilder<L> stride(int... s) {
    stride = values("stride", s);
    return this;
  }

  /** Zero padding on each side: one value, or one per spatial axis. */
  public ConvBuilder<L> padding(int... p) {
    padding = values("padding", p);
    return this;
  }

  /** The spacing of kernel taps: one value, or one per spatial axis. */
  public ConvBuilder<L> dilation(int... d) {
    dilation = values("dilation", d);
    return this;
  }

  /** Extra output rows/columns of a transposed convolution (smaller than stride or dilation). */
  public ConvBuilder<L> outputPadding(int... p) {
    if (!transposed) {
      throw new IllegalArgumentException(layer + ": outputPadding applies only to transposed "
          + "convolutions");
    }
    outputPadding = values("outputPadding", p);
    return this;
  }

  /** Channel groups; must divide both channel counts. */
  public ConvBuilder<L> groups(int g) {
    groups = g;
    return this;
  }

  /** Whether the layer adds a learned bias (default true). */
  public ConvBuilder<L> bias(boolean b) {
    bias = b;
    return this;
  }

  /** Initialise from a generator seeded with {@code seed}. */
  public ConvBuilder<L> seed(long seed) {
    rng = new SplittableRandom(seed);
    return this;
  }

  /** Initialise from {@code r} (default: {@link Init#generator()}). */
  public ConvBuilder<L> generator(SplittableRandom r) {
    rng = r;
    return this;
  }

  /**
   * Builds the layer.
   *
   * @throws IllegalArgumentException naming the layer when a setting is out of range
   */
  public L build() {
    return make.apply(checked());
  }

  /** Validates the settings and fills in the default generator; returns this. */
  ConvBuilder<L> checked() {
    String at = layer + "(" + in + "->" + out + ")";
    if (in < 1 || out < 1) {
      throw new IllegalArgumentException(at + ": channel counts must be positive");
    }
    if (groups < 1 || in % groups != 0 || out % groups != 0) {
      throw new IllegalArgumentException(at + ": groups " + groups + " must divide the " + in
          + " input and " + out + " output channels");
    }
    for (int i = 0; i < dims; i++) {
      if (kernel[i] < 1 || stride[i] < 1 || dilation[i] < 1 || padding[i] < 0
          || outputPadding[i] < 0) {
        throw new IllegalArgumentException(at + ": kernel " + Arrays.toString(kernel)
            + ", stride " + Arrays.toString(stride) + " and dilation " + Arrays.toString(dilation)
            + " must be >= 1, padding " + Arrays.toString(padding) + " >= 0");
      }
      if (outputPadding[i] > 0 && outputPadding[i] >= stride[i]
          && outputPadding[i] >= dilation[i]) {
        throw new IllegalArgumentException(at + ": output padding "
            + Arrays.toString(outputPadding) + " must be smaller than the stride or dilation");
      }
    }
    if (rng == null) {
      rng = Init.generator();
    }
    return this;
  }
}

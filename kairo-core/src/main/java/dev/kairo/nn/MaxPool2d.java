package dev.kairo.nn;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.tensor.Shape;
import java.util.Arrays;

/**
 * 2-D max pooling (最大値プーリング) as a layer, PyTorch's {@code nn.MaxPool2d} (stride
 * defaults to the kernel size; padding counts as −∞): [N, C, H, W] to [N, C, outH, outW].
 * No parameters; the maths is {@link F#maxPool2d(Variable, int[], int[], int[], int[])}.
 *
 * <pre>{@code
 * Module pool = new MaxPool2d(2);   // [N, 32, 28, 28] -> [N, 32, 14, 14]
 * }</pre>
 */
public final class MaxPool2d extends Module {
  private final int[] kernel;
  private final int[] stride;
  private final int[] padding;
  private final int[] dilation;

  /** k x k windows with stride k. */
  public MaxPool2d(int kernel) {
    this(kernel, kernel, 0);
  }

  /** k x k windows with the given stride and padding. */
  public MaxPool2d(int kernel, int stride, int padding) {
    this(new int[] {kernel, kernel}, new int[] {stride, stride}, new int[] {padding, padding},
        new int[] {1, 1});
  }

  /** Windows, strides, paddings and dilations as {h, w} pairs. */
  public MaxPool2d(int[] kernel, int[] stride, int[] padding, int[] dilation) {
    this.kernel = pair("kernel", kernel);
    this.stride = pair("stride", stride);
    this.padding = pair("padding", padding);
    this.dilation = pair("dilation", dilation);
  }

  static int[] pair(String what, int[] v) {
    if (v.length != 2) {
      throw new IllegalArgumentException("pooling: " + what + " needs 2 values (h, w), got "
          + Arrays.toString(v));
    }
    return v.clone();
  }

  @Override
  public Variable forward(Variable x) {
    checkInput(toString(), x);
    return F.maxPool2d(x, kernel, stride, padding, dilation);
  }

  static void checkInput(String layer, Variable x) {
    if (x.shape().length != 4 && x.shape().length != 3) {
      throw new IllegalArgumentException(layer + ": input " + Shape.str(x.shape())
          + " must be [N, C, H, W]");
    }
  }

  /** Window size {h, w} (a copy). */
  public int[] kernelSize() {
    return kernel.clone();
  }

  /** Stride {h, w} (a copy). */
  public int[] stride() {
    return stride.clone();
  }

  /** Padding {h, w} (a copy). */
  public int[] padding() {
    return padding.clone();
  }

  /** Dilation {h, w} (a copy). */
  public int[] dilation() {
    return dilation.clone();
  }

  @Override
  public String toString() {
    return "MaxPool2d(k=" + Arrays.toString(kernel) + ", stride " + Arrays.toString(stride)
        + ", padding " + Arrays.toString(padding) + ")";
  }
}

package dev.kairo.nn;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import java.util.Arrays;

/**
 * 2-D average pooling as a layer, PyTorch's {@code nn.AvgPool2d} (stride defaults to the
 * kernel size; zero padding counted in the divisor unless {@code countIncludePad} is false).
 * No parameters; the maths is {@link F#avgPool2d(Variable, int[], int[], int[], boolean)}.
 *
 * <pre>{@code
 * Module pool = new AvgPool2d(2);   // [N, 32, 28, 28] -> [N, 32, 14, 14]
 * }</pre>
 */
public final class AvgPool2d extends Module {
  private final int[] kernel;
  private final int[] stride;
  private final int[] padding;
  private final boolean countIncludePad;

  /** k x k windows with stride k. */
  public AvgPool2d(int kernel) {
    this(kernel, kernel, 0);
  }

  /** k x k windows with the given stride and padding (counted in the divisor). */
  public AvgPool2d(int kernel, int stride, int padding) {
    this(new int[] {kernel, kernel}, new int[] {stride, stride}, new int[] {padding, padding},
        true);
  }

  /** Windows, strides and paddings as {h, w} pairs; {@code countIncludePad} as in PyTorch. */
  public AvgPool2d(int[] kernel, int[] stride, int[] padding, boolean countIncludePad) {
    this.kernel = MaxPool2d.pair("kernel", kernel);
    this.stride = MaxPool2d.pair("stride", stride);
    this.padding = MaxPool2d.pair("padding", padding);
    this.countIncludePad = countIncludePad;
  }

  @Override
  public Variable forward(Variable x) {
    MaxPool2d.checkInput(toString(), x);
    return F.avgPool2d(x, kernel, stride, padding, countIncludePad);
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

  /** Whether padding counts in the divisor. */
  public boolean countIncludePad() {
    return countIncludePad;
  }

  @Override
  public String toString() {
    return "AvgPool2d(k=" + Arrays.toString(kernel) + ", stride " + Arrays.toString(stride)
        + ", padding " + Arrays.toString(padding) + ")";
  }
}

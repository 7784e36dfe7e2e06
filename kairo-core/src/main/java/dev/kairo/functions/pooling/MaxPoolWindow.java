package dev.kairo.functions.pooling;

import dev.kairo.tensor.ConvGeometry;

/**
 * The windows of a 2-D max pooling, {h, w} pairs as {@link MaxPool2d} takes them: what a
 * fused op that pools its own output needs to know about the pooling.
 *
 * <pre>{@code
 * MaxPoolWindow w = new MaxPoolWindow(new int[] {2, 2}, new int[] {2, 2}, new int[] {0, 0},
 *     new int[] {1, 1});
 * ConvGeometry g = w.geometry("conv2d+relu+maxPool2d", new int[] {128, 32, 28, 28});
 * }</pre>
 */
public record MaxPoolWindow(int[] kernel, int[] stride, int[] padding, int[] dilation) {
  /** Copies the arrays. */
  public MaxPoolWindow {
    kernel = kernel.clone();
    stride = stride.clone();
    padding = padding.clone();
    dilation = dilation.clone();
  }

  @Override
  public int[] kernel() {
    return kernel.clone();
  }

  @Override
  public int[] stride() {
    return stride.clone();
  }

  @Override
  public int[] padding() {
    return padding.clone();
  }

  @Override
  public int[] dilation() {
    return dilation.clone();
  }

  /** The pooling geometry over input {@code xShape}, checked as {@link MaxPool2d} checks it. */
  public ConvGeometry geometry(String op, int[] xShape) {
    return MaxPool2d.geometry(op, xShape, kernel, stride, padding, dilation);
  }

  /** The pooled shape of {@code xShape}. */
  public int[] outShape(int[] xShape, ConvGeometry g) {
    return MaxPool2d.outShape(xShape, g);
  }
}

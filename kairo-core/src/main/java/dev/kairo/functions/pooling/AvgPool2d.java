package dev.kairo.functions.pooling;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.ConvGeometry;
import dev.kairo.tensor.PoolKernels;
import dev.kairo.tensor.Tensor;

/**
 * 2-D average pooling (平均値プーリング) of x [N, C, H, W] (or [C, H, W]) over kH x kW
 * windows with stride and zero padding (at most half the kernel), as PyTorch's
 * {@code avg_pool2d} with {@code ceil_mode=False}. With {@code countIncludePad} (PyTorch's
 * default) every window is divided by kH·kW, padding included; without it, by the number of
 * real input elements in the window.
 *
 * <pre>{@code
 * Variable y = F.avgPool2d(x, 2);   // [N, C, 28, 28] -> [N, C, 14, 14]
 * }</pre>
 *
 * <p>Backward spreads each output gradient evenly (divided by the same count) over its window.
 */
public final class AvgPool2d extends Function {
  private final int[] kernel;
  private final int[] stride;
  private final int[] padding;
  private final boolean countIncludePad;
  private ConvGeometry g;
  private int planes;
  private int[] xShape;

  /** Pooling with {kH, kW}, {strideH, strideW}, {padH, padW}. */
  public AvgPool2d(int[] kernel, int[] stride, int[] padding, boolean countIncludePad) {
    this.kernel = kernel.clone();
    this.stride = stride.clone();
    this.padding = padding.clone();
    this.countIncludePad = countIncludePad;
  }

  @Override
  public String name() {
    return "avgPool2d";
  }

  @Override
  protected Tensor forward(Tensor... in) {
    Tensor x = in[0];
    xShape = x.shape();
    g = MaxPool2d.geometry(name(), xShape, kernel, stride, padding, new int[] {1, 1});
    planes = x.numel() / Math.max(1, g.inSize());
    float[] y = PoolKernels.avgForward(x.denseData(), planes, g, countIncludePad);
    return Tensor.of(y, MaxPool2d.outShape(xShape, g));
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    return new Tensor[] {Tensor.of(
        PoolKernels.avgBackward(gy.denseData(), planes, g, countIncludePad), xShape)};
  }
}

package dev.kairo.functions.pooling;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.ConvGeometry;
import dev.kairo.tensor.PoolKernels;
import dev.kairo.tensor.Shape;
import dev.kairo.tensor.Tensor;

/**
 * 2-D max pooling (最大値プーリング) of x [N, C, H, W] (or [C, H, W]) over kH x kW windows,
 * with stride, padding (treated as −∞, at most half the dilated kernel) and dilation, as
 * PyTorch's {@code max_pool2d} with {@code ceil_mode=False}. Output
 * {@code outH = floor((H + 2·padH − dilH·(kH − 1) − 1) / strideH) + 1}.
 *
 * <pre>{@code
 * Variable y = F.maxPool2d(x, 2);   // [N, C, 28, 28] -> [N, C, 14, 14]
 * }</pre>
 *
 * <p>Forward keeps the position of each window's first maximum; backward sends each output
 * gradient there (so the gradient is undefined at ties, as for any max).
 */
public final class MaxPool2d extends Function {
  private final int[] kernel;
  private final int[] stride;
  private final int[] padding;
  private final int[] dilation;
  private ConvGeometry g;
  private int[] argmax;
  private int planes;
  private int[] xShape;

  /** Pooling with {kH, kW}, {strideH, strideW}, {padH, padW} and {dilH, dilW}. */
  public MaxPool2d(int[] kernel, int[] stride, int[] padding, int[] dilation) {
    this.kernel = kernel.clone();
    this.stride = stride.clone();
    this.padding = padding.clone();
    this.dilation = dilation.clone();
  }

  @Override
  public String name() {
    return "maxPool2d";
  }

  @Override
  protected Tensor forward(Tensor... in) {
    Tensor x = in[0];
    xShape = x.shape();
    g = geometry(name(), xShape, kernel, stride, padding, dilation);
    planes = x.numel() / Math.max(1, g.inSize());
    argmax = new int[planes * g.outSize()];
    float[] y = PoolKernels.maxForward(x.denseData(), planes, g, argmax);
    return Tensor.of(y, outShape(xShape, g));
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    return new Tensor[] {Tensor.of(PoolKernels.maxBackward(gy.denseData(), planes, g, argmax),
        xShape)};
  }

  /** Checks a pooling input and settings; the geometry of one plane. */
  static ConvGeometry geometry(String op, int[] xShape, int[] kernel, int[] stride,
      int[] padding, int[] dilation) {
    if (xShape.length != 3 && xShape.length != 4) {
      throw new IllegalArgumentException(op + ": input " + Shape.str(xShape)
          + " must be [N, C, H, W] or [C, H, W]");
    }
    int r = xShape.length;
    String what = "input " + Shape.str(xShape) + " with kernel " + Shape.str(kernel);
    ConvGeometry g = ConvGeometry.of(op, what, 1, new int[] {xShape[r - 2], xShape[r - 1]},
        kernel, stride, padding, dilation);
    for (int i = 0; i < 2; i++) {
      if (padding[i] > (dilation[i] * (kernel[i] - 1) + 1) / 2) {
        throw new IllegalArgumentException(op + ": " + what + ": padding " + Shape.str(padding)
            + " must be at most half the (dilated) kernel");
      }
    }
    return g;
  }

  static int[] outShape(int[] xShape, ConvGeometry g) {
    int[] s = xShape.clone();
    s[s.length - 2] = g.outH();
    s[s.length - 1] = g.outW();
    return s;
  }
}

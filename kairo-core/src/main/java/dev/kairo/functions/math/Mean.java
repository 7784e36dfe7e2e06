package dev.kairo.functions.math;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/** Mean over axes (all when {@code axes} is null): the gradient is the incoming one / count, broadcast back. */
public final class Mean extends Function {
  private final int[] axes;
  private final boolean keepDims;
  private int[] xShape;
  private int[] kept;
  private int count;

  /** @param axes axes to average, or null for all; @param keepDims keep them as size 1 */
  public Mean(int[] axes, boolean keepDims) {
    this.axes = axes == null ? null : axes.clone();
    this.keepDims = keepDims;
  }

  @Override
  protected Tensor forward(Tensor... x) {
    xShape = x[0].shape();
    int[] ax = Reduction.axes("mean", axes, xShape.length);
    kept = Reduction.keptShape(xShape, ax);
    count = Reduction.count(xShape, ax);
    return x[0].mean(ax, keepDims);
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    return new Tensor[] {gy.reshape(kept).mul(1f / count).expand(xShape).copy()};
  }
}

package dev.kairo.functions.math;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/** Sum over axes (all when {@code axes} is null): the gradient is the incoming one broadcast back. */
public final class Sum extends Function {
  private final int[] axes;
  private final boolean keepDims;
  private int[] xShape;
  private int[] kept;

  /** @param axes axes to sum, or null for all; @param keepDims keep them as size 1 */
  public Sum(int[] axes, boolean keepDims) {
    this.axes = axes == null ? null : axes.clone();
    this.keepDims = keepDims;
  }

  @Override
  protected Tensor forward(Tensor... x) {
    xShape = x[0].shape();
    int[] ax = Reduction.axes("sum", axes, xShape.length);
    kept = Reduction.keptShape(xShape, ax);
    return x[0].sum(ax, keepDims);
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    return new Tensor[] {gy.reshape(kept).expand(xShape).copy()};
  }
}

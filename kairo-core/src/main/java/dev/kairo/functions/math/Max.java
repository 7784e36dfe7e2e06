package dev.kairo.functions.math;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/**
 * Maximum over axes (all when {@code axes} is null). The gradient goes to the elements equal
 * to the maximum, shared equally among ties (as PyTorch's {@code amax}).
 */
public final class Max extends Function {
  private final int[] axes;
  private final boolean keepDims;
  private Tensor x;
  private Tensor yKept;
  private int[] kept;
  private int[] ax;

  /** @param axes axes to reduce, or null for all; @param keepDims keep them as size 1 */
  public Max(int[] axes, boolean keepDims) {
    this.axes = axes == null ? null : axes.clone();
    this.keepDims = keepDims;
  }

  @Override
  protected Tensor forward(Tensor... in) {
    x = in[0];
    ax = Reduction.axes("max", axes, x.rank());
    kept = Reduction.keptShape(x.shape(), ax);
    yKept = x.max(ax, true);
    return keepDims ? yKept : yKept.reshape(x.max(ax, false).shape());
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    Tensor mask = x.eq(yKept);
    Tensor ties = mask.sum(ax, true);
    return new Tensor[] {mask.mul(gy.reshape(kept).div(ties))};
  }
}

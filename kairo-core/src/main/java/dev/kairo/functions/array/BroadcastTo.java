package dev.kairo.functions.array;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/** Broadcasts the input to a shape (NumPy rules); the gradient is summed back. */
public final class BroadcastTo extends Function {
  private final int[] shape;
  private int[] xShape;

  /** @param shape the target shape */
  public BroadcastTo(int... shape) {
    this.shape = shape.clone();
  }

  @Override
  protected Tensor forward(Tensor... x) {
    xShape = x[0].shape();
    return x[0].expand(shape).copy();
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    return new Tensor[] {gy.sumTo(xShape)};
  }
}

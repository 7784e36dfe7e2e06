package dev.kairo.functions.array;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/** A new shape for the same elements (-1 infers one dimension); the gradient is reshaped back. */
public final class Reshape extends Function {
  private final int[] shape;
  private int[] xShape;

  /** @param shape the target shape */
  public Reshape(int... shape) {
    this.shape = shape.clone();
  }

  @Override
  protected Tensor forward(Tensor... x) {
    xShape = x[0].shape();
    return x[0].reshape(shape);
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    return new Tensor[] {gy.reshape(xShape)};
  }
}

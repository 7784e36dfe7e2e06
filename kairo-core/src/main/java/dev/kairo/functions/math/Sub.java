package dev.kairo.functions.math;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/** Elementwise {@code a - b} with broadcasting. */
public final class Sub extends Function {
  private int[] aShape;
  private int[] bShape;

  @Override
  protected Tensor forward(Tensor... x) {
    aShape = x[0].shape();
    bShape = x[1].shape();
    return x[0].sub(x[1]);
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    return new Tensor[] {
        needsInputGrad(0) ? gy.sumTo(aShape) : null,
        needsInputGrad(1) ? gy.neg().sumTo(bShape) : null};
  }
}

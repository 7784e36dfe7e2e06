package dev.kairo.functions.math;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/** Elementwise {@code a * b} with broadcasting: d/da = b, d/db = a. */
public final class Mul extends Function {
  private Tensor a;
  private Tensor b;

  @Override
  protected Tensor forward(Tensor... x) {
    a = x[0];
    b = x[1];
    return a.mul(b);
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    return new Tensor[] {
        needsInputGrad(0) ? gy.mul(b).sumTo(a.shape()) : null,
        needsInputGrad(1) ? gy.mul(a).sumTo(b.shape()) : null};
  }
}

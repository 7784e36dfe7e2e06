package dev.kairo.functions.math;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/** Elementwise {@code a^b} with broadcasting: d/da = b·a^(b−1), d/db = a^b·ln a (a > 0). */
public final class Pow extends Function {
  private Tensor a;
  private Tensor b;
  private Tensor y;

  @Override
  protected Tensor forward(Tensor... x) {
    a = x[0];
    b = x[1];
    y = a.pow(b);
    return y;
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    return new Tensor[] {
        needsInputGrad(0) ? gy.mul(b).mul(a.pow(b.sub(1f))).sumTo(a.shape()) : null,
        needsInputGrad(1) ? gy.mul(y).mul(a.log()).sumTo(b.shape()) : null};
  }
}

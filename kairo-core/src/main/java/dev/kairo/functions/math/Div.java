package dev.kairo.functions.math;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/** Elementwise {@code a / b} with broadcasting: d/da = 1/b, d/db = -a/b². */
public final class Div extends Function {
  private Tensor a;
  private Tensor b;

  @Override
  protected Tensor forward(Tensor... x) {
    a = x[0];
    b = x[1];
    return a.div(b);
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    Tensor gyOverB = gy.div(b);
    return new Tensor[] {
        needsInputGrad(0) ? gyOverB.sumTo(a.shape()) : null,
        needsInputGrad(1) ? gyOverB.mul(a).div(b).neg().sumTo(b.shape()) : null};
  }
}

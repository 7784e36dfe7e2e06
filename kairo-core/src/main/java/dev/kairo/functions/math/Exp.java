package dev.kairo.functions.math;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/** Elementwise {@code e^x}: d/dx = e^x (the output is kept for backward). */
public final class Exp extends Function {
  private Tensor y;

  @Override
  protected Tensor forward(Tensor... x) {
    y = x[0].exp();
    return y;
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    return new Tensor[] {gy.mul(y)};
  }
}

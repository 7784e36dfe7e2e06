package dev.kairo.functions.math;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/** Elementwise {@code -x}. */
public final class Neg extends Function {
  @Override
  protected Tensor forward(Tensor... x) {
    return x[0].neg();
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    return new Tensor[] {gy.neg()};
  }
}

package dev.kairo.functions.math;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/** Elementwise square root: d/dx = 1/(2√x). */
public final class Sqrt extends Function {
  private Tensor y;

  @Override
  protected Tensor forward(Tensor... x) {
    y = x[0].sqrt();
    return y;
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    return new Tensor[] {gy.div(y).mul(0.5f)};
  }
}

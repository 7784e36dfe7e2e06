package dev.kairo.functions.math;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/** Elementwise natural logarithm: d/dx = 1/x. */
public final class Log extends Function {
  private Tensor x;

  @Override
  protected Tensor forward(Tensor... in) {
    x = in[0];
    return x.log();
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    return new Tensor[] {gy.div(x)};
  }
}

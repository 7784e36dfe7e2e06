package dev.kairo.functions.math;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/** Elementwise |x|, also the activation "absolute value rectification": d/dx = sign(x) (0 at 0). */
public final class Abs extends Function {
  private Tensor x;

  @Override
  protected Tensor forward(Tensor... in) {
    x = in[0];
    return x.abs();
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    return new Tensor[] {gy.mul(x.sign())};
  }
}

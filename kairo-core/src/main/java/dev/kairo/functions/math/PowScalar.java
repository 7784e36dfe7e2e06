package dev.kairo.functions.math;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/** Elementwise {@code x^p} for a constant exponent p: d/dx = p·x^(p−1). */
public final class PowScalar extends Function {
  private final float p;
  private Tensor x;

  /** @param p the exponent */
  public PowScalar(float p) {
    this.p = p;
  }

  @Override
  protected Tensor forward(Tensor... in) {
    x = in[0];
    return x.pow(p);
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    return new Tensor[] {gy.mul(x.pow(p - 1f)).mul(p)};
  }
}

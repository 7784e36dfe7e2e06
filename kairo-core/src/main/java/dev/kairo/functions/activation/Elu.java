package dev.kairo.functions.activation;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/**
 * Exponential linear unit (Clevert et al. 2015): {@code y = x if x > 0 else α(eˣ − 1)},
 * derivative 1 or {@code y + α}. Smooth, with negative outputs that push mean activations
 * towards zero.
 */
public final class Elu extends Function {
  private final float alpha;
  private Tensor x;
  private Tensor y;

  /** @param alpha α, the saturation value for large negative x is −α */
  public Elu(float alpha) {
    this.alpha = alpha;
  }

  @Override
  protected Tensor forward(Tensor... in) {
    x = in[0];
    y = Tensor.where(x.gt(0f), x, x.minimum(0f).exp().sub(1f).mul(alpha));
    return y;
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    return new Tensor[] {gy.mul(Tensor.where(x.gt(0f), Tensor.scalar(1f), y.add(alpha)))};
  }
}

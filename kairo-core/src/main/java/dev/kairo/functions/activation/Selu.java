package dev.kairo.functions.activation;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/**
 * Scaled ELU (Klambauer et al. 2017): {@code λ·elu_α(x)} with λ = 1.0507009873554805 and
 * α = 1.6732632423543772, the constants that make activations self-normalising.
 */
public final class Selu extends Function {
  /** λ. */
  public static final float LAMBDA = 1.0507009873554804934193349852946f;
  /** α. */
  public static final float ALPHA = 1.6732632423543772848170429916717f;
  private Tensor x;
  private Tensor y;

  @Override
  protected Tensor forward(Tensor... in) {
    x = in[0];
    y = Tensor.where(x.gt(0f), x, x.minimum(0f).exp().sub(1f).mul(ALPHA)).mul(LAMBDA);
    return y;
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    return new Tensor[] {
        gy.mul(Tensor.where(x.gt(0f), Tensor.scalar(LAMBDA), y.add(LAMBDA * ALPHA)))};
  }
}

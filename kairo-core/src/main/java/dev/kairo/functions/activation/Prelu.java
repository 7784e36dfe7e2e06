package dev.kairo.functions.activation;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/**
 * Parametric ReLU (He et al. 2015): {@code y = x if x > 0 else a·x} where the slope a is
 * learned (second input, broadcast against x: one per channel or one shared).
 * Derivatives: d/dx = 1 or a; d/da = x where x <= 0, summed over broadcast axes.
 */
public final class Prelu extends Function {
  private Tensor x;
  private Tensor a;

  @Override
  protected Tensor forward(Tensor... in) {
    x = in[0];
    a = in[1];
    return Tensor.where(x.gt(0f), x, x.mul(a));
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    Tensor pos = x.gt(0f);
    Tensor neg = pos.neg().add(1f);
    Tensor gx = needsInputGrad(0) ? gy.mul(pos.add(neg.mul(a))).sumTo(x.shape()) : null;
    Tensor ga = needsInputGrad(1) ? gy.mul(neg).mul(x).sumTo(a.shape()) : null;
    return new Tensor[] {gx, ga};
  }
}

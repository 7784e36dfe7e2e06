package dev.kairo.functions.activation;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.ActivationKernels;
import dev.kairo.tensor.Tensor;

/**
 * Leaky ReLU: {@code y = x if x > 0 else a·x} with a small fixed slope a (0.01 by
 * default), so negative units keep a gradient and do not die.
 */
public final class LeakyRelu extends Function {
  private final float slope;
  private Tensor x;

  /** @param slope the slope for x <= 0 */
  public LeakyRelu(float slope) {
    this.slope = slope;
  }

  @Override
  protected Tensor forward(Tensor... in) {
    x = in[0];
    return ActivationKernels.leakyRectify(x, slope);
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    return new Tensor[] {ActivationKernels.maskNonPositive(gy, x, slope)};
  }
}

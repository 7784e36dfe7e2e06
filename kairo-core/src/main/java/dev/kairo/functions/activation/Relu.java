package dev.kairo.functions.activation;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.ActivationKernels;
import dev.kairo.tensor.Tensor;

/**
 * Rectified linear unit: {@code y = max(0, x)}, derivative 1 for x > 0 and 0 otherwise
 * (0 is used at x = 0). The default hidden activation of modern networks.
 */
public final class Relu extends Function {
  private Tensor x;

  @Override
  protected Tensor forward(Tensor... in) {
    x = in[0];
    return ActivationKernels.leakyRectify(x, 0f);
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    return new Tensor[] {ActivationKernels.maskNonPositive(gy, x, 0f)};
  }
}

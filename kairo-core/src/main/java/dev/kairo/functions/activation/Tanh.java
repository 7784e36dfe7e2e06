package dev.kairo.functions.activation;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.ActivationKernels;
import dev.kairo.tensor.Tensor;

/**
 * Hyperbolic tangent: {@code y = tanh x}, derivative {@code 1 - y²}. Zero-centred, so it
 * suffers less from vanishing gradients than the sigmoid (seed 002).
 */
public final class Tanh extends Function {
  private Tensor y;

  @Override
  protected Tensor forward(Tensor... x) {
    y = x[0].tanh();
    return y;
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    return new Tensor[] {ActivationKernels.mulOneMinusSquare(gy, y)};
  }
}

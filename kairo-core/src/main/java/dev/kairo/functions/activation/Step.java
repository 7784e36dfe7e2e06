package dev.kairo.functions.activation;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/**
 * Heaviside step: {@code 1 if x > 0 else 0}, the perceptron's original activation.
 *
 * <p>Its derivative is 0 everywhere except at 0, where it does not exist, so gradient
 * descent cannot learn through it: backward returns zeros. Use it for perceptrons trained by
 * Rosenblatt's rule, or for drawing; use sigmoid or ReLU for backpropagation.
 */
public final class Step extends Function {
  private int[] shape;

  @Override
  protected Tensor forward(Tensor... x) {
    shape = x[0].shape();
    return x[0].gt(0f);
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    return new Tensor[] {Tensor.zeros(shape)};
  }
}

package dev.kairo.functions.activation;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/**
 * Identity: {@code y = x}, derivative 1; the output activation for regression.
 */
public final class Identity extends Function {
  @Override
  protected Tensor forward(Tensor... x) {
    return x[0];
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    return new Tensor[] {gy};
  }
}

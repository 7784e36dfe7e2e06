package dev.kairo.functions.activation;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.ActivationKernels;
import dev.kairo.tensor.Tensor;

/**
 * Logistic sigmoid with temperature T: {@code y = 1 / (1 + exp(-x / T))}, derivative
 * {@code y (1 - y) / T}. T = 1 is the usual sigmoid; a larger T flattens it, a smaller one
 * approaches the step function (seed 002's 温度パラメタ). Computed without overflow.
 */
public final class Sigmoid extends Function {
  private final float temperature;
  private Tensor y;

  /** @param temperature T > 0 */
  public Sigmoid(float temperature) {
    if (!(temperature > 0) || Float.isInfinite(temperature)) {
      throw new IllegalArgumentException("sigmoid: temperature must be positive and finite, got "
          + temperature);
    }
    this.temperature = temperature;
  }

  /** The usual sigmoid, T = 1. */
  public Sigmoid() {
    this(1f);
  }

  @Override
  protected Tensor forward(Tensor... x) {
    y = (temperature == 1f ? x[0] : x[0].div(temperature)).sigmoid();
    return y;
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    return new Tensor[] {ActivationKernels.mulLogisticSlope(gy, y, 1f / temperature)};
  }
}

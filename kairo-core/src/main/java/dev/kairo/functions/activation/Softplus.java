package dev.kairo.functions.activation;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/**
 * Softplus: {@code y = (1/β) log(1 + e^{βx})}, a smooth ReLU; derivative
 * {@code sigmoid(βx)}. Above {@code βx > threshold} it returns x (as PyTorch) to stay exact.
 */
public final class Softplus extends Function {
  private final float beta;
  private final float threshold;
  private Tensor x;

  /** @param beta β > 0; @param threshold switch to the identity above βx > threshold */
  public Softplus(float beta, float threshold) {
    if (!(beta > 0)) {
      throw new IllegalArgumentException("softplus: beta must be positive, got " + beta);
    }
    this.beta = beta;
    this.threshold = threshold;
  }

  @Override
  protected Tensor forward(Tensor... in) {
    x = in[0];
    Tensor bx = x.mul(beta);
    // log(1 + e^z) = max(z, 0) + log(1 + e^-|z|): no overflow for large z.
    Tensor soft = bx.maximum(0f).add(bx.abs().neg().exp().add(1f).log()).div(beta);
    return Tensor.where(bx.gt(threshold), x, soft);
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    Tensor bx = x.mul(beta);
    return new Tensor[] {gy.mul(Tensor.where(bx.gt(threshold), Tensor.scalar(1f), bx.sigmoid()))};
  }
}

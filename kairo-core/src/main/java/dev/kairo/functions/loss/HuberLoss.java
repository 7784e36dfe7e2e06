package dev.kairo.functions.loss;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/**
 * Huber loss with threshold δ, averaged: {@code ½d²} where {@code |d| <= δ}, else
 * {@code δ(|d| − ½δ)}, d = y − t (PyTorch's {@code huber_loss}). Quadratic near zero, linear
 * for outliers; gradient {@code clamp(d, −δ, δ)/n}.
 */
public final class HuberLoss extends Function {
  private final float delta;
  private Tensor diff;

  /** @param delta δ > 0 */
  public HuberLoss(float delta) {
    if (!(delta > 0)) {
      throw new IllegalArgumentException("huberLoss: delta must be positive, got " + delta);
    }
    this.delta = delta;
  }

  @Override
  protected Tensor forward(Tensor... x) {
    Shapes.requireSame("huberLoss", x[0], x[1]);
    diff = x[0].sub(x[1]);
    Tensor a = diff.abs();
    Tensor quad = diff.square().mul(0.5f);
    Tensor lin = a.sub(0.5f * delta).mul(delta);
    return Tensor.where(a.le(Tensor.scalar(delta)), quad, lin).mean();
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    Tensor g = diff.clamp(-delta, delta).mul(gy.mul(1f / diff.numel()));
    return new Tensor[] {needsInputGrad(0) ? g : null, needsInputGrad(1) ? g.neg() : null};
  }
}

package dev.kairo.functions.loss;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/**
 * Sum-of-squares error {@code ½ Σ (y − t)²}, the textbook 二乗和誤差 (seeds 000 and 003);
 * the ½ makes the gradient exactly {@code y − t}.
 */
public final class SumSquaredError extends Function {
  private Tensor diff;

  @Override
  protected Tensor forward(Tensor... x) {
    Shapes.requireSame("sumSquaredError", x[0], x[1]);
    diff = x[0].sub(x[1]);
    return diff.square().sum().mul(0.5f);
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    Tensor g = diff.mul(gy);
    return new Tensor[] {needsInputGrad(0) ? g : null, needsInputGrad(1) ? g.neg() : null};
  }
}

package dev.kairo.functions.loss;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/**
 * Mean absolute error {@code mean(|y − t|)}; gradient {@code ±sign(y − t)/n} (0 where equal).
 */
public final class L1Loss extends Function {
  private Tensor diff;

  @Override
  protected Tensor forward(Tensor... x) {
    Shapes.requireSame("l1Loss", x[0], x[1]);
    diff = x[0].sub(x[1]);
    return diff.abs().mean();
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    Tensor g = diff.sign().mul(gy.mul(1f / diff.numel()));
    return new Tensor[] {needsInputGrad(0) ? g : null, needsInputGrad(1) ? g.neg() : null};
  }
}

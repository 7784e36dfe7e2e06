package dev.kairo.functions.loss;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/**
 * Mean squared error {@code mean((y − t)²)} over all elements, not halved (as Chainer's
 * {@code F.mean_squared_error} and PyTorch's {@code mse_loss}). Gradients:
 * {@code ±2(y − t)/n}.
 */
public final class MeanSquaredError extends Function {
  private Tensor diff;

  @Override
  protected Tensor forward(Tensor... x) {
    Shapes.requireSame("meanSquaredError", x[0], x[1]);
    diff = x[0].sub(x[1]);
    return diff.square().mean();
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    Tensor g = diff.mul(gy.mul(2f / diff.numel()));
    return new Tensor[] {needsInputGrad(0) ? g : null, needsInputGrad(1) ? g.neg() : null};
  }
}

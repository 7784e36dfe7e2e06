package dev.kairo.functions.loss;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/**
 * Binary cross-entropy of probabilities p against targets t in [0, 1], averaged:
 * {@code −mean(t log p + (1 − t) log(1 − p))}, with each log clamped at −100 as PyTorch does,
 * so p = 0 or 1 gives a large finite loss rather than infinity. Prefer
 * {@code F.sigmoidCrossEntropy} on logits, which is exact.
 */
public final class BinaryCrossEntropy extends Function {
  private Tensor p;
  private Tensor t;

  @Override
  protected Tensor forward(Tensor... x) {
    Shapes.requireSame("binaryCrossEntropy", x[0], x[1]);
    p = x[0];
    t = x[1];
    if (p.lt(0f).sum().item() > 0 || p.gt(1f).sum().item() > 0) {
      throw new IllegalArgumentException("binaryCrossEntropy: predictions must be probabilities "
          + "in [0, 1]; use sigmoidCrossEntropy for logits");
    }
    Tensor logP = p.log().maximum(-100f);
    Tensor log1mP = p.neg().add(1f).log().maximum(-100f);
    return t.mul(logP).add(t.neg().add(1f).mul(log1mP)).mean().neg();
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    float scale = 1f / p.numel();
    Tensor oneMinusP = p.neg().add(1f);
    // d/dp = (p − t) / (p (1 − p)), with the denominator kept away from 0 as the clamp does.
    Tensor gp = p.sub(t).div(p.mul(oneMinusP).maximum(1e-12f)).mul(gy.mul(scale));
    Tensor gt = oneMinusP.log().maximum(-100f).sub(p.log().maximum(-100f)).mul(gy.mul(scale));
    return new Tensor[] {needsInputGrad(0) ? gp : null, needsInputGrad(1) ? gt : null};
  }
}

package dev.kairo.functions.loss;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/**
 * Binary cross-entropy from logits x (sigmoid and cross-entropy fused), averaged:
 * {@code mean(max(x, 0) − x·t + log(1 + e^{−|x|}))}, exact for any logit. Gradient
 * {@code (σ(x) − t)/n} for x and {@code −x/n} for t.
 */
public final class SigmoidCrossEntropy extends Function {
  private Tensor x;
  private Tensor t;

  @Override
  protected Tensor forward(Tensor... in) {
    Shapes.requireSame("sigmoidCrossEntropy", in[0], in[1]);
    x = in[0];
    t = in[1];
    return x.maximum(0f).sub(x.mul(t)).add(x.abs().neg().exp().add(1f).log()).mean();
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    Tensor s = gy.mul(1f / x.numel());
    return new Tensor[] {
        needsInputGrad(0) ? x.sigmoid().sub(t).mul(s) : null,
        needsInputGrad(1) ? x.neg().mul(s) : null};
  }
}

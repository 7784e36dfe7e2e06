package dev.kairo.functions.loss;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/**
 * Kullback-Leibler divergence KL(q ‖ p) from log-probabilities {@code log p} (first
 * input) and probabilities q (second), summed over all elements and divided by the batch size
 * (the first axis), which is the true KL per sample (PyTorch's {@code kl_div} with
 * {@code reduction='batchmean'}). Terms with q = 0 contribute 0.
 */
public final class KlDivergence extends Function {
  private Tensor logP;
  private Tensor q;
  private int batch;

  @Override
  protected Tensor forward(Tensor... x) {
    Shapes.requireSame("klDivergence", x[0], x[1]);
    logP = x[0];
    q = x[1];
    batch = logP.rank() == 0 ? 1 : logP.size(0);
    Tensor logQ = Tensor.where(q.gt(0f), q.log(), Tensor.scalar(0f));
    return q.mul(logQ.sub(logP)).sum().div((float) batch);
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    Tensor s = gy.div((float) batch);
    Tensor gLogP = needsInputGrad(0) ? q.neg().mul(s) : null;
    Tensor gq = null;
    if (needsInputGrad(1)) {
      Tensor logQ = Tensor.where(q.gt(0f), q.log(), Tensor.scalar(0f));
      gq = logQ.sub(logP).add(1f).mul(s);
    }
    return new Tensor[] {gLogP, gq};
  }
}

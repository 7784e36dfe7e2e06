package dev.kairo.functions.loss;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.ActivationKernels;
import dev.kairo.tensor.LossKernels;
import dev.kairo.tensor.Shape;
import dev.kairo.tensor.Tensor;

/**
 * Softmax followed by cross-entropy against integer class labels, fused, averaged over the
 * batch: {@code mean_i (log Σ_c e^{x_ic} − x_{i,label_i})}. The log-sum-exp is taken after
 * subtracting each row's maximum, so logits of any size give the exact loss. Backward:
 * {@code (softmax(x) − onehot(label)) / N}.
 *
 * <p>Input: logits [N, C]; labels: N integers in [0, C).
 */
public final class SoftmaxCrossEntropy extends Function {
  private final int[] labels;
  private float[] probs;
  private int n;
  private int c;

  /** @param labels the class of each row */
  public SoftmaxCrossEntropy(int[] labels) {
    this.labels = labels.clone();
  }

  @Override
  protected Tensor forward(Tensor... in) {
    Tensor x = in[0];
    if (x.rank() != 2) {
      throw new IllegalArgumentException("softmaxCrossEntropy: logits must be [N, C], got "
          + Shape.str(x.shape()));
    }
    n = x.size(0);
    c = x.size(1);
    LossKernels.checkLabels("softmaxCrossEntropy", labels, n, c, x.shape());
    float[] d = x.denseData();
    probs = new float[n * c];
    double[] lse = ActivationKernels.softmaxRows(d, n, c, probs);
    return Tensor.scalar((float) (LossKernels.crossEntropySum(lse, d, labels, n, c) / n));
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    float scale = gy.item() / n;
    float[] g = new float[n * c];
    LossKernels.crossEntropyGradient(probs, labels, n, c, scale, g);
    return new Tensor[] {Tensor.of(g, n, c)};
  }
}

package dev.kairo.functions.loss;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.ActivationKernels;
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
    if (labels.length != n) {
      throw new IllegalArgumentException("softmaxCrossEntropy: " + labels.length
          + " labels for " + n + " rows of logits " + Shape.str(x.shape()));
    }
    float[] d = x.denseData();
    for (int i = 0; i < n; i++) {
      if (labels[i] < 0 || labels[i] >= c) {
        throw new IllegalArgumentException("softmaxCrossEntropy: label " + labels[i] + " at row "
            + i + " is out of range for " + c + " classes");
      }
    }
    probs = new float[n * c];
    double[] lse = ActivationKernels.softmaxRows(d, n, c, probs);
    // Four running sums in double, so that the adds are not one chain of n dependent steps
    // (on seed 003's 200 rows that chain was 4% of a training step); in double the order
    // does not show in the float result.
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      s0 += lse[i] - d[i * c + labels[i]];
      s1 += lse[i + 1] - d[(i + 1) * c + labels[i + 1]];
      s2 += lse[i + 2] - d[(i + 2) * c + labels[i + 2]];
      s3 += lse[i + 3] - d[(i + 3) * c + labels[i + 3]];
    }
    for (; i < n; i++) {
      s0 += lse[i] - d[i * c + labels[i]];
    }
    return Tensor.scalar((float) (((s0 + s1) + (s2 + s3)) / n));
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    float scale = gy.item() / n;
    float[] g = new float[n * c];
    // One flat pass, then the labels: with two classes a row-by-row inner loop of two was
    // mostly loop overhead (seed 003's network).
    for (int k = 0; k < n * c; k++) {
      g[k] = probs[k] * scale;
    }
    for (int i = 0; i < n; i++) {
      g[i * c + labels[i]] -= scale;
    }
    return new Tensor[] {Tensor.of(g, n, c)};
  }
}

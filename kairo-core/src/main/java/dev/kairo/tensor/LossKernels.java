package dev.kairo.tensor;

/**
 * The loops of softmax cross-entropy on dense arrays, shared by the {@code F} op and by the
 * compiled training step of {@code dev.kairo.train.TrainStep}, so both give the same bits.
 * Labels are trusted here: the callers check them once.
 *
 * <pre>{@code
 * double[] lse = ActivationKernels.softmaxRows(logits, n, c, probs);
 * float mean = (float) (LossKernels.crossEntropySum(lse, logits, labels, n, c) / n);
 * LossKernels.crossEntropyGradient(probs, labels, n, c, 1f / n, grad);   // (p − onehot) / n
 * }</pre>
 */
public final class LossKernels {
  private LossKernels() {}

  /**
   * Checks that there is one label per row and each is a class index in {@code [0, c)}.
   *
   * @throws IllegalArgumentException naming {@code op}, the logits' shape and the first bad row
   */
  public static void checkLabels(String op, int[] labels, int n, int c, int[] logitsShape) {
    if (labels.length != n) {
      throw new IllegalArgumentException(op + ": " + labels.length + " labels for " + n
          + " rows of logits " + Shape.str(logitsShape));
    }
    for (int i = 0; i < n; i++) {
      if (labels[i] < 0 || labels[i] >= c) {
        throw new IllegalArgumentException(op + ": label " + labels[i] + " at row " + i
            + " is out of range for " + c + " classes");
      }
    }
  }

  /**
   * {@code Σ_i (lse_i − logits[i, label_i])}, the summed cross-entropy of {@code n} rows of
   * {@code c} logits given each row's log-sum-exp. Four running sums in double, so that the
   * adds are not one chain of n dependent steps (on seed 003's 200 rows that chain was 4% of
   * a training step); in double the order does not show in a float result.
   */
  public static double crossEntropySum(double[] lse, float[] logits, int[] labels, int n,
      int c) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      s0 += lse[i] - logits[i * c + labels[i]];
      s1 += lse[i + 1] - logits[(i + 1) * c + labels[i + 1]];
      s2 += lse[i + 2] - logits[(i + 2) * c + labels[i + 2]];
      s3 += lse[i + 3] - logits[(i + 3) * c + labels[i + 3]];
    }
    for (; i < n; i++) {
      s0 += lse[i] - logits[i * c + labels[i]];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * {@code out = (probs − onehot(labels))·scale}: the gradient of a cross-entropy scaled by
   * {@code scale} with respect to the logits. One flat pass, then the labels: with two
   * classes a row-by-row inner loop of two was mostly loop overhead (seed 003's network).
   */
  public static void crossEntropyGradient(float[] probs, int[] labels, int n, int c,
      float scale, float[] out) {
    for (int k = 0; k < n * c; k++) {
      out[k] = probs[k] * scale;
    }
    for (int i = 0; i < n; i++) {
      out[i * c + labels[i]] -= scale;
    }
  }
}

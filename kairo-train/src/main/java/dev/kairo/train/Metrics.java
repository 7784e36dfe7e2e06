package dev.kairo.train;

import dev.kairo.tensor.Tensor;

/**
 * Evaluation measures: accuracy, precision/recall/F1, MSE and R². Classification metrics take
 * predicted and true class indices; {@link ConfusionMatrix} holds the full table.
 *
 * <pre>{@code
 * int[] pred = Metrics.argmax(logits);
 * double acc = Metrics.accuracy(pred, labels);
 * }</pre>
 */
public final class Metrics {
  private Metrics() {}

  /** The index of the largest value of each row of [N, C]. */
  public static int[] argmax(Tensor scores) {
    if (scores.rank() != 2) {
      throw new IllegalArgumentException("argmax: expected scores [N, C], got "
          + java.util.Arrays.toString(scores.shape()));
    }
    float[] a = scores.argmax(1).toArray();
    int[] out = new int[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (int) a[i];
    }
    return out;
  }

  /** The fraction of equal entries. */
  public static double accuracy(int[] predicted, int[] truth) {
    sameLength("accuracy", predicted.length, truth.length);
    if (truth.length == 0) {
      return Double.NaN;
    }
    int hit = 0;
    for (int i = 0; i < truth.length; i++) {
      if (predicted[i] == truth[i]) {
        hit++;
      }
    }
    return (double) hit / truth.length;
  }

  /** Mean squared error between two tensors of the same shape. */
  public static double mse(Tensor predicted, Tensor truth) {
    float[] p = predicted.toArray();
    float[] t = truth.toArray();
    sameLength("mse", p.length, t.length);
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      double d = p[i] - t[i];
      s += d * d;
    }
    return s / p.length;
  }

  /** Coefficient of determination R² = 1 − SS_res / SS_tot (over all elements). */
  public static double r2(Tensor predicted, Tensor truth) {
    float[] p = predicted.toArray();
    float[] t = truth.toArray();
    sameLength("r2", p.length, t.length);
    double mean = 0;
    for (float v : t) {
      mean += v;
    }
    mean /= t.length;
    double res = 0;
    double tot = 0;
    for (int i = 0; i < p.length; i++) {
      res += (t[i] - p[i]) * (double) (t[i] - p[i]);
      tot += (t[i] - mean) * (t[i] - mean);
    }
    return tot == 0 ? (res == 0 ? 1 : Double.NEGATIVE_INFINITY) : 1 - res / tot;
  }

  static void sameLength(String what, int a, int b) {
    if (a != b) {
      throw new IllegalArgumentException(what + ": " + a + " predictions for " + b + " targets");
    }
  }
}

package dev.kairo.models;

import dev.kairo.tensor.Shape;
import dev.kairo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Rosenblatt's perceptron (1958): a single threshold unit {@code y = step(w·x + b)} trained by
 * the perceptron rule, no gradients involved: for each misclassified sample,
 * {@code w ← w + η(t − y)x}, {@code b ← b + η(t − y)}.
 *
 * <p>On linearly separable data the rule stops after finitely many mistakes (Novikoff's bound
 * {@code (R/γ)²}, the convergence proof seed 000 credits to Minsky); on XOR it never stops,
 * because no hyperplane separates the classes. {@link #train} records the mistakes per epoch so
 * both can be shown.
 *
 * <pre>{@code
 * Perceptron p = new Perceptron(2, 1.0);
 * Perceptron.Result r = p.train(x, labels, 100);   // labels 0/1
 * r.converged();                                   // true on separable data
 * }</pre>
 */
public final class Perceptron {
  private final float[] w;
  private float b;
  private final float eta;

  /** A perceptron with {@code inputs} weights, all starting at 0, and learning rate η > 0. */
  public Perceptron(int inputs, double eta) {
    if (inputs < 1) {
      throw new IllegalArgumentException("Perceptron: inputs must be >= 1, got " + inputs);
    }
    if (!(eta > 0)) {
      throw new IllegalArgumentException("Perceptron: learning rate must be positive, got " + eta);
    }
    this.w = new float[inputs];
    this.eta = (float) eta;
  }

  /** What training did: mistakes in each epoch, and whether an epoch had none. */
  public record Result(List<Integer> mistakesPerEpoch, boolean converged, int totalMistakes) {}

  /**
   * Trains in passes over the samples in order until a pass makes no mistake or
   * {@code maxEpochs} passes are done.
   *
   * @param x samples [N, inputs]
   * @param labels N labels, each 0 or 1
   */
  public Result train(Tensor x, int[] labels, int maxEpochs) {
    check(x);
    if (labels.length != x.size(0)) {
      throw new IllegalArgumentException("Perceptron.train: " + labels.length + " labels for "
          + x.size(0) + " samples");
    }
    float[] d = x.toArray();
    int n = labels.length;
    int k = w.length;
    List<Integer> perEpoch = new ArrayList<>();
    int total = 0;
    for (int epoch = 0; epoch < maxEpochs; epoch++) {
      int mistakes = 0;
      for (int i = 0; i < n; i++) {
        if (labels[i] != 0 && labels[i] != 1) {
          throw new IllegalArgumentException("Perceptron.train: label " + labels[i] + " at row "
              + i + " is not 0 or 1");
        }
        int y = predictRow(d, i * k);
        int err = labels[i] - y;
        if (err != 0) {
          mistakes++;
          for (int j = 0; j < k; j++) {
            w[j] += eta * err * d[i * k + j];
          }
          b += eta * err;
        }
      }
      perEpoch.add(mistakes);
      total += mistakes;
      if (mistakes == 0) {
        return new Result(perEpoch, true, total);
      }
    }
    return new Result(perEpoch, false, total);
  }

  /** Predicted labels (0 or 1) for samples [N, inputs]. */
  public int[] predict(Tensor x) {
    check(x);
    float[] d = x.toArray();
    int[] out = new int[x.size(0)];
    for (int i = 0; i < out.length; i++) {
      out[i] = predictRow(d, i * w.length);
    }
    return out;
  }

  private int predictRow(float[] d, int at) {
    double s = b;
    for (int j = 0; j < w.length; j++) {
      s += w[j] * d[at + j];
    }
    return s > 0 ? 1 : 0;
  }

  private void check(Tensor x) {
    if (x.rank() != 2 || x.size(1) != w.length) {
      throw new IllegalArgumentException("Perceptron: samples must be [N, " + w.length + "], got "
          + Shape.str(x.shape()));
    }
  }

  /** The weights (a copy). */
  public float[] weights() {
    return w.clone();
  }

  /** The bias. */
  public float bias() {
    return b;
  }

  /**
   * Novikoff's bound on the number of mistakes, {@code (R/γ)²}, for data separated by the unit
   * normal {@code u} (with bias folded in as an input of 1): R is the largest sample norm and γ
   * the smallest margin. Returns infinity when {@code u} does not separate the data.
   */
  public static double novikoffBound(Tensor x, int[] labels, float[] u, float ub) {
    float[] d = x.toArray();
    int k = u.length;
    double norm = ub * ub;
    for (float v : u) {
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    double r = 0;
    double gamma = Double.POSITIVE_INFINITY;
    for (int i = 0; i < labels.length; i++) {
      double s = ub;
      double sq = 1;
      for (int j = 0; j < k; j++) {
        s += u[j] * d[i * k + j];
        sq += d[i * k + j] * d[i * k + j];
      }
      double margin = (labels[i] == 1 ? s : -s) / norm;
      gamma = Math.min(gamma, margin);
      r = Math.max(r, Math.sqrt(sq));
    }
    return gamma <= 0 ? Double.POSITIVE_INFINITY : (r / gamma) * (r / gamma);
  }
}

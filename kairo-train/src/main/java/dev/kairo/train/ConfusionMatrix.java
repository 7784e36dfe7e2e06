package dev.kairo.train;

/**
 * Counts of (true class, predicted class) pairs, with per-class precision, recall and F1 and
 * their macro averages.
 *
 * <pre>{@code
 * ConfusionMatrix cm = ConfusionMatrix.of(predicted, labels, 10);
 * System.out.println(cm);        // the table, rows = true class
 * cm.macroF1();
 * }</pre>
 */
public final class ConfusionMatrix {
  private final long[][] counts;

  private ConfusionMatrix(long[][] counts) {
    this.counts = counts;
  }

  /** Builds the matrix from predicted and true classes in [0, classes). */
  public static ConfusionMatrix of(int[] predicted, int[] truth, int classes) {
    Metrics.sameLength("confusion matrix", predicted.length, truth.length);
    long[][] c = new long[classes][classes];
    for (int i = 0; i < truth.length; i++) {
      if (truth[i] < 0 || truth[i] >= classes || predicted[i] < 0 || predicted[i] >= classes) {
        throw new IllegalArgumentException("confusion matrix: pair " + i + " (true " + truth[i]
            + ", predicted " + predicted[i] + ") is outside [0, " + classes + ")");
      }
      c[truth[i]][predicted[i]]++;
    }
    return new ConfusionMatrix(c);
  }

  /** The number of classes. */
  public int classes() {
    return counts.length;
  }

  /** Samples of class {@code truth} predicted as {@code predicted}. */
  public long count(int truth, int predicted) {
    return counts[truth][predicted];
  }

  /** Of the samples predicted as class c, the fraction that are c (NaN if none predicted). */
  public double precision(int c) {
    long col = 0;
    for (long[] row : counts) {
      col += row[c];
    }
    return col == 0 ? Double.NaN : (double) counts[c][c] / col;
  }

  /** Of the samples of class c, the fraction predicted as c (NaN if none). */
  public double recall(int c) {
    long row = 0;
    for (long v : counts[c]) {
      row += v;
    }
    return row == 0 ? Double.NaN : (double) counts[c][c] / row;
  }

  /** Harmonic mean of precision and recall of class c (0 when both are 0). */
  public double f1(int c) {
    double p = precision(c);
    double r = recall(c);
    if (Double.isNaN(p) || Double.isNaN(r)) {
      return Double.NaN;
    }
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Unweighted mean of the per-class F1 scores, skipping undefined ones. */
  public double macroF1() {
    double s = 0;
    int n = 0;
    for (int c = 0; c < counts.length; c++) {
      double f = f1(c);
      if (!Double.isNaN(f)) {
        s += f;
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }

  /** The overall accuracy. */
  public double accuracy() {
    long hit = 0;
    long all = 0;
    for (int i = 0; i < counts.length; i++) {
      for (int j = 0; j < counts.length; j++) {
        all += counts[i][j];
        if (i == j) {
          hit += counts[i][j];
        }
      }
    }
    return all == 0 ? Double.NaN : (double) hit / all;
  }

  /** The table (rows: true class, columns: predicted) followed by per-class scores. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("true\\pred");
    int w = 7;
    for (int j = 0; j < counts.length; j++) {
      s.append(String.format("%" + w + "d", j));
    }
    s.append(String.format("%11s%9s%8s%n", "precision", "recall", "f1"));
    for (int i = 0; i < counts.length; i++) {
      s.append(String.format("%9d", i));
      for (long v : counts[i]) {
        s.append(String.format("%" + w + "d", v));
      }
      s.append(String.format("%11.3f%9.3f%8.3f%n", precision(i), recall(i), f1(i)));
    }
    return s.append(String.format("accuracy %.4f, macro F1 %.4f", accuracy(), macroF1())).toString();
  }
}

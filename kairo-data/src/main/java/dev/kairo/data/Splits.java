package dev.kairo.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Train / validation / test splits by fraction, shuffled with a seed, optionally stratified
 * so that every part keeps the class proportions of the whole.
 *
 * <pre>{@code
 * Splits.Split s = Splits.trainTest(moons, 0.3, 42);               // 70 % train, 30 % test
 * Splits.Split t = Splits.builder().validation(0.1).test(0.2).seed(7).stratified(true)
 *     .split(moons);
 * TensorDataset train = t.train();
 * }</pre>
 *
 * <p>Part sizes: {@code test = ceil(testFraction * N)}, {@code validation =
 * ceil(validationFraction * N)}, train the rest (scikit-learn rounds the held-out part up
 * too). Stratified splits give each class its share of every part to within one sample and
 * still hit those totals exactly. Each part is shuffled; the same seed gives the same parts.
 */
public final class Splits {
  private Splits() {}

  /**
   * The three parts; validation or test may be empty (size 0).
   *
   * <pre>{@code
   * Splits.Split s = Splits.trainTest(ds, 0.2, 0);
   * Standardizer z = Standardizer.fit(s.train().features());
   * }</pre>
   *
   * @param train the samples to fit on
   * @param validation the samples to choose hyperparameters and stop early on
   * @param test the samples to report the final score on
   */
  public record Split(TensorDataset train, TensorDataset validation, TensorDataset test) {}

  /** A shuffled split into train and test (validation empty). */
  public static Split trainTest(TensorDataset ds, double testFraction, long seed) {
    return builder().test(testFraction).seed(seed).split(ds);
  }

  /** A shuffled split into train and test that keeps the class proportions (class targets only). */
  public static Split stratifiedTrainTest(TensorDataset ds, double testFraction, long seed) {
    return builder().test(testFraction).seed(seed).stratified(true).split(ds);
  }

  /** A builder: no validation, no test, seed 0, not stratified. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The sample indices of each part, {@code {train, validation, test}}: the same split as
   * {@link Builder#split}, for datasets that are not {@link TensorDataset}s.
   *
   * @param labels the class of each sample for a stratified split, or null for a plain one
   */
  public static int[][] indices(int n, int[] labels, double validationFraction,
      double testFraction, long seed) {
    checkFractions(validationFraction, testFraction);
    int nTest = ceilCount(testFraction, n);
    int nVal = ceilCount(validationFraction, n);
    if (nTest + nVal > n) {
      throw new IllegalArgumentException("Splits: validation " + validationFraction + " and test "
          + testFraction + " of " + n + " samples need " + (nVal + nTest) + " samples");
    }
    SplittableRandom rng = new SplittableRandom(seed);
    int[] order = labels == null ? permutation(n, rng) : stratifiedOrder(labels, n, rng);
    int[] test = Arrays.copyOfRange(order, 0, nTest);
    int[] val = Arrays.copyOfRange(order, nTest, nTest + nVal);
    int[] train = Arrays.copyOfRange(order, nTest + nVal, n);
    // Stratified order interleaves classes in a pattern; shuffling each part hides it.
    shuffle(train, rng);
    shuffle(val, rng);
    shuffle(test, rng);
    return new int[][] {train, val, test};
  }

  /**
   * Orders samples so that every prefix holds each class in proportion: class {@code c}'s
   * {@code i}-th (shuffled) sample sits at position {@code (i + 0.5) / count(c)} on a common
   * scale, and the samples are sorted by that position (ties by class).
   */
  private static int[] stratifiedOrder(int[] labels, int n, SplittableRandom rng) {
    if (labels.length != n) {
      throw new IllegalArgumentException("Splits: " + labels.length + " labels for " + n + " samples");
    }
    int classes = 0;
    for (int i = 0; i < n; i++) {
      if (labels[i] < 0) {
        throw new IllegalArgumentException("Splits: label of sample " + i + " is " + labels[i]);
      }
      classes = Math.max(classes, labels[i] + 1);
    }
    int[][] byClass = new int[classes][];
    int[] counts = new int[classes];
    for (int l : labels) {
      counts[l]++;
    }
    for (int c = 0; c < classes; c++) {
      byClass[c] = new int[counts[c]];
    }
    int[] fill = new int[classes];
    for (int i = 0; i < n; i++) {
      byClass[labels[i]][fill[labels[i]]++] = i;
    }
    long[] keyed = new long[n];
    double[] pos = new double[n];
    int k = 0;
    for (int c = 0; c < classes; c++) {
      shuffle(byClass[c], rng);
      for (int i = 0; i < counts[c]; i++, k++) {
        pos[k] = (i + 0.5) / counts[c];
        keyed[k] = ((long) c << 32) | byClass[c][i];
      }
    }
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> pos[a] != pos[b] ? Double.compare(pos[a], pos[b])
        : Long.compare(keyed[a], keyed[b]));
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = (int) keyed[idx[i]];
    }
    return out;
  }

  // 0.3 * 200 is 60.00000000000001 in double; a plain ceil would hold out 61 samples.
  private static int ceilCount(double fraction, int n) {
    return (int) Math.ceil(fraction * n - 1e-9);
  }

  private static int[] permutation(int n, SplittableRandom rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    shuffle(p, rng);
    return p;
  }

  private static void shuffle(int[] p, SplittableRandom rng) {
    for (int i = p.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
  }

  private static void checkFractions(double validation, double test) {
    if (!(validation >= 0 && validation < 1) || !(test >= 0 && test < 1)
        || !(validation + test < 1)) {
      throw new IllegalArgumentException("Splits: validation (" + validation + ") and test ("
          + test + ") fractions must each be in [0, 1) and leave some samples for training");
    }
  }

  /**
   * Split options.
   *
   * <pre>{@code
   * Splits.Split s = Splits.builder().validation(0.15).test(0.15).seed(1).split(ds);
   * }</pre>
   */
  public static final class Builder {
    private double validation;
    private double test;
    private long seed;
    private boolean stratified;

    private Builder() {}

    /** The fraction of samples for validation, in {@code [0, 1)}. */
    public Builder validation(double fraction) {
      this.validation = fraction;
      return this;
    }

    /** The fraction of samples for the test part, in {@code [0, 1)}. */
    public Builder test(double fraction) {
      this.test = fraction;
      return this;
    }

    /** The seed of the shuffle. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Keep class proportions in every part (the dataset must have class targets). */
    public Builder stratified(boolean stratified) {
      this.stratified = stratified;
      return this;
    }

    /** Splits {@code ds} into three new datasets (copies; the class count is kept). */
    public Split split(TensorDataset ds) {
      if (stratified && !ds.hasClassTargets()) {
        throw new IllegalArgumentException("Splits: a stratified split needs class targets, but "
            + ds + " has targets of shape " + Arrays.toString(ds.targets().shape()));
      }
      int[][] parts = indices(ds.size(), stratified ? ds.labels() : null, validation, test, seed);
      return new Split(ds.subset(parts[0]), ds.subset(parts[1]), ds.subset(parts[2]));
    }
  }
}

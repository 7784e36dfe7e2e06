package dev.kairo.data.generate;

import dev.kairo.data.NumpyRandomState;
import dev.kairo.data.TensorDataset;
import dev.kairo.tensor.Tensor;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * Seeded toy datasets, the ones the seeds' experiments and every tutorial use.
 *
 * <pre>{@code
 * TensorDataset moons = Generators.makeMoons(200, 0.20, 0);   // == sklearn's make_moons(200, noise=0.2, random_state=0)
 * TensorDataset spiral = Generators.spirals(300, 3, 0.2, 0);  // CS231n's three arms
 * TensorDataset quad = Generators.quadratic64();             // seed 000: y = 2x^2 - 1 on [-1, 1)
 * }</pre>
 *
 * <p>{@link #makeMoons}, {@link #makeCircles} and {@link #makeBlobs} reproduce scikit-learn
 * 1.x exactly (the same points, in the same order, for the same seed, rounded to float32);
 * like NumPy, they take seeds in {@code [0, 2^32 - 1]}. {@link #spirals} draws from the same
 * NumPy stream, so it equals CS231n's recipe after {@code np.random.seed(seed)}. The others
 * are only statistically what they say, seeded with a {@link SplittableRandom}. Class targets
 * are {@code [N]} class indices; regression targets are {@code [N, 1]}.
 */
public final class Generators {
  private Generators() {}

  /**
   * Two interleaving half circles: scikit-learn's {@code make_moons(n, noise=noise,
   * random_state=seed)} value for value. Features {@code [n, 2]}, labels 0 (upper moon) and 1.
   */
  public static TensorDataset makeMoons(int n, double noise, long seed) {
    return SklearnSamples.moons(n, noise, seed);
  }

  /**
   * A small circle inside a large one: scikit-learn's {@code make_circles(n, noise=noise,
   * factor=factor, random_state=seed)}. Label 0 is the outer circle (radius 1), 1 the inner
   * (radius {@code factor}, in {@code [0, 1)}).
   */
  public static TensorDataset makeCircles(int n, double noise, double factor, long seed) {
    return SklearnSamples.circles(n, noise, factor, seed);
  }

  /**
   * Gaussian blobs around the given centers: scikit-learn's {@code make_blobs(n,
   * centers=centers, cluster_std=std, random_state=seed)}. Label {@code c} is center {@code c};
   * the first {@code n % centers} centers get one extra point.
   */
  public static TensorDataset makeBlobs(int n, double[][] centers, double std, long seed) {
    return SklearnSamples.blobs(n, centers, std, new NumpyRandomState(seed));
  }

  /** {@link #makeBlobs(int, double[][], double, long)} with float centers (widened exactly to double). */
  public static TensorDataset makeBlobs(int n, float[][] centers, double std, long seed) {
    double[][] c = new double[centers.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = new double[centers[i].length];
      for (int j = 0; j < c[i].length; j++) {
        c[i][j] = centers[i][j];
      }
    }
    return makeBlobs(n, c, std, seed);
  }

  /**
   * {@code centers} blobs whose centers are drawn uniformly from the box {@code [low, high)} in
   * every coordinate: scikit-learn's {@code make_blobs(n, n_features=features, centers=centers,
   * cluster_std=std, center_box=(low, high), random_state=seed)}.
   */
  public static TensorDataset makeBlobs(int n, int centers, int features, double std,
      double low, double high, long seed) {
    NumpyRandomState rs = new NumpyRandomState(seed);
    double[][] c = SklearnSamples.boxCenters(centers, features, low, high, rs);
    return SklearnSamples.blobs(n, c, std, rs);
  }

  /** {@link #makeBlobs(int, int, int, double, double, double, long)} with scikit-learn's box {@code (-10, 10)}. */
  public static TensorDataset makeBlobs(int n, int centers, int features, double std, long seed) {
    return makeBlobs(n, centers, features, std, -10.0, 10.0, seed);
  }

  /**
   * CS231n's spiral: {@code classes} arms, each with radius running 0 to 1 while the angle
   * runs over 4 radians plus Gaussian noise of standard deviation {@code noise} (CS231n uses
   * 0.2). Points are in class order, not shuffled (a {@code DataLoader} shuffles); with
   * {@code n} a multiple of {@code classes} this is CS231n's code after
   * {@code np.random.seed(seed)}, value for value.
   *
   * @param n points in all; the first {@code n % classes} arms get one extra
   */
  public static TensorDataset spirals(int n, int classes, double noise, long seed) {
    SklearnSamples.checkCount("spirals", n);
    SklearnSamples.checkNoise("spirals", noise);
    if (classes < 1) {
      throw new IllegalArgumentException("spirals: classes must be >= 1, got " + classes);
    }
    NumpyRandomState rs = new NumpyRandomState(seed);
    double[] x = new double[2 * n];
    int[] y = new int[n];
    int row = 0;
    for (int j = 0; j < classes; j++) {
      int count = n / classes + (j < n % classes ? 1 : 0);
      double[] r = SklearnSamples.linspace(0.0, 1, count, true);
      double[] t = SklearnSamples.linspace(j * 4, (j + 1) * 4, count, true);
      for (int i = 0; i < count; i++, row++) {
        double theta = t[i] + rs.standardNormal() * noise;
        x[2 * row] = r[i] * StrictMath.sin(theta);
        x[2 * row + 1] = r[i] * StrictMath.cos(theta);
        y[row] = j;
      }
    }
    return SklearnSamples.dataset(x, y, n, 2, classes);
  }

  /**
   * XOR as four Gaussian clusters centred on {@code (±1, ±1)} with standard deviation
   * {@code noise}; the label is the XOR of the centre's signs (1 when they differ), so a
   * linear model cannot separate it (Minsky's example). Shuffled.
   */
  public static TensorDataset xor(int n, double noise, long seed) {
    SklearnSamples.checkCount("xor", n);
    SklearnSamples.checkNoise("xor", noise);
    SplittableRandom rng = new SplittableRandom(seed);
    int[] order = shuffled(n, rng);
    float[] x = new float[2 * n];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      int cluster = order[i] % 4;  // a shuffled round robin: cluster sizes differ by at most one
      double cx = (cluster & 1) == 0 ? 1 : -1;
      double cy = (cluster & 2) == 0 ? 1 : -1;
      x[2 * i] = (float) (cx + noise * rng.nextGaussian());
      x[2 * i + 1] = (float) (cy + noise * rng.nextGaussian());
      y[i] = cx * cy < 0 ? 1 : 0;
    }
    return new TensorDataset(Tensor.of(x, n, 2), Tensor.of(y, n), 2);
  }

  /** The XOR truth table: inputs {@code (0,0), (0,1), (1,0), (1,1)}, labels {@code 0, 1, 1, 0}. */
  public static TensorDataset xorTruthTable() {
    return new TensorDataset(Tensor.of(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2),
        Tensor.of(new float[] {0, 1, 1, 0}, 4), 2);
  }

  /**
   * Samples {@code y = f(x)} at the given points, evaluated in double: features and targets
   * both {@code [N, 1]}.
   *
   * @param x the points, {@code [N]} or {@code [N, 1]}
   */
  public static TensorDataset regression1d(DoubleUnaryOperator f, Tensor x) {
    if (!(x.rank() == 1 || (x.rank() == 2 && x.size(1) == 1))) {
      throw new IllegalArgumentException("regression1d: x must be [N] or [N, 1], got "
          + java.util.Arrays.toString(x.shape()));
    }
    float[] xs = x.toArray();
    double[] xd = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      xd[i] = xs[i];
    }
    return regression1d(f, xd);
  }

  /**
   * Samples {@code y = f(x)} at NumPy's {@code arange(start, end, step)}, computing x and y in
   * double before rounding to float32, as a NumPy script does.
   */
  public static TensorDataset regression1d(DoubleUnaryOperator f, double start, double end,
      double step) {
    return regression1d(f, arange(start, end, step));
  }

  /**
   * Seed 000's regression set: {@code x = np.arange(-1, 1, 2 / 64)} (64 points) and
   * {@code y = 2x^2 - 1}, both {@code [64, 1]}.
   */
  public static TensorDataset quadratic64() {
    return regression1d(v -> 2 * (v * v) - 1, -1, 1, 2.0 / 64);
  }

  /**
   * {@link #sineSequences(int, int, double, double, long)} with a period of 20 steps and noise 0.05.
   */
  public static TensorDataset sineSequences(int count, int length, long seed) {
    return sineSequences(count, length, 20, 0.05, seed);
  }

  /**
   * Windows of one noisy sine wave {@code s[t] = sin(2 pi t / period + phase) + noise * N(0, 1)}
   * (random phase): window {@code i} is {@code s[i .. i + length)} as inputs
   * {@code [count, length, 1]} (batch-first, one feature per step), and its target is the next
   * value {@code s[i + length]}, {@code [count, 1]}.
   */
  public static TensorDataset sineSequences(int count, int length, double period, double noise,
      long seed) {
    if (count < 0 || length < 1) {
      throw new IllegalArgumentException("sineSequences: need count >= 0 and length >= 1, got count "
          + count + ", length " + length);
    }
    if (!(period > 0) || Double.isInfinite(period)) {
      throw new IllegalArgumentException("sineSequences: period must be finite and > 0, got " + period);
    }
    SklearnSamples.checkNoise("sineSequences", noise);
    SplittableRandom rng = new SplittableRandom(seed);
    double phase = 2 * Math.PI * rng.nextDouble();
    float[] s = new float[count + length];
    for (int t = 0; t < s.length; t++) {
      s[t] = (float) (StrictMath.sin(2 * Math.PI * t / period + phase) + noise * rng.nextGaussian());
    }
    float[] in = new float[count * length];
    float[] next = new float[count];
    for (int i = 0; i < count; i++) {
      System.arraycopy(s, i, in, i * length, length);
      next[i] = s[i + length];
    }
    return new TensorDataset(Tensor.of(in, count, length, 1), Tensor.of(next, count, 1));
  }

  /**
   * NumPy's {@code arange} in double: {@code ceil((end - start) / step)} values
   * {@code start + i * delta}, where {@code delta = (start + step) - start} as NumPy takes it.
   */
  public static double[] arange(double start, double end, double step) {
    if (step == 0 || Double.isNaN(step) || Double.isNaN(start) || Double.isNaN(end)) {
      throw new IllegalArgumentException("arange: need a non-zero step and finite bounds, got ("
          + start + ", " + end + ", " + step + ")");
    }
    long n = (long) Math.max(0, Math.ceil((end - start) / step));
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("arange(" + start + ", " + end + ", " + step + ") has "
          + n + " values, too many for one array");
    }
    double[] v = new double[(int) n];
    double delta = (start + step) - start;
    for (int i = 0; i < n; i++) {
      v[i] = i == 1 ? start + step : start + i * delta;
    }
    return v;
  }

  private static TensorDataset regression1d(DoubleUnaryOperator f, double[] x) {
    int n = x.length;
    float[] xf = new float[n];
    float[] yf = new float[n];
    for (int i = 0; i < n; i++) {
      xf[i] = (float) x[i];
      yf[i] = (float) f.applyAsDouble(x[i]);
    }
    return new TensorDataset(Tensor.of(xf, n, 1), Tensor.of(yf, n, 1));
  }

  private static int[] shuffled(int n, SplittableRandom rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}

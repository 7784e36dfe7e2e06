package dev.kairo.data.generate;

import dev.kairo.data.NumpyRandomState;
import dev.kairo.data.TensorDataset;
import dev.kairo.tensor.Tensor;

/**
 * scikit-learn's {@code make_moons}, {@code make_circles} and {@code make_blobs}, step for
 * step: every value is computed in double in the order NumPy computes it, from the same
 * {@link NumpyRandomState} stream, and only then rounded to float32. Reference values and the
 * script that made them: {@code src/test/resources/golden/}.
 */
final class SklearnSamples {
  private SklearnSamples() {}

  static TensorDataset moons(int n, double noise, long seed) {
    checkCount("makeMoons", n);
    checkNoise("makeMoons", noise);
    NumpyRandomState rs = new NumpyRandomState(seed);
    int nOut = n / 2;
    int nIn = n - nOut;
    double[] x = new double[2 * n];
    double[] outer = linspace(0, Math.PI, nOut, true);
    double[] inner = linspace(0, Math.PI, nIn, true);
    for (int i = 0; i < nOut; i++) {
      x[2 * i] = StrictMath.cos(outer[i]);
      x[2 * i + 1] = StrictMath.sin(outer[i]);
    }
    for (int i = 0; i < nIn; i++) {
      int r = nOut + i;
      x[2 * r] = 1 - StrictMath.cos(inner[i]);
      x[2 * r + 1] = 1 - StrictMath.sin(inner[i]) - 0.5;
    }
    return shuffleAddNoise(x, twoClasses(nOut, nIn), 2, noise, rs);
  }

  static TensorDataset circles(int n, double noise, double factor, long seed) {
    checkCount("makeCircles", n);
    checkNoise("makeCircles", noise);
    if (!(factor >= 0 && factor < 1)) {
      throw new IllegalArgumentException("makeCircles: factor (inner radius / outer radius) must be"
          + " in [0, 1), got " + factor);
    }
    NumpyRandomState rs = new NumpyRandomState(seed);
    int nOut = n / 2;
    int nIn = n - nOut;
    double[] x = new double[2 * n];
    double[] outer = linspace(0, 2 * Math.PI, nOut, false);
    double[] inner = linspace(0, 2 * Math.PI, nIn, false);
    for (int i = 0; i < nOut; i++) {
      x[2 * i] = StrictMath.cos(outer[i]);
      x[2 * i + 1] = StrictMath.sin(outer[i]);
    }
    for (int i = 0; i < nIn; i++) {
      int r = nOut + i;
      x[2 * r] = StrictMath.cos(inner[i]) * factor;
      x[2 * r + 1] = StrictMath.sin(inner[i]) * factor;
    }
    return shuffleAddNoise(x, twoClasses(nOut, nIn), 2, noise, rs);
  }

  static TensorDataset blobs(int n, double[][] centers, double std, NumpyRandomState rs) {
    checkCount("makeBlobs", n);
    if (!(std >= 0) || Double.isInfinite(std)) {
      throw new IllegalArgumentException("makeBlobs: std must be finite and >= 0, got " + std);
    }
    int k = centers.length;
    if (k == 0) {
      throw new IllegalArgumentException("makeBlobs: need at least one center");
    }
    int f = centers[0].length;
    for (int c = 0; c < k; c++) {
      if (centers[c].length != f) {
        throw new IllegalArgumentException("makeBlobs: center " + c + " has " + centers[c].length
            + " coordinates, center 0 has " + f);
      }
    }
    double[] x = new double[n * f];
    int[] y = new int[n];
    int row = 0;
    for (int c = 0; c < k; c++) {
      int count = n / k + (c < n % k ? 1 : 0);
      for (int i = 0; i < count; i++, row++) {
        y[row] = c;
        for (int j = 0; j < f; j++) {
          x[row * f + j] = rs.normal(centers[c][j], std);
        }
      }
    }
    int[] perm = rs.permutation(n);
    return dataset(gatherRows(x, f, perm), gather(y, perm), n, f, k);
  }

  static double[][] boxCenters(int count, int features, double low, double high,
      NumpyRandomState rs) {
    if (count < 1 || features < 1) {
      throw new IllegalArgumentException("makeBlobs: need at least one center and one feature, got "
          + count + " centers of " + features + " features");
    }
    if (!(low <= high)) {
      throw new IllegalArgumentException("makeBlobs: center box [" + low + ", " + high
          + "] is empty");
    }
    double[][] c = new double[count][features];
    for (int i = 0; i < count; i++) {
      for (int j = 0; j < features; j++) {
        c[i][j] = rs.uniform(low, high);
      }
    }
    return c;
  }

  /** NumPy's {@code linspace}: {@code i * step + start}, with the end written exactly when included. */
  static double[] linspace(double start, double stop, int num, boolean endpoint) {
    double[] y = new double[num];
    int div = endpoint ? num - 1 : num;
    if (div <= 0) {
      if (num == 1) {
        y[0] = start;
      }
      return y;
    }
    double step = (stop - start) / div;
    for (int i = 0; i < num; i++) {
      y[i] = i * step + start;
    }
    if (endpoint && num > 1) {
      y[num - 1] = stop;
    }
    return y;
  }

  // sklearn.utils.shuffle(X, y) takes rs.shuffle(arange(n)), then X += rs.normal(0, noise, X.shape).
  private static TensorDataset shuffleAddNoise(double[] x, int[] y, int f, double noise,
      NumpyRandomState rs) {
    int n = y.length;
    int[] perm = rs.permutation(n);
    double[] xs = gatherRows(x, f, perm);
    for (int i = 0; i < xs.length; i++) {
      xs[i] += rs.normal(0.0, noise);
    }
    return dataset(xs, gather(y, perm), n, f, 2);
  }

  private static int[] twoClasses(int zeros, int ones) {
    int[] y = new int[zeros + ones];
    for (int i = zeros; i < y.length; i++) {
      y[i] = 1;
    }
    return y;
  }

  private static double[] gatherRows(double[] x, int f, int[] perm) {
    double[] out = new double[x.length];
    for (int i = 0; i < perm.length; i++) {
      System.arraycopy(x, perm[i] * f, out, i * f, f);
    }
    return out;
  }

  private static int[] gather(int[] y, int[] perm) {
    int[] out = new int[y.length];
    for (int i = 0; i < perm.length; i++) {
      out[i] = y[perm[i]];
    }
    return out;
  }

  static TensorDataset dataset(double[] x, int[] y, int n, int f, int classes) {
    float[] xf = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      xf[i] = (float) x[i];
    }
    float[] yf = new float[n];
    for (int i = 0; i < n; i++) {
      yf[i] = y[i];
    }
    return new TensorDataset(Tensor.of(xf, n, f), Tensor.of(yf, n), classes);
  }

  static void checkCount(String op, int n) {
    if (n < 0) {
      throw new IllegalArgumentException(op + ": n (the number of samples) must be >= 0, got " + n);
    }
  }

  static void checkNoise(String op, double noise) {
    if (!(noise >= 0) || Double.isInfinite(noise)) {
      throw new IllegalArgumentException(op + ": noise (a standard deviation) must be finite and"
          + " >= 0, got " + noise);
    }
  }
}

package dev.kairo.data.transform;

import dev.kairo.tensor.Tensor;
import java.util.Arrays;

/**
 * Per-feature standardization {@code (x - mean) / std}, with the mean and (population)
 * standard deviation of the training set: scikit-learn's {@code StandardScaler}. A feature
 * that is constant in training has std 0; it is divided by 1 instead, so it maps to 0 rather
 * than to NaN.
 *
 * <pre>{@code
 * Standardizer s = Standardizer.fit(train.features());    // statistics of the training set
 * Tensor xTrain = s.transform(train.features());           // mean 0, std 1 per feature
 * Tensor xNew = s.transform(Tensor.matrix(new float[][] {{1.5f, 0.2f}}));
 * Standardizer restored = Standardizer.of(s.mean(), s.std());   // e.g. loaded from a file
 * }</pre>
 *
 * <p>Features may have any per-sample shape ({@code [N, 2]}, {@code [N, 28, 28]}, ...): each
 * position is a feature of its own. Statistics are accumulated in double. Immutable and safe
 * to share between threads.
 */
public final class Standardizer implements FeatureTransform {
  private final int[] shape;
  private final double[] mean;
  private final double[] std;
  private final double[] divisor;

  private Standardizer(int[] shape, double[] mean, double[] std) {
    this.shape = shape;
    this.mean = mean;
    this.std = std;
    this.divisor = new double[std.length];
    for (int j = 0; j < std.length; j++) {
      divisor[j] = std[j] == 0 ? 1 : std[j];
    }
  }

  /**
   * Fits on features {@code [N, ...]}.
   *
   * @throws IllegalArgumentException when there are no samples or a value is NaN or infinite
   */
  public static Standardizer fit(Tensor features) {
    int[] shape = PerFeature.sampleShape("Standardizer.fit", features, true);
    int f = PerFeature.numel(shape);
    int n = features.size(0);
    float[] v = PerFeature.finiteValues("Standardizer.fit", features, f);
    double[] mean = new double[f];
    for (int row = 0; row < v.length; row += f) {
      for (int j = 0; j < f; j++) {
        mean[j] += v[row + j];
      }
    }
    for (int j = 0; j < f; j++) {
      mean[j] /= n;
    }
    // Two passes (mean first, then squared deviations): no cancellation for large offsets.
    double[] var = new double[f];
    for (int row = 0; row < v.length; row += f) {
      for (int j = 0; j < f; j++) {
        double d = v[row + j] - mean[j];
        var[j] += d * d;
      }
    }
    double[] std = new double[f];
    for (int j = 0; j < f; j++) {
      std[j] = (float) Math.sqrt(var[j] / n);
      // Kept as the float32 values mean() and std() report, so that a standardizer rebuilt
      // from them with of() (say, after saving) transforms bit for bit like this one.
      mean[j] = (float) mean[j];
    }
    return new Standardizer(shape, mean, std);
  }

  /**
   * A standardizer with known statistics (same shape; std {@code >= 0}).
   *
   * @throws IllegalArgumentException when the shapes differ or a std is negative or not finite
   */
  public static Standardizer of(Tensor mean, Tensor std) {
    if (!Arrays.equals(mean.shape(), std.shape())) {
      throw new IllegalArgumentException("Standardizer.of: mean " + Arrays.toString(
          mean.shape()) + " and std " + Arrays.toString(std.shape()) + " differ in shape");
    }
    float[] m = mean.toArray();
    float[] s = std.toArray();
    double[] md = new double[m.length];
    double[] sd = new double[s.length];
    for (int j = 0; j < m.length; j++) {
      if (!(s[j] >= 0) || !Float.isFinite(s[j]) || !Float.isFinite(m[j])) {
        throw new IllegalArgumentException("Standardizer.of: feature " + j + " has mean " + m[j]
            + " and std " + s[j] + "; need finite values and std >= 0");
      }
      md[j] = m[j];
      sd[j] = s[j];
    }
    return new Standardizer(mean.shape(), md, sd);
  }

  @Override
  public Tensor transform(Tensor features) {
    PerFeature.checkSameShape("Standardizer.transform", shape, features);
    return PerFeature.affine(features, mean, divisor, 1, 0);
  }

  @Override
  public Tensor inverseTransform(Tensor features) {
    PerFeature.checkSameShape("Standardizer.inverseTransform", shape, features);
    float[] v = features.toArray();
    int f = mean.length;
    for (int row = 0; row < v.length; row += f) {
      for (int j = 0; j < f; j++) {
        v[row + j] = (float) (v[row + j] * divisor[j] + mean[j]);
      }
    }
    return Tensor.of(v, features.shape());
  }

  /** The per-feature mean, shaped like one sample. */
  public Tensor mean() {
    return PerFeature.asTensor(mean, shape);
  }

  /** The per-feature population standard deviation (0 for a constant feature), shaped like one sample. */
  public Tensor std() {
    return PerFeature.asTensor(std, shape);
  }

  @Override
  public String toString() {
    return "Standardizer[features=" + Arrays.toString(shape) + "]";
  }
}

package dev.kairo.data.transform;

import dev.kairo.tensor.Tensor;
import java.util.Arrays;

/**
 * Per-feature rescaling of the training range {@code [min, max]} onto {@code [low, high]}
 * (default {@code [0, 1]}): scikit-learn's {@code MinMaxScaler}. A feature that is constant
 * in training maps to {@code low}. New data outside the training range lands outside
 * {@code [low, high]}; it is not clipped.
 *
 * <pre>{@code
 * MinMaxScaler s = MinMaxScaler.fit(train.features());        // onto [0, 1]
 * MinMaxScaler t = MinMaxScaler.fit(train.features(), -1, 1); // onto [-1, 1]
 * Tensor x = s.transform(test.features());
 * }</pre>
 *
 * <p>Immutable and safe to share between threads.
 */
public final class MinMaxScaler implements FeatureTransform {
  private final int[] shape;
  private final double[] min;
  private final double[] max;
  private final double[] range;
  private final double low;
  private final double high;

  private MinMaxScaler(int[] shape, double[] min, double[] max, double low, double high) {
    if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
      throw new IllegalArgumentException("MinMaxScaler: target range [" + low + ", " + high
          + "] must be finite with low < high");
    }
    this.shape = shape;
    this.min = min;
    this.max = max;
    this.low = low;
    this.high = high;
    this.range = new double[min.length];
    for (int j = 0; j < min.length; j++) {
      range[j] = max[j] - min[j] == 0 ? 1 : max[j] - min[j];
    }
  }

  /** Fits onto {@code [0, 1]}. */
  public static MinMaxScaler fit(Tensor features) {
    return fit(features, 0, 1);
  }

  /**
   * Fits the per-feature min and max of features {@code [N, ...]}, to map onto {@code [low, high]}.
   *
   * @throws IllegalArgumentException when there are no samples or a value is NaN or infinite
   */
  public static MinMaxScaler fit(Tensor features, double low, double high) {
    int[] shape = PerFeature.sampleShape("MinMaxScaler.fit", features, true);
    int f = PerFeature.numel(shape);
    float[] v = PerFeature.finiteValues("MinMaxScaler.fit", features, f);
    double[] min = new double[f];
    double[] max = new double[f];
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
    for (int row = 0; row < v.length; row += f) {
      for (int j = 0; j < f; j++) {
        min[j] = Math.min(min[j], v[row + j]);
        max[j] = Math.max(max[j], v[row + j]);
      }
    }
    return new MinMaxScaler(shape, min, max, low, high);
  }

  @Override
  public Tensor transform(Tensor features) {
    PerFeature.checkSameShape("MinMaxScaler.transform", shape, features);
    return PerFeature.affine(features, min, range, high - low, low);
  }

  @Override
  public Tensor inverseTransform(Tensor features) {
    PerFeature.checkSameShape("MinMaxScaler.inverseTransform", shape, features);
    float[] v = features.toArray();
    int f = min.length;
    double width = high - low;
    for (int row = 0; row < v.length; row += f) {
      for (int j = 0; j < f; j++) {
        v[row + j] = (float) ((v[row + j] - low) / width * range[j] + min[j]);
      }
    }
    return Tensor.of(v, features.shape());
  }

  /** The per-feature training minimum, shaped like one sample. */
  public Tensor dataMin() {
    return PerFeature.asTensor(min, shape);
  }

  /** The per-feature training maximum, shaped like one sample. */
  public Tensor dataMax() {
    return PerFeature.asTensor(max, shape);
  }

  @Override
  public String toString() {
    return "MinMaxScaler[features=" + Arrays.toString(shape) + ", onto [" + low + ", " + high + "]]";
  }
}

package dev.kairo.data.transform;

import dev.kairo.tensor.Tensor;
import java.util.Arrays;

/** Shared bookkeeping of the per-feature transforms: shapes, finiteness, the affine map. */
final class PerFeature {
  private PerFeature() {}

  /** The per-sample shape of {@code x} ([N, ...] minus N), checked for at least one sample. */
  static int[] sampleShape(String op, Tensor x, boolean needSamples) {
    if (x.rank() < 1) {
      throw new IllegalArgumentException(op + ": features must be [N, ...], got a scalar");
    }
    if (needSamples && x.size(0) == 0) {
      throw new IllegalArgumentException(op + ": cannot fit on 0 samples (features "
          + Arrays.toString(x.shape()) + ")");
    }
    return Arrays.copyOfRange(x.shape(), 1, x.rank());
  }

  static int numel(int[] shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  /** The values of {@code x}, checked finite, so a NaN names its sample instead of spreading. */
  static float[] finiteValues(String op, Tensor x, int rowSize) {
    float[] v = x.toArray();
    for (int i = 0; i < v.length; i++) {
      if (!Float.isFinite(v[i])) {
        throw new IllegalArgumentException(op + ": sample " + (i / rowSize) + ", feature "
            + (i % rowSize) + " is " + v[i] + "; fit needs finite values");
      }
    }
    return v;
  }

  static void checkSameShape(String op, int[] fitted, Tensor x) {
    int[] got = sampleShape(op, x, false);
    if (!Arrays.equals(fitted, got)) {
      throw new IllegalArgumentException(op + ": fitted on samples of shape "
          + Arrays.toString(fitted) + ", but features " + Arrays.toString(x.shape())
          + " have samples of shape " + Arrays.toString(got));
    }
  }

  /** {@code (x - shift) / div * mul + offset} per feature, in double, into a new tensor of x's shape. */
  static Tensor affine(Tensor x, double[] shift, double[] div, double mul, double offset) {
    float[] v = x.toArray();
    int f = shift.length;
    for (int row = 0; row < v.length; row += f) {
      for (int j = 0; j < f; j++) {
        v[row + j] = (float) ((v[row + j] - shift[j]) / div[j] * mul + offset);
      }
    }
    return Tensor.of(v, x.shape());
  }

  static Tensor asTensor(double[] values, int[] shape) {
    float[] f = new float[values.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) values[i];
    }
    return Tensor.of(f, shape);
  }
}

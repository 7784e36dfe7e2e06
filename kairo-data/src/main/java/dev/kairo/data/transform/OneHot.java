package dev.kairo.data.transform;

import dev.kairo.tensor.Tensor;
import java.util.Arrays;

/**
 * One-hot rows for class indices, and back.
 *
 * <pre>{@code
 * Tensor t = OneHot.encode(new int[] {2, 0, 1}, 3);   // [[0,0,1], [1,0,0], [0,1,0]]
 * int[] labels = OneHot.decode(t);                     // {2, 0, 1}
 * }</pre>
 */
public final class OneHot {
  private OneHot() {}

  /**
   * A {@code [N, classes]} tensor with a 1 in column {@code labels[i]} of row {@code i}.
   *
   * @throws IllegalArgumentException when a label is outside {@code [0, classes)}
   */
  public static Tensor encode(int[] labels, int classes) {
    if (classes < 1) {
      throw new IllegalArgumentException("OneHot.encode: classes must be >= 1, got " + classes);
    }
    float[] out = new float[labels.length * classes];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException("OneHot.encode: label " + labels[i] + " at index " + i
            + " is outside [0, " + classes + ")");
      }
      out[i * classes + labels[i]] = 1f;
    }
    return Tensor.of(out, labels.length, classes);
  }

  /**
   * One-hot rows for class indices held in a {@code [N]} tensor (as in a class-target
   * {@code TensorDataset}).
   *
   * @throws IllegalArgumentException when the tensor is not 1-d or holds a non-integer
   */
  public static Tensor encode(Tensor labels, int classes) {
    if (labels.rank() != 1) {
      throw new IllegalArgumentException("OneHot.encode: labels must be [N], got "
          + Arrays.toString(labels.shape()));
    }
    float[] v = labels.toArray();
    int[] l = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      if (v[i] != Math.rint(v[i])) {
        throw new IllegalArgumentException("OneHot.encode: label at index " + i + " is " + v[i]
            + ", not a whole number");
      }
      l[i] = (int) v[i];
    }
    return encode(l, classes);
  }

  /** The column of the largest value in each row of {@code [N, classes]} (the first on ties). */
  public static int[] decode(Tensor oneHot) {
    if (oneHot.rank() != 2 || oneHot.size(1) == 0) {
      throw new IllegalArgumentException("OneHot.decode: need [N, classes] with classes >= 1, got "
          + Arrays.toString(oneHot.shape()));
    }
    int n = oneHot.size(0);
    int c = oneHot.size(1);
    float[] v = oneHot.toArray();
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int best = 0;
      for (int j = 1; j < c; j++) {
        if (v[i * c + j] > v[i * c + best]) {
          best = j;
        }
      }
      out[i] = best;
    }
    return out;
  }
}

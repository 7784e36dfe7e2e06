package dev.kairo.data;

import dev.kairo.tensor.Tensor;
import java.util.Arrays;

/**
 * A dataset held as two tensors: features {@code [N, ...]} and targets, either {@code [N]}
 * class indices (stored as float) or {@code [N, k...]} values (regression, one-hot, sequences).
 *
 * <pre>{@code
 * Tensor x = Tensor.matrix(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
 * TensorDataset xor = new TensorDataset(x, Tensor.vector(0, 1, 1, 0));
 * xor.numClasses();                      // 2
 * xor.labels();                          // {0, 1, 1, 0}
 * TensorDataset firstTwo = xor.subset(0, 1);
 * }</pre>
 *
 * <p>Contiguous tensors are wrapped, not copied (a view is copied once), so this costs no
 * memory beyond the data itself; every gathered batch is a fresh copy. Rank-1 targets must be
 * whole numbers {@code >= 0}, and are checked once here so that training never meets a label
 * of 2.5 or -1.
 */
public final class TensorDataset implements Dataset {
  private final Tensor features;
  private final Tensor targets;
  private final float[] x;
  private final float[] y;
  private final int n;
  private final int featureSize;
  private final int targetSize;
  private final int numClasses;

  /**
   * Wraps features and targets; for rank-1 (class) targets the class count is the largest
   * label plus one.
   *
   * @throws IllegalArgumentException when the sample counts differ, or a class target is not a
   *     whole number {@code >= 0}
   */
  public TensorDataset(Tensor features, Tensor targets) {
    this(features, targets, -1);
  }

  /**
   * Wraps features and class targets with a known class count, so that a subset missing the
   * last class still reports the true count.
   *
   * @param numClasses the number of classes, or -1 to use the largest label plus one; ignored
   *     (must be -1) for non-class targets
   * @throws IllegalArgumentException when a label is outside {@code [0, numClasses)}
   */
  public TensorDataset(Tensor features, Tensor targets, int numClasses) {
    if (features.rank() < 1 || targets.rank() < 1) {
      throw new IllegalArgumentException("TensorDataset: features " + shape(features)
          + " and targets " + shape(targets) + " need a leading sample axis");
    }
    if (features.size(0) != targets.size(0)) {
      throw new IllegalArgumentException("TensorDataset: features " + shape(features) + " have "
          + features.size(0) + " samples but targets " + shape(targets) + " have "
          + targets.size(0));
    }
    this.features = owned(features);
    this.targets = owned(targets);
    this.x = this.features.data();
    this.y = this.targets.data();
    this.n = features.size(0);
    this.featureSize = n == 0 ? numelAfterFirst(features) : x.length / n;
    this.targetSize = n == 0 ? numelAfterFirst(targets) : y.length / n;
    if (targets.rank() == 1) {
      this.numClasses = checkLabels(y, numClasses);
    } else {
      if (numClasses != -1) {
        throw new IllegalArgumentException("TensorDataset: numClasses " + numClasses
            + " given, but targets " + shape(targets) + " are not class indices (rank 1)");
      }
      this.numClasses = -1;
    }
  }

  private static int checkLabels(float[] y, int numClasses) {
    int max = -1;
    for (int i = 0; i < y.length; i++) {
      float v = y[i];
      if (!(v >= 0) || v != Math.rint(v) || v > Integer.MAX_VALUE - 1) {
        throw new IllegalArgumentException("TensorDataset: class target at index " + i + " is " + v
            + "; class targets must be whole numbers >= 0 (use a [N, 1] tensor for regression)");
      }
      if (numClasses >= 0 && v >= numClasses) {
        throw new IllegalArgumentException("TensorDataset: class target at index " + i + " is "
            + (int) v + ", outside [0, " + numClasses + ")");
      }
      max = Math.max(max, (int) v);
    }
    return numClasses >= 0 ? numClasses : max + 1;
  }

  // A contiguous tensor that starts at offset 0 can be read through data() without a copy;
  // any other view (a slice, a transpose) is copied once here.
  private static Tensor owned(Tensor t) {
    Tensor c = t.contiguous();
    try {
      c.data();
      return c;
    } catch (IllegalStateException view) {
      return c.copy();
    }
  }

  private static int numelAfterFirst(Tensor t) {
    int s = 1;
    for (int i = 1; i < t.rank(); i++) {
      s *= t.size(i);
    }
    return s;
  }

  private static String shape(Tensor t) {
    return Arrays.toString(t.shape());
  }

  @Override
  public int size() {
    return n;
  }

  @Override
  public int[] featureShape() {
    return Arrays.copyOfRange(features.shape(), 1, features.rank());
  }

  @Override
  public int[] targetShape() {
    return Arrays.copyOfRange(targets.shape(), 1, targets.rank());
  }

  /** All features, {@code [N, ...]} (the stored tensor, not a copy). */
  public Tensor features() {
    return features;
  }

  /** All targets, {@code [N]} or {@code [N, ...]} (the stored tensor, not a copy). */
  public Tensor targets() {
    return targets;
  }

  @Override
  public Tensor features(int[] indices) {
    return Tensor.of(gather(x, featureSize, indices), withRows(features, indices.length));
  }

  @Override
  public Tensor targets(int[] indices) {
    return Tensor.of(gather(y, targetSize, indices), withRows(targets, indices.length));
  }

  @Override
  public int numClasses() {
    if (numClasses < 0) {
      throw new IllegalStateException("numClasses(): targets " + shape(targets)
          + " are not class indices (rank-1 targets are)");
    }
    return numClasses;
  }

  /**
   * The class index of every sample, as ints.
   *
   * @throws IllegalStateException when the targets are not class indices
   */
  public int[] labels() {
    numClasses();
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = (int) y[i];
    }
    return out;
  }

  /** The given samples, in the given order, as a new dataset with its own copies (class count kept). */
  public TensorDataset subset(int... indices) {
    return new TensorDataset(features(indices), targets(indices), numClasses);
  }

  /** A dataset with new features (same sample count) and these targets; the class count is kept. */
  public TensorDataset withFeatures(Tensor newFeatures) {
    return new TensorDataset(newFeatures, targets, numClasses);
  }

  private static int[] withRows(Tensor t, int rows) {
    int[] s = t.shape();
    s[0] = rows;
    return s;
  }

  // One bulk copy per row: the loader's hot loop, so no per-element calls.
  private float[] gather(float[] src, int rowSize, int[] indices) {
    float[] out = new float[indices.length * rowSize];
    for (int i = 0; i < indices.length; i++) {
      int r = indices[i];
      if (r < 0 || r >= n) {
        throw new IndexOutOfBoundsException("TensorDataset: sample index " + r + " (position " + i
            + ") is outside [0, " + n + ")");
      }
      System.arraycopy(src, r * rowSize, out, i * rowSize, rowSize);
    }
    return out;
  }

  @Override
  public String toString() {
    return "TensorDataset[size=" + n + ", features=" + shape(features) + ", targets="
        + shape(targets) + (numClasses >= 0 ? ", classes=" + numClasses : "") + "]";
  }
}

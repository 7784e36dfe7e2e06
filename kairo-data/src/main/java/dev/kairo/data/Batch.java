package dev.kairo.data;

import dev.kairo.tensor.Tensor;
import java.util.Arrays;

/**
 * One mini-batch: the stacked features {@link #x()}, the stacked targets {@link #y()}, and,
 * when the targets are class indices, the same targets as {@code int[]} {@link #labels()}
 * (what accuracy and cross-entropy want).
 *
 * <pre>{@code
 * for (Batch b : loader) {
 *   Tensor logits = model.forward(b.x());  // b.x(): [b.size(), features...]
 *   int[] truth = b.labels();               // class targets only
 * }
 * }</pre>
 *
 * <p>The tensors are fresh copies owned by the batch: writing into them never changes the
 * dataset.
 */
public final class Batch {
  private final Tensor x;
  private final Tensor y;
  private final int[] labels;
  private final int[] indices;

  /**
   * Makes a batch from already gathered tensors.
   *
   * @param x features {@code [n, ...]}
   * @param y targets {@code [n, ...]}
   * @param classTargets whether {@code y} holds class indices (then {@code y} must be {@code [n]})
   * @param indices the dataset index of each row, in order
   */
  public Batch(Tensor x, Tensor y, boolean classTargets, int[] indices) {
    int n = indices.length;
    if (x.rank() == 0 || x.size(0) != n || y.rank() == 0 || y.size(0) != n) {
      throw new IllegalArgumentException("Batch: features " + Arrays.toString(x.shape())
          + " and targets " + Arrays.toString(y.shape()) + " must both have " + n
          + " rows (one per index)");
    }
    this.x = x;
    this.y = y;
    this.indices = indices;
    if (classTargets) {
      if (y.rank() != 1) {
        throw new IllegalArgumentException("Batch: class targets must be [" + n + "], got "
            + Arrays.toString(y.shape()));
      }
      float[] v = y.toArray();
      labels = new int[n];
      for (int i = 0; i < n; i++) {
        labels[i] = (int) v[i];
      }
    } else {
      labels = null;
    }
  }

  /** The features, {@code [size(), ...]}. */
  public Tensor x() {
    return x;
  }

  /** The targets, {@code [size()]} for class indices, {@code [size(), ...]} otherwise. */
  public Tensor y() {
    return y;
  }

  /**
   * The class index of each row.
   *
   * @throws IllegalStateException when the targets are not class indices
   */
  public int[] labels() {
    if (labels == null) {
      throw new IllegalStateException("Batch.labels(): the targets are not class indices (they have"
          + " shape " + Arrays.toString(y.shape()) + "); use y()");
    }
    return labels.clone();
  }

  /** Whether {@link #labels()} is available. */
  public boolean hasLabels() {
    return labels != null;
  }

  /** The number of samples in the batch. */
  public int size() {
    return indices.length;
  }

  /** The dataset index of each row, in batch order. */
  public int[] indices() {
    return indices.clone();
  }

  @Override
  public String toString() {
    return "Batch[size=" + size() + ", x=" + Arrays.toString(x.shape()) + ", y="
        + Arrays.toString(y.shape()) + "]";
  }
}

package dev.kairo.data;

import dev.kairo.tensor.Tensor;

/**
 * Numbered samples, each a features tensor and a target, that can be gathered many at a time.
 * A {@link DataLoader} asks for whole mini-batches by index, so an implementation copies rows
 * in bulk instead of being asked for one sample at a time.
 *
 * <pre>{@code
 * Dataset ds = new TensorDataset(x, y);           // x [N, 2], y [N] class indices
 * Tensor xb = ds.features(new int[] {4, 0, 7});   // [3, 2], rows 4, 0 and 7
 * Tensor yb = ds.targets(new int[] {4, 0, 7});    // [3]
 * }</pre>
 *
 * <p>Targets are class indices when {@link #targetShape()} is empty (one number per sample,
 * stored as float) and anything else (regression values, one-hot rows, sequences) when it
 * has dimensions.
 */
public interface Dataset {
  /** The number of samples. */
  int size();

  /** The shape of one sample's features, without the leading sample axis. */
  int[] featureShape();

  /** The shape of one sample's target: {@code []} for class indices, e.g. {@code [1]} for regression. */
  int[] targetShape();

  /**
   * The features of the given samples, stacked in the given order into a new contiguous
   * tensor of shape {@code [indices.length, featureShape()...]}.
   *
   * @throws IndexOutOfBoundsException when an index is outside {@code [0, size())}
   */
  Tensor features(int[] indices);

  /**
   * The targets of the given samples, stacked in order into a new contiguous tensor of shape
   * {@code [indices.length, targetShape()...]}.
   *
   * @throws IndexOutOfBoundsException when an index is outside {@code [0, size())}
   */
  Tensor targets(int[] indices);

  /** Whether the targets are class indices (one integer per sample). */
  default boolean hasClassTargets() {
    return targetShape().length == 0;
  }

  /**
   * The number of classes when the targets are class indices.
   *
   * @throws IllegalStateException when the targets are not class indices
   */
  int numClasses();

  /** The given samples as a {@link Batch}: features, targets and (for classes) labels. */
  default Batch batch(int[] indices) {
    return new Batch(features(indices), targets(indices), hasClassTargets(), indices.clone());
  }
}

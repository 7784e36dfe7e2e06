package dev.kairo.data.transform;

import dev.kairo.data.TensorDataset;
import dev.kairo.tensor.Tensor;

/**
 * A fitted, reusable map from features to features: fit once on the training set, then apply
 * the same statistics to validation, test and inference inputs.
 *
 * <pre>{@code
 * FeatureTransform scale = Standardizer.fit(split.train().features());
 * TensorDataset train = scale.transform(split.train());
 * TensorDataset test = scale.transform(split.test());    // the training mean and std
 * Tensor input = scale.transform(Tensor.matrix(new float[][] {{0.5f, -0.2f}}));
 * }</pre>
 */
public interface FeatureTransform {
  /**
   * Applies the transform to features {@code [N, ...]} whose per-sample shape is the one it
   * was fitted on; returns a new tensor.
   */
  Tensor transform(Tensor features);

  /** Undoes {@link #transform(Tensor)} (up to float rounding). */
  Tensor inverseTransform(Tensor features);

  /** The dataset with transformed features and the same targets. */
  default TensorDataset transform(TensorDataset ds) {
    return ds.withFeatures(transform(ds.features()));
  }
}
